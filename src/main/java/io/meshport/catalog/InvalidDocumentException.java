package io.meshport.catalog;

import java.util.List;

/** A document that cannot be accepted, with every reason found. Maps to 400. */
public class InvalidDocumentException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidDocumentException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public InvalidDocumentException(String message, String pointer, String violation) {
        this(message, List.of(new Violation(pointer, violation)));
    }

    public List<Violation> violations() {
        return violations;
    }
}

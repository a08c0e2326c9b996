package io.meshport.access;

import io.meshport.catalog.Violation;
import io.meshport.system.ClientProblem;
import java.util.List;
import java.util.Map;

/** An access request or step that cannot be accepted, with every reason found. Maps to 400. */
public class InvalidAccessRequestException extends RuntimeException implements ClientProblem {

    private final List<Violation> violations;

    public InvalidAccessRequestException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public InvalidAccessRequestException(String message, String pointer, String violation) {
        this(message, List.of(new Violation(pointer, violation)));
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String problemType() {
        return "invalid-request";
    }

    @Override
    public String title() {
        return getMessage();
    }

    @Override
    public String detail() {
        if (violations.size() == 1) {
            Violation only = violations.getFirst();
            return (only.pointer().isEmpty() ? "" : only.pointer() + ": ") + only.message();
        }
        return violations.size() + " problems; see errors.";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", violations);
    }
}

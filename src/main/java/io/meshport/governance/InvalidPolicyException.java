package io.meshport.governance;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.Violation;
import java.util.List;

/** A policy that cannot be accepted (a rule that does not compile, a missing title, ...): 400. */
public class InvalidPolicyException extends InvalidDocumentException {

    public InvalidPolicyException(String message, List<Violation> violations) {
        super(message, violations);
    }

    public InvalidPolicyException(String message, String pointer, String violation) {
        super(message, pointer, violation);
    }

    @Override
    public String problemType() {
        return "invalid-policy";
    }
}

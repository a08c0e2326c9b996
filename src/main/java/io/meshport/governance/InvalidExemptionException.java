package io.meshport.governance;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.Violation;
import java.util.List;

/** An exemption that cannot be granted (no reason, an expiry in the past or too far ahead): 400. */
public class InvalidExemptionException extends InvalidDocumentException {

    public InvalidExemptionException(String message, List<Violation> violations) {
        super(message, violations);
    }

    @Override
    public String problemType() {
        return "invalid-exemption";
    }
}

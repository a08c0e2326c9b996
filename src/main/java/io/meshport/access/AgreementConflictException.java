package io.meshport.access;

import io.meshport.system.ClientProblem;

/**
 * The step does not fit the agreement's state (deciding one already decided, revoking one not in
 * force), or it duplicates an open request, or someone changed the agreement meanwhile. Maps to 409.
 */
public class AgreementConflictException extends RuntimeException implements ClientProblem {

    public AgreementConflictException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String problemType() {
        return "conflict";
    }

    @Override
    public String title() {
        return "Conflict";
    }
}

package io.meshport.catalog.api;

import io.meshport.system.ClientProblem;

/** An {@code If-Match} or {@code If-None-Match} that does not hold (RFC 9110 §13). Maps to 412. */
class PreconditionFailedException extends RuntimeException implements ClientProblem {

    PreconditionFailedException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 412;
    }

    @Override
    public String problemType() {
        return "precondition-failed";
    }

    @Override
    public String title() {
        return "Precondition failed";
    }
}

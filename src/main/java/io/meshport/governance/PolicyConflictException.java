package io.meshport.governance;

import io.meshport.system.ClientProblem;

/** A policy change made against a revision someone else has replaced: 409. */
public class PolicyConflictException extends RuntimeException implements ClientProblem {

    public PolicyConflictException(String message) {
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

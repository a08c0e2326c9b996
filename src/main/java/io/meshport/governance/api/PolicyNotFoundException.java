package io.meshport.governance.api;

import io.meshport.system.ClientProblem;

/** No policy has the id asked for (retired ones still answer). Maps to 404. */
class PolicyNotFoundException extends RuntimeException implements ClientProblem {

    PolicyNotFoundException(String id) {
        super("No policy '" + id + "'.");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String problemType() {
        return "not-found";
    }

    @Override
    public String title() {
        return "No such policy";
    }
}

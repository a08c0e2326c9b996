package io.meshport.access.api;

import io.meshport.system.ClientProblem;

/** No agreement the caller may see has the id asked for (or the id is no id at all). Maps to 404. */
class AgreementNotFoundException extends RuntimeException implements ClientProblem {

    AgreementNotFoundException(String message) {
        super(message);
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
        return "No such access request";
    }
}

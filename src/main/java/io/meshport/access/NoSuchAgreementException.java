package io.meshport.access;

import io.meshport.system.ClientProblem;

/** No agreement with the id, or none the caller may see (which is the same to the caller). Maps to 404. */
public class NoSuchAgreementException extends RuntimeException implements ClientProblem {

    public NoSuchAgreementException(String id) {
        super("No access request '" + id + "'.");
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

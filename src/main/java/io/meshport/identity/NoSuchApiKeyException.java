package io.meshport.identity;

import io.meshport.system.ClientProblem;

/** No key has the id. Maps to 404. */
public class NoSuchApiKeyException extends RuntimeException implements ClientProblem {

    public NoSuchApiKeyException(String message) {
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
        return "No such API key";
    }
}

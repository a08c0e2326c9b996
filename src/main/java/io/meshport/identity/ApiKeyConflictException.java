package io.meshport.identity;

import io.meshport.system.ClientProblem;
import java.util.List;
import java.util.Map;

/** The team already has a key of that name that is not revoked. Maps to 409, pointing at the name. */
public class ApiKeyConflictException extends RuntimeException implements ClientProblem {

    public ApiKeyConflictException(String message) {
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
        return "Name taken";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", List.of(new InvalidApiKeyException.Field("/name", getMessage())));
    }
}

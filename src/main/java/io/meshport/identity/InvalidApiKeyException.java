package io.meshport.identity;

import io.meshport.system.ClientProblem;
import java.util.List;
import java.util.Map;

/** A key that cannot be created as asked, with every reason found and where. Maps to 400. */
public class InvalidApiKeyException extends RuntimeException implements ClientProblem {

    /**
     * One thing wrong with the request.
     *
     * @param pointer where, as a JSON Pointer into the request ({@code /name}, {@code /expiresAt})
     */
    public record Field(String pointer, String message) {}

    private final List<Field> errors;

    public InvalidApiKeyException(List<Field> errors) {
        super(errors.size() == 1 ? errors.getFirst().message() : errors.size() + " problems; see errors.");
        this.errors = List.copyOf(errors);
    }

    public List<Field> errors() {
        return errors;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String problemType() {
        return "invalid-request";
    }

    @Override
    public String title() {
        return "Invalid API key";
    }

    @Override
    public String detail() {
        if (errors.size() == 1) {
            return errors.getFirst().pointer() + ": " + errors.getFirst().message();
        }
        return getMessage();
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}

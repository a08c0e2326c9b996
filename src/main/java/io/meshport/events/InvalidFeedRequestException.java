package io.meshport.events;

import io.meshport.system.ClientProblem;
import java.util.List;
import java.util.Map;

/** A feed request that cannot be answered as asked (a bad or unknown {@code after}, a bad limit): 400. */
public class InvalidFeedRequestException extends RuntimeException implements ClientProblem {

    /** Where in the request the problem is ({@code /after}, {@code /limit}) and what it is. */
    public record Problem(String pointer, String message) {}

    private final Problem problem;

    public InvalidFeedRequestException(String pointer, String message) {
        super(message);
        this.problem = new Problem(pointer, message);
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
        return "Invalid feed request";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", List.of(problem));
    }
}

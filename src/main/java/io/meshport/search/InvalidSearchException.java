package io.meshport.search;

import io.meshport.system.ClientProblem;
import java.util.List;
import java.util.Map;

/** A search that cannot be run as asked (a query too long, a bad page, sort or size). Maps to 400. */
public class InvalidSearchException extends RuntimeException implements ClientProblem {

    /** Where in the request the problem is ({@code /q}, {@code /page}) and what it is. */
    public record Problem(String pointer, String message) {}

    private final Problem problem;

    public InvalidSearchException(String title, String pointer, String message) {
        super(title);
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
        return getMessage();
    }

    @Override
    public String detail() {
        return problem.pointer() + ": " + problem.message();
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", List.of(problem));
    }
}

package io.meshport.teams.api;

import io.meshport.catalog.Violation;
import io.meshport.system.ClientProblem;
import java.util.List;
import java.util.Map;

/** A request of the keys API that cannot be read (its body or its query), with every reason and where. 400. */
class InvalidApiKeyRequestException extends RuntimeException implements ClientProblem {

    private final List<Violation> violations;

    InvalidApiKeyRequestException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
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
        if (violations.size() == 1) {
            Violation only = violations.getFirst();
            return (only.pointer().isEmpty() ? "" : only.pointer() + ": ") + only.message();
        }
        return violations.size() + " problems; see errors.";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", violations);
    }
}

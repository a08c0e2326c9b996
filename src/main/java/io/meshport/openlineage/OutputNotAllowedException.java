package io.meshport.openlineage;

import io.meshport.catalog.Violation;
import io.meshport.system.ClientProblem;
import java.util.List;
import java.util.Map;

/**
 * Events whose outputs are output ports of products the sender may not act for: a pipeline may
 * say it read anyone's data, never that it wrote another team's. Maps to 403; nothing is stored.
 */
public class OutputNotAllowedException extends RuntimeException implements ClientProblem {

    private final List<Violation> violations;

    OutputNotAllowedException(List<Violation> violations) {
        super(
                violations.size() == 1
                        ? violations.getFirst().pointer() + ": "
                                + violations.getFirst().message()
                        : violations.size() + " outputs belong to products you may not act for; see errors.");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String problemType() {
        return "not-an-owner";
    }

    @Override
    public String title() {
        return "Not allowed to report these outputs";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", violations);
    }
}

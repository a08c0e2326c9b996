package io.meshport.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A write that would break an enforced global policy: one violation per policy broken, pointing at
 * the offending part of the document where the policy names one, and the policies themselves.
 * It is an invalid document to every caller that shows violations at their fields (the form, the
 * API's {@code errors}); its problem type tells the two apart.
 */
public class RefusedByPolicyException extends InvalidDocumentException {

    /** A policy the write breaks. */
    public record BrokenPolicy(String id, String title, String severity, String message) {}

    private final List<BrokenPolicy> policies;

    public RefusedByPolicyException(String productId, List<Violation> violations, List<BrokenPolicy> policies) {
        super(
                "Refused by "
                        + (policies.size() == 1
                                ? "policy '" + policies.getFirst().title() + "'"
                                : policies.size() + " policies")
                        + " for data product '" + productId + "'",
                violations);
        this.policies = List.copyOf(policies);
    }

    public List<BrokenPolicy> policies() {
        return policies;
    }

    @Override
    public String problemType() {
        return "policy-violation";
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>(super.properties());
        properties.put("policies", policies);
        return properties;
    }
}

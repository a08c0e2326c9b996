package io.meshport.governance;

import io.meshport.catalog.ProductStatus;
import io.meshport.catalog.PublishGate;
import io.meshport.catalog.RefusedByPolicyException;
import io.meshport.catalog.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Enforced policies at the catalog's door. A write is refused when it leaves the product breaking
 * an enforced policy that covers it (and no exemption excuses it), and either
 *
 * <ul>
 *   <li>the policy is enforced on <b>publish</b> and the write newly breaks it: the product is
 *       new, or kept the policy before (a product that already broke it may still be changed, so
 *       that its owners can mend it step by step, deprecate it, or retire it); or
 *   <li>the policy is enforced on <b>activation</b> and the write makes the product active.
 * </ul>
 *
 * Otherwise every result is stored in the same transaction (advisory policies are shown, not
 * enforced).
 */
@Component
class PolicyGate implements PublishGate {

    private final PolicyRepository policies;
    private final ResultStore results;
    private final ProductFactsReader facts;
    private final PolicyEvaluations evaluations;
    private final Clock clock;

    PolicyGate(
            PolicyRepository policies,
            ResultStore results,
            ProductFactsReader facts,
            PolicyEvaluations evaluations,
            Clock clock) {
        this.policies = policies;
        this.results = results;
        this.facts = facts;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    @Override
    public void check(String productId, @Nullable ProductStatus previousStatus) {
        List<ProductFacts> read = facts.read(List.of(productId));
        if (read.isEmpty()) {
            return;
        }
        ProductFacts product = read.getFirst();
        Instant now = clock.instant();
        Map<String, Boolean> keptBefore = new HashMap<>();
        results.of(List.of(productId))
                .getOrDefault(productId, List.of())
                .forEach(result -> keptBefore.put(result.policyId(), result.passed()));
        Map<String, Exemption> open = evaluations.openExemptions(List.of(productId));
        List<Violation> violations = new ArrayList<>();
        List<RefusedByPolicyException.BrokenPolicy> broken = new ArrayList<>();
        for (Policy policy : policies.findByEnabledTrueAndRetiredAtIsNullOrderById()) {
            PolicyDefinition definition = policy.definition();
            if (definition.mode() != PolicyMode.ENFORCED) {
                continue;
            }
            ResultStore.Evaluated result = evaluations.evaluate(
                    policy.id(), definition, product, open.get(PolicyEvaluations.key(policy.id(), productId)), now);
            if (result == null || result.passed()) {
                continue;
            }
            boolean refuse =
                    switch (definition.enforceOn()) {
                        case PUBLISH -> previousStatus == null || keptBefore.getOrDefault(policy.id(), true);
                        case ACTIVATION ->
                            product.status() == ProductStatus.ACTIVE && previousStatus != ProductStatus.ACTIVE;
                    };
            if (refuse) {
                String message = result.message() == null ? definition.title() : result.message();
                String pointer = definition.path() == null ? "" : definition.path();
                violations.add(new Violation(
                        pointer,
                        "Policy '" + definition.title() + "' (enforced"
                                + (definition.enforceOn() == EnforceOn.ACTIVATION ? " on activation" : "") + "): "
                                + message));
                broken.add(new RefusedByPolicyException.BrokenPolicy(
                        policy.id(), definition.title(), definition.severity().value(), message));
            }
        }
        if (!broken.isEmpty()) {
            throw new RefusedByPolicyException(productId, violations, broken);
        }
        evaluations.evaluateBatch(read, "publish");
    }
}

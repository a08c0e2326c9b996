package io.meshport.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.RefusedByPolicyException;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Enforced and advisory policies on real writes. Each policy here covers only products tagged
 * with this test's own tag, and is retired afterwards, so other tests' products never meet it.
 */
@MeshportTest
class PolicyEnforcementTest {

    @Autowired
    GovernanceService governance;

    @Autowired
    CatalogService catalog;

    private final String tag = "gov-" + UUID.randomUUID().toString().substring(0, 8);
    private final String policyId = "purpose-" + tag;

    @AfterEach
    void retirePolicy() {
        asCarol(() -> {
            if (governance.policy(policyId).filter(p -> p.retiredAt() == null).isPresent()) {
                governance.retire(policyId);
            }
            return null;
        });
    }

    @Test
    void an_enforced_policy_refuses_a_new_product_that_breaks_it_and_names_itself() {
        asCarol(() -> governance.save(policyId, purposePolicy(PolicyMode.ENFORCED), null));
        String id = "p-" + tag;
        assertThatThrownBy(() -> asAlice(
                        () -> catalog.publishProduct(id, product(id, "short"), DocumentFormat.YAML, null, null)))
                .isInstanceOf(RefusedByPolicyException.class)
                .hasMessageContaining("Purpose of substance " + tag)
                .satisfies(e -> assertThat(((RefusedByPolicyException) e).violations())
                        .singleElement()
                        .satisfies(v -> assertThat(v.pointer()).isEqualTo("/description/purpose")));
        assertThat(asAlice(() -> catalog.find(id))).isEmpty();

        asAlice(() -> catalog.publishProduct(
                id,
                product(id, "A purpose long enough to tell a consumer what this is for."),
                DocumentFormat.YAML,
                null,
                null));
        assertThat(asAlice(() -> governance.compliance(id))).singleElement().satisfies(result -> {
            assertThat(result.policyId()).isEqualTo(policyId);
            assertThat(result.passed()).isTrue();
        });
    }

    @Test
    void an_advisory_policy_stores_the_violation_and_lets_the_write_through() {
        asCarol(() -> governance.save(policyId, purposePolicy(PolicyMode.ADVISORY), null));
        String id = "a-" + tag;
        asAlice(() -> catalog.publishProduct(id, product(id, "short"), DocumentFormat.YAML, null, null));
        assertThat(asAlice(() -> governance.compliance(id))).singleElement().satisfies(result -> {
            assertThat(result.passed()).isFalse();
            assertThat(result.message()).isEqualTo("Say in 40 characters or more what the product is for.");
        });
        assertThat(asAlice(() -> governance.trust(id)).orElseThrow().points())
                .extracting(TrustScore.Point::component)
                .containsExactly("policies", "sla", "review", "documentation", "agreements");
    }

    @Test
    void a_rule_that_does_not_compile_is_refused_with_its_position() {
        assertThatThrownBy(() -> asCarol(() ->
                        governance.save(policyId, purposePolicy(PolicyMode.ADVISORY, "size(product.name) >"), null)))
                .isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).violations())
                        .first()
                        .satisfies(v -> {
                            assertThat(v.pointer()).isEqualTo("/rule");
                            assertThat(v.message()).startsWith("line 1, column ");
                        }));
    }

    private PolicyDefinition purposePolicy(PolicyMode mode) {
        return purposePolicy(
                mode,
                "has(product.description) && has(product.description.purpose)"
                        + " && size(product.description.purpose.trim()) >= 40");
    }

    private PolicyDefinition purposePolicy(PolicyMode mode, String rule) {
        return new PolicyDefinition(
                "Purpose of substance " + tag,
                "A consumer decides from the purpose.",
                Severity.HIGH,
                mode,
                EnforceOn.PUBLISH,
                new PolicyScope(List.of(), List.of(), List.of(tag), List.of()),
                rule,
                "/description/purpose",
                "Say in 40 characters or more what the product is for.",
                true);
    }

    private String product(String id, String purpose) {
        return """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: Product %s
                status: draft
                tags: [%s]
                description:
                  purpose: "%s"
                team:
                  name: sales
                """.formatted(id, id, tag, purpose);
    }

    private static <T> T asAlice(java.util.function.Supplier<T> work) {
        return RunAs.user("alice", List.of("sales"), work);
    }

    private static <T> T asCarol(java.util.function.Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }
}

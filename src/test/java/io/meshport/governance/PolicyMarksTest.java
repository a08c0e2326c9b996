package io.meshport.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.ProductBadges;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Products that violate enabled policies are marked wherever the catalog lists products (Explore
 * and My products ask every {@link ProductBadges}): "Violates 2 policies", leading to the
 * product page's Policies tab; a product that keeps them, or whose policies are retired, is not.
 */
@MeshportTest
class PolicyMarksTest {

    @Autowired
    GovernanceService governance;

    @Autowired
    CatalogService catalog;

    @Autowired
    List<ProductBadges> badgeSources;

    private final String tag = "marks-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void retirePolicies() {
        for (String id : List.of("purpose-" + tag, "support-" + tag)) {
            asCarol(() -> {
                if (governance.policy(id).filter(p -> p.retiredAt() == null).isPresent()) {
                    governance.retire(id);
                }
                return null;
            });
        }
    }

    @Test
    void a_product_violating_two_policies_is_marked_with_a_link_to_its_policies_tab_and_one_keeping_them_is_not() {
        advise("purpose-" + tag, "size(product.description.purpose) >= 40");
        advise("support-" + tag, "has(product.support) && size(product.support) > 0");
        String violating = "violating-" + tag;
        String keeping = "keeping-" + tag;
        publish(violating, "short", false);
        publish(keeping, "A purpose long enough to tell a consumer what it is for.", true);

        Map<String, List<ProductBadges.Mark>> marks = marks(List.of(violating, keeping));

        assertThat(marks).containsOnlyKeys(violating);
        assertThat(marks.get(violating))
                .containsExactly(
                        new ProductBadges.Mark("Violates 2 policies", "products/" + violating + "?tab=policies"));
        // Explore shows the same mark, as text.
        assertThat(badgeSources.stream()
                        .flatMap(source ->
                                source.badges(List.of(violating)).getOrDefault(violating, List.of()).stream()))
                .contains("Violates 2 policies");

        asCarol(() -> {
            governance.retire("support-" + tag);
            return null;
        });
        assertThat(marks(List.of(violating)).get(violating))
                .extracting(ProductBadges.Mark::text)
                .containsExactly("Violates 1 policy");
        asCarol(() -> {
            governance.retire("purpose-" + tag);
            return null;
        });
        assertThat(marks(List.of(violating))).doesNotContainKey(violating);
    }

    private Map<String, List<ProductBadges.Mark>> marks(List<String> ids) {
        Map<String, List<ProductBadges.Mark>> all = new java.util.HashMap<>();
        for (ProductBadges source : badgeSources) {
            source.marks(ids).forEach((id, found) -> all.computeIfAbsent(id, k -> new java.util.ArrayList<>())
                    .addAll(found.stream()
                            .filter(mark -> mark.text().startsWith("Violates"))
                            .toList()));
        }
        all.values().removeIf(List::isEmpty);
        return all;
    }

    private void advise(String id, String rule) {
        asCarol(() -> governance.save(
                id,
                new PolicyDefinition(
                        "Policy " + id,
                        "",
                        Severity.MEDIUM,
                        PolicyMode.ADVISORY,
                        EnforceOn.PUBLISH,
                        new PolicyScope(List.of(), List.of(), List.of(tag), List.of()),
                        rule,
                        null,
                        null,
                        true),
                null));
    }

    private void publish(String id, String purpose, boolean support) {
        String document = """
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
                """.formatted(id, id, tag, purpose)
                + (support ? "support:\n  - channel: help\n    url: https://example.org/help\n" : "");
        RunAs.user(
                "alice", List.of("sales"), () -> catalog.publishProduct(id, document, DocumentFormat.YAML, null, null));
    }

    private static <T> T asCarol(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }
}

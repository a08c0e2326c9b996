package io.meshport.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.ProductStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The trust score, part by part: each of its five parts earns or loses its points for the reason
 * it states, and the score is their sum. Facts are built from the demo's Customer 360, which is
 * fully documented, and changed one at a time.
 */
class TrustScoresTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final TrustScores trust = new TrustScores(null);
    private final List<ResultStore.Result> results = new ArrayList<>();
    private final Map<String, Policy> policies = new HashMap<>();

    @Test
    void a_product_with_nothing_against_it_scores_each_part_in_a_fixed_order_and_the_score_is_their_sum() {
        TrustScore score = trust.score(
                facts(RuleFacts.demo("customer-360").sla("met", true), reviewed(), granted(2)), results, policies, NOW);
        assertThat(score.points())
                .extracting(TrustScore.Point::component, TrustScore.Point::max)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("policies", 40),
                        org.assertj.core.groups.Tuple.tuple("sla", 20),
                        org.assertj.core.groups.Tuple.tuple("review", 15),
                        org.assertj.core.groups.Tuple.tuple("documentation", 15),
                        org.assertj.core.groups.Tuple.tuple("agreements", 10));
        assertThat(score.points())
                .allSatisfy(point -> assertThat(point.earned()).isEqualTo(point.max()));
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.evaluatedAt()).isEqualTo(NOW);
    }

    @Test
    void the_score_is_the_sum_of_the_points_when_parts_are_lost() {
        results.add(violated("p-high", Severity.HIGH, "Named owner"));
        TrustScore score = trust.score(
                facts(RuleFacts.demo("customer-360").sla("at_risk", true), neverReviewed(), List.of()),
                results,
                policies,
                NOW);
        assertThat(score.score())
                .isEqualTo(score.points().stream()
                        .mapToInt(TrustScore.Point::earned)
                        .sum())
                .isEqualTo(20 + 12 + 10 + 15 + 10);
    }

    @Nested
    class Policies {

        @Test
        void earn_all_forty_points_when_none_applies() {
            assertThat(part("policies", RuleFacts.demo("customer-360")))
                    .isEqualTo(new TrustScore.Point("policies", 40, 40, "No policy applies to this product."));
        }

        @Test
        void lose_points_by_the_severity_of_each_broken_policy() {
            results.add(kept("p-kept"));
            results.add(violated("p-low", Severity.LOW, "Tags"));
            results.add(violated("p-medium", Severity.MEDIUM, "Purpose"));
            TrustScore.Point point = part("policies", RuleFacts.demo("customer-360"));
            assertThat(point.earned()).isEqualTo(40 - 5 - 10);
            assertThat(point.reason())
                    .isEqualTo("Keeps 1 of 3 policies; breaks 'Tags' (low, −5), 'Purpose' (medium, −10).");
        }

        @Test
        void lose_twenty_for_a_high_and_all_forty_for_a_critical_one() {
            results.add(violated("p-high", Severity.HIGH, "Support"));
            assertThat(part("policies", RuleFacts.demo("customer-360")).earned())
                    .isEqualTo(20);
            results.add(violated("p-critical", Severity.CRITICAL, "Personal data"));
            TrustScore.Point point = part("policies", RuleFacts.demo("customer-360"));
            assertThat(point.earned()).isZero();
            assertThat(point.reason()).startsWith("Keeps 0 of 2 policies; breaks 'Support' (high, −20)");
        }

        @Test
        void never_fall_below_zero() {
            for (int i = 0; i < 5; i++) {
                results.add(violated("p-" + i, Severity.HIGH, "High " + i));
            }
            assertThat(part("policies", RuleFacts.demo("customer-360")).earned())
                    .isZero();
        }

        @Test
        void keep_a_policy_kept_only_by_an_exemption_and_say_so() {
            results.add(kept("p-kept"));
            results.add(new ResultStore.Result(
                    "p-exempt", "customer-360", true, NOW.plusSeconds(86_400), "Purpose too short", NOW, NOW));
            TrustScore.Point point = part("policies", RuleFacts.demo("customer-360"));
            assertThat(point.earned()).isEqualTo(40);
            assertThat(point.reason()).isEqualTo("Keeps 2 of 2 policies (1 only by an exemption).");
        }

        @Test
        void say_one_policy_in_the_singular() {
            results.add(kept("p-kept"));
            assertThat(part("policies", RuleFacts.demo("customer-360")).reason())
                    .isEqualTo("Keeps 1 of 1 policy.");
        }
    }

    @Nested
    class Service_levels {

        @Test
        void earn_twenty_when_met_twelve_at_risk_none_when_breached_and_ten_when_unmeasured() {
            assertThat(part("sla", RuleFacts.demo("sales-orders").sla("met", true)))
                    .isEqualTo(new TrustScore.Point("sla", 20, 20, "Every measured objective met over 30 days."));
            assertThat(part("sla", RuleFacts.demo("inventory-levels").sla("at_risk", true)))
                    .isEqualTo(new TrustScore.Point("sla", 12, 20, "An objective is at risk over 30 days."));
            assertThat(part("sla", RuleFacts.demo("page-views").sla("breached", true)))
                    .isEqualTo(new TrustScore.Point("sla", 0, 20, "An objective was breached over 30 days."));
            assertThat(part("sla", RuleFacts.demo("users")))
                    .isEqualTo(new TrustScore.Point(
                            "sla", 10, 20, "No measurements yet: its service levels are unproven."));
        }
    }

    @Nested
    class Review {

        @Test
        void earns_fifteen_when_reviewed_and_not_yet_due() {
            assertThat(review(reviewed()))
                    .isEqualTo(new TrustScore.Point("review", 15, 15, "Reviewed; next review due 2027-03-01."));
        }

        @Test
        void earns_ten_before_the_first_review_and_for_a_product_not_active() {
            assertThat(review(Map.of("due", "2027-03-01", "overdue", false, "lastReviewedAt", "")))
                    .isEqualTo(new TrustScore.Point("review", 10, 15, "Never reviewed yet; due 2027-03-01."));
            assertThat(review(Map.of("due", "", "overdue", false, "lastReviewedAt", "")))
                    .isEqualTo(new TrustScore.Point("review", 10, 15, "Not active, so not reviewed."));
        }

        @Test
        void earns_nothing_when_overdue() {
            assertThat(review(Map.of("due", "2026-11-01", "overdue", true, "lastReviewedAt", "2026-08-01T09:00:00Z")))
                    .isEqualTo(new TrustScore.Point("review", 0, 15, "Review overdue since 2026-11-01."));
        }

        private TrustScore.Point review(Map<String, Object> review) {
            return trust.score(facts(RuleFacts.demo("customer-360"), review, List.of()), results, policies, NOW)
                    .points()
                    .get(2);
        }
    }

    @Nested
    class Documentation {

        @Test
        void earns_all_fifteen_for_customer_360_which_documents_everything() {
            assertThat(part("documentation", RuleFacts.demo("customer-360")))
                    .isEqualTo(new TrustScore.Point(
                            "documentation", 15, 15, "Purpose, usage, tags, support and ports all documented."));
        }

        @Test
        void loses_five_for_a_short_purpose() {
            assertDocumentation(
                    p -> description(p).put("purpose", "Customers."), 10, "a purpose of 40 characters or more (5)");
        }

        @Test
        void loses_three_without_limitations_or_usage_but_not_with_either() {
            assertDocumentation(
                    p -> {
                        description(p).remove("limitations");
                        description(p).remove("usage");
                    },
                    12,
                    "limitations or usage (3)");
            assertThat(part("documentation", RuleFacts.demo("customer-360").product(p -> description(p)
                                    .remove("usage")))
                            .earned())
                    .isEqualTo(15);
        }

        @Test
        void loses_two_without_tags_three_without_support_and_two_for_an_undescribed_port() {
            assertDocumentation(p -> p.remove("tags"), 13, "tags (2)");
            assertDocumentation(p -> p.remove("support"), 12, "a support channel (3)");
            assertDocumentation(
                    p -> ((ObjectNode) p.path("outputPorts").get(1)).remove("description"),
                    13,
                    "a description of every output port (2)");
        }

        @Test
        void names_everything_missing_from_the_odps_example_but_its_purpose_tags_and_port() {
            // The example has limitations, usage, tags and a described port, but a 24-character
            // purpose and no support.
            TrustScore.Point point = part(
                    "documentation",
                    RuleFacts.of(RuleFacts.yaml("standards-examples/odps/simple-data-product.odps.yaml")));
            assertThat(point.earned()).isEqualTo(3 + 2 + 2);
            assertThat(point.reason())
                    .isEqualTo("Missing a purpose of 40 characters or more (5), a support channel (3).");
        }

        private void assertDocumentation(java.util.function.Consumer<ObjectNode> change, int earned, String missing) {
            TrustScore.Point point =
                    part("documentation", RuleFacts.demo("customer-360").product(change));
            assertThat(point.earned()).isEqualTo(earned);
            assertThat(point.reason()).isEqualTo("Missing " + missing + ".");
        }
    }

    @Nested
    class Agreements {

        @Test
        void earn_all_ten_with_none_to_honour_or_all_provisioned() {
            assertThat(agreements(List.of()))
                    .isEqualTo(new TrustScore.Point("agreements", 10, 10, "No approved agreements to honour yet."));
            assertThat(agreements(granted(1)))
                    .isEqualTo(new TrustScore.Point(
                            "agreements", 10, 10, "1 approved agreement: 1 provisioned, 0 pending, 0 failed."));
        }

        @Test
        void lose_a_failed_provisioning_whole_and_a_pending_one_by_half() {
            assertThat(agreements(List.of(agreement("granted"), agreement("failed"))))
                    .isEqualTo(new TrustScore.Point(
                            "agreements", 5, 10, "2 approved agreements: 1 provisioned, 0 pending, 1 failed."));
            assertThat(agreements(
                            List.of(agreement("granted"), agreement("granted"), agreement("requested"), agreement(""))))
                    .isEqualTo(new TrustScore.Point(
                            "agreements", 8, 10, "4 approved agreements: 2 provisioned, 2 pending, 0 failed."));
        }

        private TrustScore.Point agreements(List<Object> agreements) {
            return trust.score(
                            facts(RuleFacts.demo("customer-360"), neverReviewed(), agreements), results, policies, NOW)
                    .points()
                    .get(4);
        }
    }

    private TrustScore.Point part(String component, RuleFacts facts) {
        return trust.score(facts(facts, null, null), results, policies, NOW).points().stream()
                .filter(point -> point.component().equals(component))
                .findFirst()
                .orElseThrow();
    }

    private static ProductFacts facts(
            RuleFacts facts, @Nullable Map<String, Object> review, @Nullable List<Object> agreements) {
        Map<String, Object> variables = new LinkedHashMap<>(facts.variables());
        if (review != null) {
            variables.put("review", review);
        }
        if (agreements != null) {
            variables.put("agreements", agreements);
        }
        return new ProductFacts(
                facts.document().path("id").asString(),
                facts.document().path("name").asString(),
                null,
                "sales",
                ProductStatus.ACTIVE,
                List.of(),
                List.of(),
                variables);
    }

    private static Map<String, Object> reviewed() {
        return Map.of("due", "2027-03-01", "overdue", false, "lastReviewedAt", "2026-09-01T10:00:00Z");
    }

    private static Map<String, Object> neverReviewed() {
        return Map.of("due", "2027-03-01", "overdue", false, "lastReviewedAt", "");
    }

    private static List<Object> granted(int n) {
        List<Object> agreements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            agreements.add(agreement("granted"));
        }
        return agreements;
    }

    private static Object agreement(String provisioning) {
        return Map.of(
                "outputPort", "customer_360",
                "consumerTeam", "marketing",
                "consumerProduct", "",
                "provisioning", provisioning);
    }

    private static ResultStore.Result kept(String policyId) {
        return new ResultStore.Result(policyId, "customer-360", true, null, null, NOW, NOW);
    }

    private ResultStore.Result violated(String policyId, Severity severity, String title) {
        Policy policy = new Policy(policyId, false, NOW);
        policy.apply(
                new PolicyDefinition(
                        title,
                        "",
                        severity,
                        PolicyMode.ADVISORY,
                        EnforceOn.PUBLISH,
                        PolicyScope.ALL,
                        "true",
                        null,
                        null,
                        true),
                NOW,
                null,
                "carol");
        policies.put(policyId, policy);
        return new ResultStore.Result(policyId, "customer-360", false, null, title + " broken", NOW, NOW);
    }

    private static ObjectNode description(ObjectNode product) {
        return (ObjectNode) product.path("description");
    }
}

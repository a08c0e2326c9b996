package io.meshport.governance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTableRow;
import io.meshport.governance.ComplianceResult;
import io.meshport.governance.EnforceOn;
import io.meshport.governance.PolicyMode;
import io.meshport.governance.Severity;
import io.meshport.governance.TrustScore;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Policies tab says each result in words and a symbol (not colour alone), with the policy's
 * title linking to its page, its severity and mode, the message and the offending path, the
 * exemption that excuses a product, and since when; and the trust score row by row.
 */
class PoliciesTabTest {

    private static final Instant SINCE = Instant.parse("2026-11-03T09:15:00Z");

    private static ComplianceResult result(
            String id,
            PolicyMode mode,
            EnforceOn on,
            boolean passed,
            String message,
            Instant exemptUntil,
            String reason) {
        return new ComplianceResult(
                id,
                "Title of " + id,
                Severity.HIGH,
                mode,
                on,
                "/description/purpose",
                passed,
                message,
                exemptUntil,
                reason,
                SINCE,
                SINCE);
    }

    @Test
    void a_violated_policy_says_so_in_words_with_its_message_path_mode_and_a_link_to_the_policy() {
        PolicyResultsPanel panel = new PolicyResultsPanel(List.of(result(
                "purpose", PolicyMode.ENFORCED, EnforceOn.ACTIVATION, false, "Say what it is for.", null, null)));

        NativeTableRow row = row(panel, "purpose");
        assertThat(text(row))
                .contains("✕ violated")
                .contains("Title of purpose")
                .contains("high")
                .contains("enforced on activation")
                .contains("Say what it is for.")
                .contains("at /description/purpose")
                .contains("3 Nov 2026 09:15 UTC");
        assertThat(all(row).filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                .containsExactly("governance/policies/purpose");
        assertThat(text(panel)).contains("Violates the one policy that covers it.");
    }

    @Test
    void an_exempt_product_passes_and_says_until_when_and_why() {
        PolicyResultsPanel panel = new PolicyResultsPanel(List.of(result(
                "support",
                PolicyMode.ADVISORY,
                EnforceOn.PUBLISH,
                true,
                "Name a support channel.",
                Instant.parse("2027-01-31T00:00:00Z"),
                "Team is hiring a support rota")));

        assertThat(text(row(panel, "support")))
                .contains("✓ exempt")
                .contains("advisory")
                .contains("Exempt until 31 Jan 2027: Team is hiring a support rota")
                .doesNotContain("at /description/purpose");
        assertThat(text(panel)).contains("Keeps the one policy that covers it (1 by an exemption).");
    }

    @Test
    void a_kept_policy_shows_no_message_and_no_policy_at_all_says_so() {
        PolicyResultsPanel kept = new PolicyResultsPanel(
                List.of(result("purpose", PolicyMode.ENFORCED, EnforceOn.PUBLISH, true, null, null, null)));
        assertThat(text(row(kept, "purpose")))
                .contains("✓ kept")
                .contains("enforced on publish")
                .contains("—");

        assertThat(text(new PolicyResultsPanel(List.of()))).isEqualTo("No enabled policy covers this product.");
        assertThat(PolicyResultsPanel.summary(3, 0, 0)).isEqualTo("Keeps all 3 policies that cover it.");
        assertThat(PolicyResultsPanel.summary(3, 2, 0)).isEqualTo("Violates 2 of 3 policies that cover it.");
    }

    @Test
    void the_trust_score_is_explained_point_by_point() {
        TrustScore trust = new TrustScore(
                75,
                List.of(
                        new TrustScore.Point("policies", 30, 40, "Keeps 1 of 2 policies; breaks 'x' (medium, −10)."),
                        new TrustScore.Point("sla", 10, 20, "No measurements yet."),
                        new TrustScore.Point("review", 15, 15, "Reviewed."),
                        new TrustScore.Point("documentation", 10, 15, "Missing tags (2)."),
                        new TrustScore.Point("agreements", 10, 10, "No approved agreements to honour yet.")),
                SINCE);

        TrustScorePanel panel = new TrustScorePanel(trust);

        assertThat(text(panel)).startsWith("75 / 100");
        List<String> rows = all(panel)
                .filter(NativeTableRow.class::isInstance)
                .map(PoliciesTabTest::text)
                .toList();
        assertThat(rows)
                .containsExactly(
                        "PartPointsWhy",
                        "Policies kept30 of 40Keeps 1 of 2 policies; breaks 'x' (medium, −10).",
                        "Service levels met10 of 20No measurements yet.",
                        "Review current15 of 15Reviewed.",
                        "Documentation complete10 of 15Missing tags (2).",
                        "Agreements honoured10 of 10No approved agreements to honour yet.",
                        "Total75 of 100");
        assertThat(text(new TrustScorePanel(null))).startsWith("Not scored yet");
    }

    private static NativeTableRow row(Component panel, String policyId) {
        return all(panel)
                .filter(NativeTableRow.class::isInstance)
                .map(NativeTableRow.class::cast)
                .filter(row -> policyId.equals(row.getElement().getAttribute("data-policy")))
                .findFirst()
                .orElseThrow();
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(PoliciesTabTest::all));
    }
}

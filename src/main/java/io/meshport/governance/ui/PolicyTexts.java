package io.meshport.governance.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Span;
import io.meshport.governance.ComplianceResult;
import io.meshport.governance.EnforceOn;
import io.meshport.governance.PolicyMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the product page says a policy's result: in words and symbols, colour only as a second cue. */
final class PolicyTexts {

    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private PolicyTexts() {}

    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** "✓ kept", "✓ exempt" or "✕ violated". */
    static String result(ComplianceResult result) {
        if (!result.passed()) {
            return "✕ violated";
        }
        return result.exemptUntil() == null ? "✓ kept" : "✓ exempt";
    }

    static Span resultBadge(ComplianceResult result) {
        Span badge = new Span(result(result));
        badge.addClassNames(
                "status-badge",
                "policy-result",
                !result.passed() ? "sla-breached" : result.exemptUntil() == null ? "sla-met" : "sla-at-risk");
        return badge;
    }

    static String mode(ComplianceResult result) {
        if (result.mode() == PolicyMode.ADVISORY) {
            return "advisory";
        }
        return result.enforceOn() == EnforceOn.ACTIVATION ? "enforced on activation" : "enforced on publish";
    }

    /** The policy's own page, among the governance pages. */
    static Anchor policyLink(String policyId, String title) {
        Anchor link = new Anchor("governance/policies/" + policyId, title);
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    static void tableStyle(NativeTable table) {
        table.setWidthFull();
        table.getStyle().set("border-collapse", "collapse").set("margin-bottom", "var(--lumo-space-l)");
        table.addClassName("policy-table");
    }
}

package io.meshport.governance.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.meshport.catalog.CatalogPaths;
import io.meshport.governance.PolicyMode;
import io.meshport.governance.Severity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Words, links and badges the governance pages share. */
final class GovernanceTexts {

    static final String OVERVIEW = "governance";
    static final String NEW = "new";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private GovernanceTexts() {}

    /** The policy's page, {@code governance/policies/{id}}. */
    static String policyPath(String id) {
        return "governance/policies/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String newPolicyPath() {
        return "governance/policies/" + NEW;
    }

    /** The product's Policies tab, where its owners see what it violates and why. */
    static String productPoliciesPath(String productId) {
        return CatalogPaths.product(productId) + "?tab=policies";
    }

    static Anchor policyLink(String id, String title) {
        Anchor link = new Anchor(policyPath(id), title);
        link.addClassName("policy-link");
        return link;
    }

    static Anchor productLink(String productId, String name) {
        Anchor link = new Anchor(productPoliciesPath(productId), name);
        link.addClassName("product-link");
        return link;
    }

    static String when(Instant at) {
        return WHEN.format(at);
    }

    static String day(Instant at) {
        return DAY.format(at);
    }

    /** A share 0..1 as a whole percentage; one decimal only where rounding would hide a gap. */
    static String percent(double share) {
        double value = share * 100;
        long rounded = Math.round(value);
        if ((rounded == 100 && share < 1) || (rounded == 0 && share > 0)) {
            return String.format(Locale.ROOT, "%.1f %%", value);
        }
        return rounded + " %";
    }

    /** A share as its percentage beside a small bar: the bar is drawn, the number is read. */
    static Div shareBar(double share) {
        Span number = new Span(percent(share));
        number.addClassName("share-number");
        number.getStyle().set("min-width", "3.5em").set("display", "inline-block");
        Div fill = new Div();
        fill.getStyle()
                .set("width", Math.round(share * 1000) / 10.0 + "%")
                .set("height", "100%")
                .set("background", share >= 0.9 ? "#188038" : share >= 0.6 ? "#e37400" : "#d93025");
        Div bar = new Div(fill);
        // Decorative: the number beside it says the same.
        bar.getElement().setAttribute("aria-hidden", "true");
        bar.getStyle()
                .set("display", "inline-block")
                .set("width", "4rem")
                .set("height", "0.5rem")
                .set("background", "var(--lumo-contrast-10pct, #eee)")
                .set("border-radius", "0.25rem")
                .set("overflow", "hidden")
                .set("vertical-align", "middle")
                .set("margin-inline-start", "0.25rem");
        Div cell = new Div(number, bar);
        cell.addClassName("share");
        return cell;
    }

    static Span badge(String text, String... classNames) {
        Span badge = new Span(text);
        badge.addClassName("status-badge");
        badge.addClassNames(classNames);
        return badge;
    }

    static Span mode(PolicyMode mode) {
        return mode == PolicyMode.ENFORCED
                ? badge("enforced", "policy-enforced", "status-retired")
                : badge("advisory", "policy-advisory");
    }

    static Span severity(Severity severity) {
        return badge(
                severity.value(),
                "severity-" + severity.value(),
                severity == Severity.CRITICAL || severity == Severity.HIGH ? "attention-badge" : "severity-plain");
    }
}

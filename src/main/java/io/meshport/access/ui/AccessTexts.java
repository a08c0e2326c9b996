package io.meshport.access.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import io.meshport.access.Agreement;
import io.meshport.access.AgreementStatus;
import io.meshport.access.Provisioning;
import io.meshport.catalog.CatalogPaths;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;

/** How the access pages say an agreement's state, in words and badges. */
final class AccessTexts {

    /** The path of the access page with one request open; the notifications link here too. */
    static final String REQUEST_PARAMETER = "request";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Parser PARSER = Parser.builder().build();
    // Raw HTML in a purpose shows as text, never runs (as on the product page).
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private AccessTexts() {}

    static String path(Agreement agreement) {
        return "access?" + REQUEST_PARAMETER + "=" + agreement.id();
    }

    /** One sentence: where the agreement stands, and what it waits for. */
    static String state(Agreement agreement) {
        return switch (agreement.status()) {
            case REQUESTED -> "Requested — waiting for " + agreement.providerTeam();
            case APPROVED ->
                (agreement.automatic() ? "Approved automatically" : "Approved") + " — provisioning "
                        + provisioning(agreement.provisioning());
            case REJECTED -> "Rejected" + by(agreement.decidedBy());
            case CANCELLED -> "Cancelled";
            case REVOKED -> "Revoked";
            case EXPIRED -> "Expired";
        };
    }

    /** A link to the product's page, named as the catalog names it (the id as its tooltip). */
    static Anchor productLink(String id, String name) {
        Anchor link = new Anchor(CatalogPaths.product(id), name);
        link.setTitle(id);
        return link;
    }

    static String provisioning(@Nullable Provisioning provisioning) {
        return provisioning == null ? "—" : provisioning.value();
    }

    static Span statusBadge(AgreementStatus status) {
        Span badge = new Span(status.value());
        badge.addClassNames("status-badge", "access-" + status.value());
        return badge;
    }

    static Span provisioningBadge(@Nullable Provisioning provisioning) {
        Span badge = new Span(provisioning(provisioning));
        if (provisioning != null) {
            badge.addClassNames("status-badge", "provisioning-" + provisioning.value());
        }
        return badge;
    }

    static String dates(Agreement agreement) {
        return agreement.startsOn() + " – " + (agreement.endsOn() == null ? "no end" : agreement.endsOn());
    }

    static String contractVersion(Agreement agreement) {
        if (agreement.contractId() == null) {
            return "no contract";
        }
        String version = agreement.contractVersion() == null ? "" : " " + agreement.contractVersion();
        return agreement.contractId() + version;
    }

    static String consumer(Agreement agreement) {
        return agreement.consumerTeam()
                + (agreement.consumerProduct() == null ? "" : " · " + agreement.consumerProduct());
    }

    static String when(@Nullable Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    static Html markdown(String text) {
        return new Html("<div class=\"markdown\">" + RENDERER.render(PARSER.parse(text)) + "</div>");
    }

    private static String by(@Nullable String who) {
        return who == null ? "" : " by " + who;
    }
}

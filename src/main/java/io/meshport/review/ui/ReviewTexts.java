package io.meshport.review.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import io.meshport.review.ReviewState;
import io.meshport.sla.ComplianceStatus;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How review screens say statuses and dates: in words, with colour only as a second cue. */
final class ReviewTexts {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private ReviewTexts() {}

    static String compliance(ComplianceStatus status) {
        return switch (status) {
            case MET -> "✓ met";
            case AT_RISK -> "⚠ at risk";
            case BREACHED -> "✕ breached";
            case NO_DATA -> "– no data";
        };
    }

    static Span complianceBadge(ComplianceStatus status) {
        Span badge = new Span(compliance(status));
        badge.addClassNames(
                "status-badge", "sla-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return badge;
    }

    static String due(ReviewState state) {
        LocalDate due = state.due();
        if (due == null) {
            return "not due (not active)";
        }
        return (state.overdue() ? "overdue since " : "due ") + DAY.format(due);
    }

    /** A link that the router follows without reloading the page. */
    static Anchor link(String href, String text) {
        Anchor anchor = new Anchor(href, text);
        anchor.getElement().setAttribute("router-link", true);
        return anchor;
    }
}

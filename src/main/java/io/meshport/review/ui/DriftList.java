package io.meshport.review.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.meshport.lineage.Drift;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A product's lineage drift as the review screen lists it: each item in a sentence, marked by
 * its kind in words (not by colour), since when, and a link to the upstream product.
 */
final class DriftList extends UnorderedList {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    DriftList(List<Drift> items) {
        addClassName("drift-list");
        for (Drift item : items) {
            Span kind = new Span(label(item.kind()));
            kind.addClassNames("status-badge", "attention-badge", "drift-kind");
            add(new ListItem(
                    kind,
                    new Span(" " + item.message() + " Drifting since " + DAY.format(item.since()) + ". "),
                    ReviewTexts.link("products/" + item.upstreamId(), "open " + item.upstreamName())));
        }
    }

    static String label(Drift.Kind kind) {
        return switch (kind) {
            case DECLARED_NOT_OBSERVED -> "⚠ declared, not seen";
            case OBSERVED_NOT_DECLARED -> "⚠ seen, not declared";
        };
    }

    /** The mark My products shows beside the product's name. */
    static String mark(List<Drift> items) {
        return "Lineage drift: " + items.size();
    }
}

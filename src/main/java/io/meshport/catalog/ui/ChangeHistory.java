package io.meshport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.meshport.catalog.ChangeEntry;
import io.meshport.catalog.FieldChange;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A product's history: one line per change, who and when, opening to the fields it changed
 * ({@code outputPorts[0].version: 1.0.0 → 1.1.0}); the changes of the contracts it provides among
 * them.
 */
class ChangeHistory extends VerticalLayout {

    /** Enough to read; a change of hundreds of fields is better read in the exported documents. */
    static final int MAX_LINES = 100;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    ChangeHistory(List<ChangeEntry> entries) {
        setPadding(false);
        setId("product-history");
        if (entries.isEmpty()) {
            add(new Paragraph("No change recorded."));
        }
        for (ChangeEntry entry : entries) {
            Details details = new Details(new Span(headline(entry)), changes(entry));
            details.setWidthFull();
            details.addClassName(entry.ofContract() ? "history-contract-change" : "history-product-change");
            add(details);
        }
    }

    static String headline(ChangeEntry entry) {
        String what = entry.ofContract()
                ? "contract " + entry.subjectId() + " changed: "
                        + entry.summary().replaceFirst("^changed ", "") + " (contract revision " + entry.revision()
                        + ")"
                : entry.summary() + " (revision " + entry.revision() + ")";
        return WHEN.format(entry.changedAt()) + " · " + entry.actorName() + " · " + what;
    }

    private static Component changes(ChangeEntry entry) {
        Div lines = new Div();
        lines.addClassName("diff");
        if (entry.changes().isEmpty()) {
            lines.add(new Paragraph(
                    "created".equals(entry.action()) ? "The first version." : "No field of the document changed."));
            return lines;
        }
        List<FieldChange> changes = entry.changes();
        for (FieldChange change : changes.subList(0, Math.min(changes.size(), MAX_LINES))) {
            lines.add(line(change));
        }
        if (changes.size() > MAX_LINES) {
            lines.add(new Paragraph("… and " + (changes.size() - MAX_LINES) + " more changed fields."));
        }
        return lines;
    }

    private static Component line(FieldChange change) {
        Span path = new Span(change.path() + ": ");
        path.addClassName("diff-path");
        Span before = new Span(change.before() == null ? "(none)" : change.before());
        before.addClassName(change.added() ? "diff-context" : "diff-removed");
        Span after = new Span(change.after() == null ? "(none)" : change.after());
        after.addClassName(change.removed() ? "diff-context" : "diff-added");
        Div line = new Div(path, before, new Span(" → "), after);
        line.addClassName("diff-line");
        return line;
    }
}

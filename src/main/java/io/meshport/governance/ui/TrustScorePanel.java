package io.meshport.governance.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.meshport.governance.TrustScore;
import org.jspecify.annotations.Nullable;

/**
 * A product's trust score, out of 100, and a row per part of it: what it measures, the points it
 * earned of those it can give, and why, in words an owner can act on.
 */
@StyleSheet("styles/policy-results.css")
class TrustScorePanel extends Div {

    TrustScorePanel(@Nullable TrustScore trust) {
        setId("trust-score");
        setWidthFull();
        if (trust == null) {
            add(new Paragraph("Not scored yet: the score is computed when the product is next evaluated"
                    + " (on its next change, or by the periodic sweep)."));
            return;
        }
        Span score = new Span(trust.score() + " / 100");
        score.setId("trust-score-total");
        score.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700");
        Span computed = new Span(" computed " + PolicyTexts.when(trust.evaluatedAt()));
        computed.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new Div(score, computed));

        NativeTable points = new NativeTable();
        points.setId("trust-score-points");
        points.setCaptionText("How the score is made up, point by point");
        PolicyTexts.tableStyle(points);
        NativeTableRow head = points.getHead().addRow();
        head.addHeaderCell().setText("Part");
        head.addHeaderCell().setText("Points");
        head.addHeaderCell().setText("Why");
        for (TrustScore.Point point : trust.points()) {
            NativeTableRow row = points.getBody().addRow();
            row.getElement().setAttribute("data-component", point.component());
            row.addDataCell().setText(part(point.component()));
            row.addDataCell().setText(point.earned() + " of " + point.max());
            row.getDataCell(1).ifPresent(cell -> cell.addClassName("trust-points"));
            row.addDataCell().setText(point.reason());
        }
        NativeTableRow total = points.getFoot().addRow();
        total.addHeaderCell().setText("Total");
        total.addHeaderCell().setText(trust.score() + " of 100");
        total.getHeaderCell(1).ifPresent(cell -> cell.addClassName("trust-points"));
        total.addDataCell();
        add(points);
    }

    /** The part of the score a component is, as a person reads it. */
    static String part(String component) {
        return switch (component) {
            case "policies" -> "Policies kept";
            case "sla" -> "Service levels met";
            case "review" -> "Review current";
            case "documentation" -> "Documentation complete";
            case "agreements" -> "Agreements honoured";
            default -> component;
        };
    }
}

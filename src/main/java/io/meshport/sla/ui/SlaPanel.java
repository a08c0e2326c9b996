package io.meshport.sla.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.meshport.sla.ComplianceStatus;
import io.meshport.sla.ObjectiveReport;
import io.meshport.sla.SlaConsistencyWarning;
import io.meshport.sla.SlaSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Each port's objectives: declared, the 7- and 30-day status in words, colour and symbol (never
 * colour alone), what was measured, and a chart of the observations with a text alternative.
 */
class SlaPanel extends Div {

    SlaPanel(List<ObjectiveReport> reports, List<SlaConsistencyWarning> warnings) {
        setId("sla-panel");
        setWidthFull();
        if (!warnings.isEmpty()) {
            Div box = new Div();
            box.setId("sla-consistency");
            box.getElement().setAttribute("role", "note");
            box.getStyle()
                    .set("border-left", "4px solid #b06000")
                    .set("background", "#fef7e0")
                    .set("padding", "0.5rem 1rem")
                    .set("margin-bottom", "1rem");
            box.add(new Paragraph("⚠ Promises its upstream products cannot back:"));
            warnings.forEach(warning -> box.add(new Paragraph(warning.message())));
            add(box);
        }
        if (reports.isEmpty()) {
            add(new Paragraph("The contracts of this product's output ports declare no service levels."));
            return;
        }
        Map<String, List<ObjectiveReport>> byPort = new LinkedHashMap<>();
        reports.forEach(
                report -> byPort.computeIfAbsent(report.objective().outputPort(), port -> new java.util.ArrayList<>())
                        .add(report));
        byPort.forEach((port, objectives) -> {
            add(new H3(port.isEmpty() ? "Whole product" : "Port " + port));
            objectives.forEach(report -> add(objective(report)));
        });
    }

    private static Div objective(ObjectiveReport report) {
        Div row = new Div();
        row.addClassName("sla-objective");
        row.getElement().setAttribute("data-property", report.objective().property());
        row.getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct, #ddd)")
                .set("border-radius", "6px")
                .set("padding", "0.5rem 1rem")
                .set("margin-bottom", "0.75rem");
        Span declared = new Span(report.objective().declared());
        declared.addClassName("sla-declared");
        declared.getStyle().set("font-weight", "600");
        row.add(new Div(declared));
        if (!report.objective().measured()) {
            row.add(new Div(badge(null), new Span(" declared; not measured from observations")));
            return row;
        }
        row.add(window("Last 7 days", report.week(), report.weekMeasured()));
        row.add(window("Last 30 days", report.month(), report.monthMeasured()));
        if (!report.series().points().isEmpty()) {
            row.add(new SlaChart(report.series(), summary(report)));
        }
        return row;
    }

    private static Div window(String label, ComplianceStatus status, String measured) {
        Div line = new Div(new Span(label + ": "), badge(status), new Span(" " + measured));
        line.addClassName("sla-window");
        return line;
    }

    /** A status as text with a symbol and a colour, so that it reads without colour too. */
    static Span badge(@Nullable ComplianceStatus status) {
        String[] look =
                switch (status) {
                    case null -> new String[] {"– Not measured", "#5f6368", "#f1f3f4"};
                    case MET -> new String[] {"✓ Met", "#0d652d", "#e6f4ea"};
                    case AT_RISK -> new String[] {"⚠ At risk", "#8a4b00", "#fef7e0"};
                    case BREACHED -> new String[] {"✕ Breached", "#a50e0e", "#fce8e6"};
                    case NO_DATA -> new String[] {"– No data", "#5f6368", "#f1f3f4"};
                };
        Span badge = new Span(look[0]);
        badge.addClassName("sla-status");
        badge.getElement().setAttribute("data-status", status == null ? "NOT_MEASURED" : status.name());
        badge.getStyle()
                .set("color", look[1])
                .set("background", look[2])
                .set("border-radius", "4px")
                .set("padding", "0 0.4em")
                .set("font-weight", "600");
        return badge;
    }

    /** The chart's text alternative: what is plotted, its range, and the status. */
    static String summary(ObjectiveReport report) {
        SlaSeries series = report.series();
        Function<Double, String> number = value -> String.format(Locale.ROOT, "%.1f", value);
        double min = series.points().stream()
                .mapToDouble(SlaSeries.Point::value)
                .min()
                .orElse(0);
        double max = series.points().stream()
                .mapToDouble(SlaSeries.Point::value)
                .max()
                .orElse(0);
        return "Chart of " + report.objective().declared() + " over the last 30 days: "
                + series.points().size() + " points of " + series.valueLabel() + ", from " + number.apply(min)
                + " to " + number.apply(max)
                + (series.objective() == null ? "" : ", objective " + number.apply(series.objective()))
                + "; status " + report.month().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".";
    }
}

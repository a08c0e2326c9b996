package io.meshport.sla.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import io.meshport.openlineage.RunState;
import io.meshport.sla.ComplianceStatus;
import io.meshport.sla.ObjectiveReport;
import io.meshport.sla.Observation;
import io.meshport.sla.ObservationKind;
import io.meshport.sla.ObservedEntry;
import io.meshport.sla.PipelineRun;
import io.meshport.sla.SlaConsistencyWarning;
import io.meshport.sla.SlaSeries;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Each port's objectives: declared, the 7- and 30-day status in words, colour and symbol (never
 * colour alone), what was measured, and a chart of the observations with a text alternative; then
 * the pipeline runs that wrote the ports (failed ones too) and the recent observations, each saying
 * where it came from (posted, or a run of which job).
 */
class SlaPanel extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    SlaPanel(
            List<ObjectiveReport> reports,
            List<SlaConsistencyWarning> warnings,
            List<PipelineRun> runs,
            List<ObservedEntry> observations) {
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
        }
        Map<String, List<ObjectiveReport>> byPort = new LinkedHashMap<>();
        reports.forEach(
                report -> byPort.computeIfAbsent(report.objective().outputPort(), port -> new java.util.ArrayList<>())
                        .add(report));
        byPort.forEach((port, objectives) -> {
            add(new H3(port.isEmpty() ? "Whole product" : "Port " + port));
            objectives.forEach(report -> add(objective(report)));
        });
        add(runs(runs));
        add(observations(observations));
    }

    /** The runs that wrote the ports lately, newest first; the state in words and a symbol. */
    private static Div runs(List<PipelineRun> runs) {
        Div section = new Div();
        section.setId("sla-runs");
        section.add(new H3("Recent pipeline runs"));
        if (runs.isEmpty()) {
            section.add(new Paragraph("No pipeline run has reported writing this product's ports in the last 30 days"
                    + " (OpenLineage events to POST /api/v1/lineage)."));
            return section;
        }
        Element table = table(
                "Pipeline runs that wrote this product's ports, newest first", "When", "Port", "Job", "Run", "State");
        for (PipelineRun run : runs) {
            Element row = new Element("tr");
            row.setAttribute("class", "sla-run");
            row.setAttribute("data-state", run.state().name());
            row.appendChild(when(run.at()), oneLine(run.outputPort()), cell(run.job()), cell(run.runId()));
            Element state = new Element("td");
            state.appendChild(runState(run.state()).getElement());
            row.appendChild(state);
            table.appendChild(row);
        }
        section.getElement().appendChild(table);
        return section;
    }

    /** The observations of the last 30 days, newest first, each saying where it came from. */
    private static Div observations(List<ObservedEntry> observations) {
        Div section = new Div();
        section.setId("sla-observations");
        section.add(new H3("Recent observations"));
        if (observations.isEmpty()) {
            section.add(new Paragraph("No observation in the last 30 days."));
            return section;
        }
        Element table =
                table("Observations of this product, newest first", "When", "Port", "Kind", "Outcome", "Came from");
        for (ObservedEntry entry : observations) {
            Observation o = entry.observation();
            Element row = new Element("tr");
            row.setAttribute("class", "sla-observation");
            row.setAttribute("data-kind", o.kind().wireName());
            row.setAttribute("data-source", entry.origin().source().wireName());
            row.appendChild(
                    when(o.at()),
                    oneLine(o.outputPort() == null ? "whole product" : o.outputPort()),
                    cell(o.kind().wireName() + (o.check() == null ? "" : ": " + o.check())),
                    cell(outcome(o)),
                    cell(entry.origin().describe()));
            table.appendChild(row);
        }
        section.getElement().appendChild(table);
        return section;
    }

    private static String outcome(Observation o) {
        if (o.outcome() == null) {
            return o.detail() == null ? "updated" : o.detail();
        }
        String word = o.kind() == ObservationKind.AVAILABILITY
                ? (o.outcome() ? "✓ succeeded" : "✕ failed")
                : (o.outcome() ? "✓ passed" : "✕ failed");
        return o.detail() == null ? word : word + " — " + o.detail();
    }

    private static Element table(String caption, String... headers) {
        Element table = new Element("table");
        table.getStyle().set("border-collapse", "collapse").set("width", "100%").set("margin-bottom", "1rem");
        Element captionElement = new Element("caption");
        captionElement.setText(caption);
        captionElement.getStyle().set("text-align", "left").set("color", "var(--lumo-secondary-text-color, #555)");
        table.appendChild(captionElement);
        Element head = new Element("tr");
        for (String header : headers) {
            Element th = new Element("th");
            th.setAttribute("scope", "col");
            th.setText(header);
            th.getStyle().set("text-align", "left").set("padding", "0.2rem 0.5rem");
            head.appendChild(th);
        }
        table.appendChild(head);
        return table;
    }

    private static Element cell(String text) {
        Element td = new Element("td");
        td.setText(text);
        td.getStyle()
                .set("padding", "0.2rem 0.5rem")
                .set("border-top", "1px solid var(--lumo-contrast-10pct, #ddd)")
                .set("overflow-wrap", "break-word")
                .set("word-break", "break-word");
        return td;
    }

    /** A time on one line: it is the column a person scans. */
    private static Element when(Instant at) {
        return oneLine(WHEN.format(at));
    }

    /** A short value (a time, a port's name) that reads badly broken across lines. */
    private static Element oneLine(String text) {
        Element td = cell(text);
        td.getStyle().set("white-space", "nowrap").remove("overflow-wrap").remove("word-break");
        return td;
    }

    /** A run's state as words with a symbol (never colour alone): a failed run reads as failed. */
    static Span runState(RunState state) {
        String[] look =
                switch (state) {
                    case COMPLETE -> new String[] {"✓ Complete", "#0d652d", "#e6f4ea"};
                    case FAIL -> new String[] {"✕ Failed", "#a50e0e", "#fce8e6"};
                    case ABORT -> new String[] {"⊘ Aborted", "#8a4b00", "#fef7e0"};
                    default -> new String[] {state.name(), "#5f6368", "#f1f3f4"};
                };
        Span badge = new Span(look[0]);
        badge.addClassName("sla-run-state");
        badge.getStyle()
                .set("color", look[1])
                .set("background", look[2])
                .set("border-radius", "4px")
                .set("padding", "0 0.4em")
                .set("white-space", "nowrap")
                .set("font-weight", "600");
        return badge;
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

package io.meshport.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.meshport.governance.ComplianceDay;
import io.meshport.governance.ComplianceGrouping;
import io.meshport.governance.ComplianceShare;
import io.meshport.governance.GovernanceService;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compliance per domain or per team: today's table (computed from the current results) and the
 * share compliant over time (from the daily compliance record), one line per group.
 */
class ComplianceSection extends VerticalLayout {

    /** Days the chart goes back. */
    static final int DAYS = 90;

    /** Lines drawn besides the whole mesh's: the largest groups; the table lists all. */
    static final int MAX_LINES = 7;

    private final GovernanceService governance;
    private final Div today = new Div();
    private final Div overTime = new Div();

    ComplianceSection(GovernanceService governance) {
        this.governance = governance;
        setPadding(false);
        RadioButtonGroup<ComplianceGrouping> by = new RadioButtonGroup<>("Count by");
        by.setId("compliance-grouping");
        by.setItems(ComplianceGrouping.values());
        by.setItemLabelGenerator(g -> g == ComplianceGrouping.DOMAIN ? "Domain" : "Team");
        by.setValue(ComplianceGrouping.DOMAIN);
        by.addValueChangeListener(change -> show(change.getValue()));
        today.setWidthFull();
        overTime.setWidthFull();
        add(by, today, overTime);
        show(ComplianceGrouping.DOMAIN);
    }

    private void show(ComplianceGrouping grouping) {
        String word = grouping == ComplianceGrouping.DOMAIN ? "domain" : "team";
        today.removeAll();
        today.add(new H3("Today, per " + word), table(grouping, governance.complianceBy(grouping)));
        overTime.removeAll();
        overTime.add(
                new H3("Over the last " + DAYS + " days, per " + word),
                overTime(governance.complianceOverTime(grouping, DAYS), word));
    }

    /** The chart of the daily record, or, while it has no rows, a sentence that says so. */
    static Component overTime(List<ComplianceDay> days, String word) {
        if (days.isEmpty()) {
            Paragraph none =
                    new Paragraph("No daily compliance record yet. The sweep (hourly) records each domain's and"
                            + " team's compliance for the day; the chart draws from the first day recorded on.");
            none.setId("compliance-chart-empty");
            return none;
        }
        return chart(days, word);
    }

    private static Component table(ComplianceGrouping grouping, List<ComplianceShare> shares) {
        if (shares.isEmpty()) {
            Paragraph none = new Paragraph("No enabled policy covers any product yet.");
            none.setId("compliance-table-empty");
            return none;
        }
        Grid<ComplianceShare> grid = new Grid<>();
        grid.setId("compliance-table");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ComplianceShare::name)
                .setHeader(grouping == ComplianceGrouping.DOMAIN ? "Domain" : "Team")
                .setComparator(Comparator.comparing(ComplianceShare::name, String.CASE_INSENSITIVE_ORDER))
                .setFlexGrow(2);
        grid.addColumn(ComplianceShare::products)
                .setHeader("Products")
                .setSortable(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(ComplianceShare::compliant)
                .setHeader("Compliant")
                .setSortable(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(ComplianceShare::violations)
                .setHeader("Violations")
                .setSortable(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(share -> GovernanceTexts.shareBar(share.share()))
                .setHeader("Share compliant")
                .setComparator(ComplianceShare::share)
                .setAutoWidth(true);
        grid.setItems(shares);
        return grid;
    }

    /** The whole mesh's line and those of the largest groups, with the summary as its text. */
    private static Component chart(List<ComplianceDay> days, String word) {
        TreeMap<LocalDate, long[]> total = new TreeMap<>();
        Map<String, List<ComplianceDay>> byName = new LinkedHashMap<>();
        for (ComplianceDay day : days) {
            long[] sum = total.computeIfAbsent(day.day(), d -> new long[2]);
            sum[0] += day.products();
            sum[1] += day.compliant();
            byName.computeIfAbsent(day.name(), n -> new ArrayList<>()).add(day);
        }
        List<ComplianceChart.Line> lines = new ArrayList<>();
        List<ComplianceChart.Point> mesh = new ArrayList<>();
        total.forEach((day, sum) -> mesh.add(point(day, sum[0] == 0 ? 1.0 : (double) sum[1] / sum[0])));
        lines.add(new ComplianceChart.Line("Whole mesh", true, mesh));
        byName.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, List<ComplianceDay>> e) ->
                                -e.getValue().getLast().products())
                        .thenComparing(Map.Entry::getKey))
                .limit(MAX_LINES)
                .forEach(e -> lines.add(new ComplianceChart.Line(
                        e.getKey(),
                        false,
                        e.getValue().stream()
                                .map(d -> point(d.day(), d.share()))
                                .toList())));
        LocalDate first = total.firstKey();
        LocalDate last = total.lastKey();
        long[] latest = total.get(last);
        String summary = "Chart of the share of compliant products per day from " + first + " to " + last + ", for the"
                + " whole mesh and " + (lines.size() - 1) + " of " + byName.size() + " " + word + "s; on " + last
                + " " + latest[1] + " of " + latest[0] + " products were compliant ("
                + GovernanceTexts.percent(latest[0] == 0 ? 1.0 : (double) latest[1] / latest[0]) + ").";
        Paragraph text = new Paragraph(summary);
        text.setId("compliance-chart-summary");
        text.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Div box = new Div(new ComplianceChart(lines, summary), text);
        box.setWidthFull();
        return box;
    }

    private static ComplianceChart.Point point(LocalDate day, double share) {
        return new ComplianceChart.Point(
                day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), Math.round(share * 1000) / 10.0);
    }
}

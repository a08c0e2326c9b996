package io.meshport.governance.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import io.meshport.governance.ComplianceDay;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compliance chart over time, before and after the daily record has rows. */
class ComplianceOverTimeTest {

    @Test
    void without_a_daily_record_the_page_says_so_instead_of_drawing_an_empty_chart() {
        Component shown = ComplianceSection.overTime(List.of(), "domain");
        assertThat(shown).isInstanceOf(Paragraph.class);
        assertThat(shown.getId()).contains("compliance-chart-empty");
        assertThat(((Paragraph) shown).getText()).startsWith("No daily compliance record yet.");
    }

    @Test
    void with_a_daily_record_it_draws_the_whole_mesh_and_each_group_with_a_summary() {
        LocalDate day = LocalDate.of(2026, 11, 30);
        Component shown = ComplianceSection.overTime(
                List.of(
                        new ComplianceDay(day.minusDays(1), "sales", 4, 2, 3),
                        new ComplianceDay(day, "sales", 4, 3, 1),
                        new ComplianceDay(day, "finance", 2, 2, 0)),
                "domain");
        ComplianceChart chart = shown.getChildren()
                .filter(ComplianceChart.class::isInstance)
                .map(ComplianceChart.class::cast)
                .findFirst()
                .orElseThrow();
        String series = chart.getElement().getProperty("series");
        assertThat(series).contains("\"label\":\"Whole mesh\"", "\"label\":\"sales\"", "\"label\":\"finance\"");
        assertThat(chart.getElement().getAttribute("title"))
                .isEqualTo("Chart of the share of compliant products per day from 2026-11-29 to 2026-11-30, for the"
                        + " whole mesh and 2 of 2 domains; on 2026-11-30 5 of 6 products were compliant (83 %).");
    }
}

package io.meshport.sla;

import static io.meshport.sla.ComplianceStatus.AT_RISK;
import static io.meshport.sla.ComplianceStatus.BREACHED;
import static io.meshport.sla.ComplianceStatus.MET;
import static io.meshport.sla.ComplianceStatus.NO_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.SlaProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The compliance rules of docs/decisions/0009-sla-compliance.md for fixed series of observations. */
class ComplianceTest {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final Objective FRESH_4H = Objective.of("orders", sla("latency", "4", "h"));
    static final Objective EVERY_DAY = Objective.of("orders", sla("frequency", "1", "d"));
    static final Objective AVAILABLE_99 = Objective.of("orders", sla("availability", "99", "percent"));

    @Test
    void freshness_is_met_while_the_last_update_is_well_within_the_allowance() {
        Compliance.Measurement m = week(FRESH_4H, updates(hoursAgo(8), hoursAgo(5), hoursAgo(2)));
        assertThat(m.status()).isEqualTo(MET);
        assertThat(m.measured()).isEqualTo("last update 2 h ago");
    }

    @Test
    void freshness_is_at_risk_in_the_last_fifth_of_the_allowance() {
        assertThat(week(FRESH_4H, updates(Duration.ofMinutes(3 * 60 + 20))).status())
                .isEqualTo(AT_RISK);
    }

    @Test
    void freshness_is_at_risk_when_an_earlier_gap_in_the_window_exceeded_the_allowance() {
        List<Observation> series = updates(hoursAgo(30), hoursAgo(24), hoursAgo(1));
        Compliance.Measurement m = week(FRESH_4H, series);
        assertThat(m.status()).isEqualTo(AT_RISK);
        assertThat(m.measured()).contains("earlier gap of 23 h");
    }

    @Test
    void freshness_is_breached_once_the_last_update_is_older_than_the_allowance() {
        Compliance.Measurement m = week(FRESH_4H, updates(hoursAgo(8), Duration.ofMinutes(4 * 60 + 1)));
        assertThat(m.status()).isEqualTo(BREACHED);
        assertThat(m.measured()).isEqualTo("last update 4 h 1 min ago");
    }

    @Test
    void no_update_in_the_window_is_no_data_not_compliance() {
        List<Observation> old = updates(Duration.ofDays(10));
        assertThat(week(FRESH_4H, old).status()).isEqualTo(NO_DATA);
        assertThat(week(FRESH_4H, old).measured()).isEqualTo("no update in the last 7 days");
        // The 30-day window still sees it, and it is long stale.
        assertThat(Compliance.measure(FRESH_4H, old, NOW, Compliance.MONTH).status())
                .isEqualTo(BREACHED);
    }

    @Test
    void observations_in_the_future_or_of_another_kind_are_ignored() {
        List<Observation> series = new ArrayList<>(updates(Duration.ofHours(-2)));
        series.add(probe(hoursAgo(1), true));
        assertThat(week(FRESH_4H, series).status()).isEqualTo(NO_DATA);
    }

    @Test
    void frequency_counts_the_longest_gap_including_the_open_one_with_a_grace_of_a_fifth() {
        assertThat(week(EVERY_DAY, updates(hoursAgo(40), hoursAgo(24), hoursAgo(8)))
                        .status())
                .isEqualTo(MET);
        // Exactly on schedule is met; a day and two hours is late, within the grace of a fifth.
        assertThat(week(EVERY_DAY, updates(hoursAgo(72), hoursAgo(48), hoursAgo(24), hoursAgo(0)))
                        .status())
                .isEqualTo(MET);
        assertThat(week(EVERY_DAY, updates(hoursAgo(50), hoursAgo(24), hoursAgo(1)))
                        .status())
                .isEqualTo(AT_RISK);
        Compliance.Measurement late = week(EVERY_DAY, updates(hoursAgo(60), hoursAgo(30)));
        assertThat(late.status()).isEqualTo(BREACHED);
        assertThat(late.measured()).isEqualTo("longest gap 1 d 6 h across 2 updates");
    }

    @Test
    void availability_compares_the_share_of_successful_probes_with_the_promise() {
        assertThat(week(AVAILABLE_99, probes(1000, 0)).status()).isEqualTo(MET);
        assertThat(week(AVAILABLE_99, probes(1000, 5)).status()).isEqualTo(MET);
        // 0.9 % failed: more than 80 % of the 1 % error budget spent.
        assertThat(week(AVAILABLE_99, probes(1000, 9)).status()).isEqualTo(AT_RISK);
        Compliance.Measurement breached = week(AVAILABLE_99, probes(1440, 30));
        assertThat(breached.status()).isEqualTo(BREACHED);
        assertThat(breached.measured()).isEqualTo("97.9 % of 1,440 probes succeeded");
        assertThat(week(AVAILABLE_99, List.of()).status()).isEqualTo(NO_DATA);
    }

    @Test
    void quality_is_breached_while_a_check_fails_and_at_risk_after_it_recovered() {
        Objective quality = Objective.quality();
        List<Observation> failing = List.of(check("unique", hoursAgo(5), true), check("unique", hoursAgo(1), false));
        assertThat(week(quality, failing).status()).isEqualTo(BREACHED);
        List<Observation> recovered = List.of(
                check("unique", hoursAgo(5), false),
                check("unique", hoursAgo(1), true),
                check("not null", hoursAgo(1), true));
        assertThat(week(quality, recovered).status()).isEqualTo(AT_RISK);
        assertThat(week(quality, List.of(check("unique", hoursAgo(1), true))).status())
                .isEqualTo(MET);
    }

    @Test
    void what_cannot_be_measured_is_declared_and_not_measured() {
        Objective retention = Objective.of("orders", sla("retention", "7", "y"));
        assertThat(retention.measured()).isFalse();
        assertThat(retention.declared()).isEqualTo("retention 7 y");
        assertThat(week(retention, updates(hoursAgo(1))).measured()).isEqualTo("not measured");
        assertThat(Objective.of("p", sla("timeToRepair", "4", "h")).declared()).isEqualTo("time to repair 4 h");
    }

    @Test
    void durations_are_read_in_the_unit_spellings_in_use() {
        assertThat(Objective.duration("1", "d")).isEqualTo(Duration.ofDays(1));
        assertThat(Objective.duration("2", "days")).isEqualTo(Duration.ofDays(2));
        assertThat(Objective.duration("4", "H")).isEqualTo(Duration.ofHours(4));
        assertThat(Objective.duration("1.5", "hour")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Objective.duration("30", "min")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Objective.duration("15", "m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Objective.duration("500", "ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Objective.duration("PT2H", "")).isEqualTo(Duration.ofHours(2));
        assertThat(Objective.duration("soon", "h")).isNull();
        assertThat(Objective.duration("1", "fortnight")).isNull();
        assertThat(Objective.duration("-1", "h")).isNull();
        Objective freshness = Objective.of("p", sla("freshness", "10", "minutes"));
        assertThat(freshness.measure()).isEqualTo(Objective.Measure.FRESHNESS);
        assertThat(freshness.allowance()).isEqualTo(Duration.ofMinutes(10));
        assertThat(Objective.of("p", sla("availability", "99.95", "%")).percent())
                .isEqualTo(99.95);
    }

    @Test
    void the_freshness_chart_plots_hours_between_updates_and_the_open_gap() {
        SlaSeries series =
                Compliance.series(FRESH_4H, updates(hoursAgo(10), hoursAgo(7), hoursAgo(1)), NOW, Compliance.MONTH);
        assertThat(series.objective()).isEqualTo(4.0);
        assertThat(series.points()).extracting(SlaSeries.Point::value).containsExactly(3.0, 6.0, 1.0);
    }

    // ---------------------------------------------------------------- series

    static Compliance.Measurement week(Objective objective, List<Observation> observations) {
        return Compliance.measure(objective, observations, NOW, Compliance.WEEK);
    }

    static SlaProperty sla(String property, String value, @Nullable String unit) {
        return new SlaProperty(property, value, null, unit, null, null);
    }

    static Duration hoursAgo(long hours) {
        return Duration.ofHours(hours);
    }

    static List<Observation> updates(Duration... ages) {
        List<Observation> updates = new ArrayList<>();
        for (Duration age : ages) {
            updates.add(new Observation(
                    "u" + updates.size(), "orders", ObservationKind.UPDATED, NOW.minus(age), null, null, null));
        }
        return updates;
    }

    static Observation probe(Duration age, boolean succeeded) {
        return new Observation(
                "p" + age, "orders", ObservationKind.AVAILABILITY, NOW.minus(age), succeeded, null, null);
    }

    /** {@code total} probes a few minutes apart over the last days, the first {@code failed} failing. */
    static List<Observation> probes(int total, int failed) {
        List<Observation> probes = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            probes.add(probe(Duration.ofMinutes(5L * i + 1), i >= failed));
        }
        return probes;
    }

    static Observation check(String name, Duration age, boolean passed) {
        return new Observation("q" + name + age, null, ObservationKind.QUALITY, NOW.minus(age), passed, name, null);
    }
}

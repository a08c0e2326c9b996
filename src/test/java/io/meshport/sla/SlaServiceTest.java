package io.meshport.sla;

import static io.meshport.sla.SlaTestProduct.asGovernance;
import static io.meshport.sla.SlaTestProduct.asSales;
import static io.meshport.sla.SlaTestProduct.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/** Compliance, breach events, summaries and consistency through the service, on real PostgreSQL. */
@MeshportTest
@RecordApplicationEvents
class SlaServiceTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    SlaService sla;

    @Autowired
    SlaEvaluator evaluator;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @Test
    void objectives_are_measured_over_7_and_30_days_from_the_observations_sent() {
        String id = product(SlaTestProduct.stem("fresh"))
                .promises("latency", "4", "h")
                .promises("availability", "99", "percent")
                .promises("retention", "1", "y")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        List<Observation> observations = new ArrayList<>();
        for (int day = 20; day >= 1; day--) {
            observations.add(updated("u" + day, now.minus(Duration.ofHours(3L * day))));
        }
        for (int i = 0; i < 200; i++) {
            observations.add(new Observation(
                    "p" + i,
                    "out",
                    ObservationKind.AVAILABILITY,
                    now.minus(Duration.ofMinutes(10L * i + 1)),
                    i != 7,
                    null,
                    null));
        }
        RecordedObservations recorded = asSales(() -> sla.record(id, observations));
        assertThat(recorded.recorded()).hasSize(220);

        Map<String, ObjectiveReport> byProperty = reportByProperty(id);
        ObjectiveReport freshness = byProperty.get("latency");
        assertThat(freshness.objective().declared()).isEqualTo("freshness ≤ 4 h");
        assertThat(freshness.week()).isEqualTo(ComplianceStatus.MET);
        assertThat(freshness.month()).isEqualTo(ComplianceStatus.MET);
        assertThat(freshness.weekMeasured()).startsWith("last update 3 h");
        assertThat(freshness.series().points()).hasSize(20);

        ObjectiveReport availability = byProperty.get("availability");
        assertThat(availability.week()).isEqualTo(ComplianceStatus.MET);
        assertThat(availability.weekMeasured()).isEqualTo("99.5 % of 200 probes succeeded");

        ObjectiveReport retention = byProperty.get("retention");
        assertThat(retention.objective().measured()).isFalse();
        assertThat(retention.weekMeasured()).isEqualTo("not measured");

        assertThat(sla.summaries(List.of(id, "no-such-product")))
                .containsEntry(id, ComplianceStatus.MET)
                .containsEntry("no-such-product", ComplianceStatus.NO_DATA);
    }

    @Test
    void a_product_without_observations_has_no_data() {
        String id = product(SlaTestProduct.stem("quiet"))
                .promises("latency", "1", "d")
                .publish(catalog)
                .id();
        ObjectiveReport freshness = reportByProperty(id).get("latency");
        assertThat(freshness.week()).isEqualTo(ComplianceStatus.NO_DATA);
        assertThat(freshness.month()).isEqualTo(ComplianceStatus.NO_DATA);
        assertThat(sla.summaries(List.of(id))).containsEntry(id, ComplianceStatus.NO_DATA);
    }

    @Test
    void a_failed_probe_that_breaks_the_promise_is_published_once_as_a_breach() {
        String id = product(SlaTestProduct.stem("probe"))
                .promises("availability", "99.9", "%")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        asSales(() -> sla.record(id, List.of(probe("ok", now.minusSeconds(120), true))));
        assertThat(breaches(id)).isEmpty();

        asSales(() -> sla.record(id, List.of(probe("down", now.minusSeconds(60), false))));
        assertThat(breaches(id)).singleElement().satisfies(breach -> {
            assertThat(breach.outputPort()).isEqualTo("out");
            assertThat(breach.objective()).isEqualTo("availability ≥ 99.9 %");
            assertThat(breach.detail()).isEqualTo("50.0 % of 2 probes succeeded");
        });
        assertThat(reportByProperty(id).get("availability").week()).isEqualTo(ComplianceStatus.BREACHED);
        assertThat(sla.summaries(List.of(id))).containsEntry(id, ComplianceStatus.BREACHED);

        // Still breached: not announced again.
        asSales(() -> sla.record(id, List.of(probe("down-again", now.minusSeconds(30), false))));
        assertThat(breaches(id)).hasSize(1);
    }

    @Test
    void freshness_breached_by_time_passing_is_found_by_the_check_and_published_once() {
        String id = product(SlaTestProduct.stem("stale"))
                .promises("latency", "1", "h")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        asSales(() -> sla.record(id, List.of(updated("u1", now.minus(Duration.ofMinutes(10))))));
        assertThat(sla.summaries(List.of(id))).containsEntry(id, ComplianceStatus.MET);

        // What the scheduled check does, two hours from now, then again later.
        transactions.executeWithoutResult(status -> evaluator.reevaluate(id, now.plus(Duration.ofHours(2))));
        assertThat(breaches(id)).singleElement().satisfies(breach -> assertThat(breach.detail())
                .startsWith("last update 2 h"));
        assertThat(sla.summaries(List.of(id))).containsEntry(id, ComplianceStatus.BREACHED);
        transactions.executeWithoutResult(status -> evaluator.reevaluate(id, now.plus(Duration.ofHours(3))));
        assertThat(breaches(id)).hasSize(1);
    }

    @Test
    void summaries_of_many_products_answer_for_each_with_its_own_status() {
        String s = SlaTestProduct.stem("summary");
        Instant now = clock.instant();
        String met = product(s + "-met")
                .promises("latency", "4", "h")
                .publish(catalog)
                .id();
        asSales(() -> sla.record(met, List.of(updated("u1", now.minus(Duration.ofMinutes(5))))));
        String breached = product(s + "-breached")
                .promises("availability", "99.9", "%")
                .publish(catalog)
                .id();
        asSales(() -> sla.record(breached, List.of(probe("down", now.minusSeconds(60), false))));
        String quiet = product(s + "-quiet")
                .promises("latency", "1", "d")
                .publish(catalog)
                .id();

        // Products with data at the start, in the middle and at the end of a long list of others.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(s + "-unknown-" + i);
        }
        ids.set(0, breached);
        ids.set(150, quiet);
        ids.set(299, met);

        Map<String, ComplianceStatus> summaries = sla.summaries(ids);

        assertThat(summaries.keySet())
                .as("one answer per product, in the order asked")
                .containsExactlyElementsOf(ids);
        assertThat(summaries)
                .containsEntry(met, ComplianceStatus.MET)
                .containsEntry(breached, ComplianceStatus.BREACHED)
                .containsEntry(quiet, ComplianceStatus.NO_DATA);
        assertThat(summaries.entrySet().stream()
                        .filter(entry -> entry.getKey().contains("-unknown-"))
                        .map(Map.Entry::getValue))
                .hasSize(297)
                .containsOnly(ComplianceStatus.NO_DATA);
    }

    @Test
    void a_product_promising_fresher_data_than_its_upstream_is_warned_until_it_is_fixed() {
        String s = SlaTestProduct.stem("consistency");
        String upstream = product(s + "-daily")
                .promises("latency", "1", "d")
                .promises("availability", "99", "%")
                .publish(catalog)
                .id();
        SlaTestProduct hourly = product(s + "-hourly")
                .consumes(upstream)
                .promises("latency", "1", "hour")
                .promises("availability", "99", "%");
        String downstream = hourly.publish(catalog).id();

        List<SlaConsistencyWarning> warnings = RunAs.user("dave", List.of(), () -> sla.consistencyWarnings(downstream));
        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.productId()).isEqualTo(downstream);
            assertThat(warning.outputPort()).isEqualTo("out");
            assertThat(warning.upstreamProductId()).isEqualTo(upstream);
            assertThat(warning.upstreamPort()).isEqualTo("out");
            assertThat(warning.message())
                    .contains("freshness ≤ 1 hour")
                    .contains(upstream)
                    .contains("freshness ≤ 1 d");
        });

        product(s + "-hourly").consumes(upstream).promises("latency", "2", "d").publish(catalog);
        assertThat(RunAs.user("dave", List.of(), () -> sla.consistencyWarnings(downstream)))
                .isEmpty();
    }

    @Test
    void the_demo_catalog_reports_trending_stocks_fresher_than_page_views() {
        List<SlaConsistencyWarning> warnings = asGovernance(() -> sla.consistencyWarnings("trending-stocks"));
        assertThat(warnings).anySatisfy(warning -> {
            assertThat(warning.upstreamProductId()).isEqualTo("page-views");
            assertThat(warning.objective()).startsWith("freshness");
        });
    }

    // ---------------------------------------------------------------- helpers

    Map<String, ObjectiveReport> reportByProperty(String id) {
        Map<String, ObjectiveReport> byProperty = new java.util.HashMap<>();
        RunAs.user("dave", List.of(), () -> sla.report(id))
                .forEach(report -> byProperty.put(report.objective().property(), report));
        return byProperty;
    }

    List<SlaBreached> breaches(String productId) {
        return events.stream(SlaBreached.class)
                .filter(breach -> breach.productId().equals(productId))
                .toList();
    }

    static Observation updated(String id, Instant at) {
        return new Observation(id, "out", ObservationKind.UPDATED, at.truncatedTo(ChronoUnit.MILLIS), null, null, null);
    }

    static Observation probe(String id, Instant at, @Nullable Boolean succeeded) {
        return new Observation(id, null, ObservationKind.AVAILABILITY, at, succeeded, null, null);
    }
}

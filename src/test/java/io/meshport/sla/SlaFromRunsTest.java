package io.meshport.sla;

import static io.meshport.sla.SlaTestProduct.asSales;
import static io.meshport.sla.SlaTestProduct.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.openlineage.DatasetName;
import io.meshport.openlineage.PortDataset;
import io.meshport.openlineage.PortDataset.QualityAssertion;
import io.meshport.openlineage.RunObserved;
import io.meshport.openlineage.RunState;
import io.meshport.testing.MeshportTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service levels measured from pipeline runs: the ingest publishes {@link RunObserved} inside its
 * transaction; these tests publish it the same way (the ingest is built elsewhere).
 */
@MeshportTest
@RecordApplicationEvents
class SlaFromRunsTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    SlaService sla;

    @Autowired
    SlaEvaluator evaluator;

    @Autowired
    SlaRetention retention;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    io.meshport.notification.NotificationService notifications;

    @Test
    void freshness_measured_from_runs_flips_an_sla_from_breached_to_met() {
        String id = product(SlaTestProduct.stem("runs-fresh"))
                .promises("latency", "1", "d")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        String job = "airflow-" + id;
        // The last run that wrote the port completed almost 30 days ago.
        Instant stale = now.minus(Compliance.MONTH).plus(Duration.ofHours(1));
        publish(run(job, "old-" + id, RunState.COMPLETE, stale, writes(id)));

        // No update for longer than the day allowed: breached, announced, remembered.
        assertThat(freshness(id).month()).isEqualTo(ComplianceStatus.BREACHED);
        assertThat(freshness(id).monthMeasured()).isEqualTo("last update 29 d 23 h ago");
        assertThat(sla.summaries(List.of(id))).containsEntry(id, ComplianceStatus.BREACHED);
        assertThat(storedStatus(id)).isEqualTo("BREACHED");
        assertThat(events.stream(SlaBreached.class).filter(b -> b.productId().equals(id)))
                .singleElement()
                .satisfies(breach -> assertThat(breach.objective()).isEqualTo("freshness ≤ 1 d"));

        // The next run completes: the port was updated at the event's time. Fresh again at once
        // (met over 7 days); over 30 days at risk while the month-long gap is in the window (0009).
        String runId = UUID.randomUUID().toString();
        publish(run(job, runId, RunState.COMPLETE, now.minus(Duration.ofMinutes(10)), writes(id)));

        assertThat(freshness(id).week()).isEqualTo(ComplianceStatus.MET);
        assertThat(freshness(id).weekMeasured()).isEqualTo("last update 10 min ago");
        assertThat(freshness(id).month()).isEqualTo(ComplianceStatus.AT_RISK);
        assertThat(freshness(id).monthMeasured())
                .isEqualTo("last update 10 min ago; an earlier gap of 29 d 22 h exceeded it");
        assertThat(storedStatus(id)).isEqualTo("AT_RISK");

        // The scheduled check is due when the stale update leaves the window; then it is met.
        Instant due = jdbc.sql("select due_at from sla_check where product_id = ?")
                .param(id)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(due)
                .isBetween(
                        stale.plus(Compliance.MONTH),
                        stale.plus(Compliance.MONTH).plusSeconds(1));
        Instant later = now.plus(Duration.ofHours(2));
        transactions.executeWithoutResult(status -> evaluator.reevaluate(id, later));
        ObjectiveReport met = evaluator.report(id, later).stream()
                .filter(report -> report.objective().property().equals("latency"))
                .findFirst()
                .orElseThrow();
        assertThat(met.week()).isEqualTo(ComplianceStatus.MET);
        assertThat(met.month()).isEqualTo(ComplianceStatus.MET);
        assertThat(met.monthMeasured()).isEqualTo("last update 2 h 10 min ago");
        assertThat(sla.summaries(List.of(id))).containsEntry(id, ComplianceStatus.MET);
        assertThat(storedStatus(id)).isEqualTo("MET");

        List<ObservedEntry> observations = asSales(() -> sla.recentObservations(id, 10));
        assertThat(observations).hasSize(2);
        ObservedEntry newest = observations.getFirst();
        assertThat(newest.observation().kind()).isEqualTo(ObservationKind.UPDATED);
        assertThat(newest.observation().outputPort()).isEqualTo("out");
        assertThat(newest.observation().at())
                .isEqualTo(now.minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MICROS));
        assertThat(newest.origin().source()).isEqualTo(ObservationOrigin.Source.OPENLINEAGE);
        assertThat(newest.origin().describe()).isEqualTo("run of job tests/" + job + " " + runId);
        assertThat(newest.origin().recordedBy()).isEqualTo("sales-ci");
        assertThat(asSales(() -> sla.recentRuns(id, 10)))
                .extracting(PipelineRun::runId, PipelineRun::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(runId, RunState.COMPLETE),
                        org.assertj.core.groups.Tuple.tuple("old-" + id, RunState.COMPLETE));
    }

    @Test
    void observations_from_runs_are_counted_beside_posted_ones_and_each_says_where_it_came_from() {
        String id = product(SlaTestProduct.stem("runs-mixed"))
                .promises("latency", "1", "h")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        asSales(() -> sla.record(
                id,
                List.of(new Observation(
                        "posted-1",
                        "out",
                        ObservationKind.UPDATED,
                        now.minus(Duration.ofMinutes(55)),
                        null,
                        null,
                        null))));
        // Most of the hour allowed is gone.
        assertThat(freshness(id).week()).isEqualTo(ComplianceStatus.AT_RISK);
        assertThat(storedStatus(id)).isEqualTo("AT_RISK");

        publish(run("dbt-" + id, "r1", RunState.COMPLETE, now.minus(Duration.ofMinutes(5)), writes(id)));

        ObjectiveReport freshness = freshness(id);
        assertThat(freshness.week()).isEqualTo(ComplianceStatus.MET);
        assertThat(freshness.weekMeasured()).isEqualTo("last update 5 min ago");
        assertThat(storedStatus(id)).isEqualTo("MET");
        // The chart plots the gap between the posted update and the run's, then the one still open.
        assertThat(freshness.series().points()).hasSize(2);
        assertThat(asSales(() -> sla.recentObservations(id, 10)))
                .extracting(entry -> entry.origin().describe())
                .containsExactly("run of job tests/dbt-" + id + " r1", "posted by alice");
    }

    @Test
    void a_failed_run_is_recorded_and_shown_and_does_not_count_as_an_update() {
        String id = product(SlaTestProduct.stem("runs-fail"))
                .promises("latency", "1", "h")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        publish(run("spark-" + id, "good", RunState.COMPLETE, now.minus(Duration.ofHours(2)), writes(id)));
        assertThat(freshness(id).week()).isEqualTo(ComplianceStatus.BREACHED);

        publish(run("spark-" + id, "bad", RunState.FAIL, now.minus(Duration.ofMinutes(3)), writes(id)));
        publish(run("spark-" + id, "stopped", RunState.ABORT, now.minus(Duration.ofMinutes(1)), writes(id)));

        assertThat(freshness(id).week()).isEqualTo(ComplianceStatus.BREACHED);
        assertThat(freshness(id).weekMeasured()).isEqualTo("last update 2 h ago");
        assertThat(storedStatus(id)).isEqualTo("BREACHED");
        assertThat(asSales(() -> sla.recentObservations(id, 10)))
                .singleElement()
                .satisfies(entry -> assertThat(entry.origin().runId()).isEqualTo("good"));
        List<PipelineRun> runs = asSales(() -> sla.recentRuns(id, 10));
        assertThat(runs).extracting(PipelineRun::runId).containsExactly("stopped", "bad", "good");
        assertThat(runs)
                .extracting(PipelineRun::state)
                .containsExactly(RunState.ABORT, RunState.FAIL, RunState.COMPLETE);
        assertThat(runs).extracting(PipelineRun::updated).containsExactly(false, false, true);
        assertThat(runs.get(1).job()).isEqualTo("tests/spark-" + id);
        assertThat(runs.get(1).outputPort()).isEqualTo("out");
    }

    @Test
    void data_quality_assertions_become_quality_observations_with_their_outcomes() {
        String id = product(SlaTestProduct.stem("runs-dq"))
                .promises("latency", "1", "d")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        PortDataset checked = new PortDataset(
                id,
                "out",
                SlaTestProduct.contractOf(id),
                dataset(id),
                List.of(
                        new QualityAssertion("not_null", true, "order_id"),
                        new QualityAssertion("row_count_above_zero", false, null)));
        publish(run("dbt-" + id, "dq1", RunState.COMPLETE, now.minus(Duration.ofMinutes(2)), List.of(checked)));

        Map<String, Boolean> checks = asSales(() -> sla.recentObservations(id, 10)).stream()
                .filter(entry -> entry.observation().kind() == ObservationKind.QUALITY)
                .collect(Collectors.toMap(entry -> entry.observation().check(), entry -> entry.observation()
                        .outcome()));
        assertThat(checks)
                .containsOnly(Map.entry("not_null (order_id)", true), Map.entry("row_count_above_zero", false));

        ObjectiveReport quality = asSales(() -> sla.report(id)).stream()
                .filter(report -> report.objective().measure() == Objective.Measure.QUALITY)
                .findFirst()
                .orElseThrow();
        assertThat(quality.week()).isEqualTo(ComplianceStatus.BREACHED);
        assertThat(quality.weekMeasured()).isEqualTo("1 of 2 checks passed; 1 check failing now");

        // Assertions reported on a port the run read (an input) are observations of that product too.
        String upstream =
                product(SlaTestProduct.stem("runs-dq-in")).publish(catalog).id();
        PortDataset read = new PortDataset(
                upstream,
                "out",
                SlaTestProduct.contractOf(upstream),
                dataset(upstream),
                List.of(new QualityAssertion("fresh_enough", true, null)));
        publish(new RunObserved(
                "dq2",
                "tests",
                "dbt-" + id,
                RunState.COMPLETE,
                now.minus(Duration.ofMinutes(1)),
                List.of(read),
                writes(id),
                "sales-ci"));
        assertThat(asSales(() -> sla.recentObservations(upstream, 10)))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.observation().check()).isEqualTo("fresh_enough");
                    assertThat(entry.observation().outcome()).isTrue();
                });
        // It only read the upstream product: no run of it is recorded, and no update.
        assertThat(asSales(() -> sla.recentRuns(upstream, 10))).isEmpty();
    }

    @Test
    void a_replayed_run_event_or_a_second_complete_of_the_same_run_records_nothing_twice() {
        String id = product(SlaTestProduct.stem("runs-replay"))
                .promises("latency", "1", "h")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        List<PortDataset> outputs = List.of(new PortDataset(
                id,
                "out",
                SlaTestProduct.contractOf(id),
                dataset(id),
                List.of(new QualityAssertion("unique", true, "id"))));
        RunObserved complete = run("job-" + id, "once", RunState.COMPLETE, now.minus(Duration.ofMinutes(20)), outputs);
        publish(complete);
        publish(complete);
        // The same run completing again later (a client retrying with a new time), with another
        // dataset of the same port: still one update, one quality check, one run.
        publish(run(
                "job-" + id,
                "once",
                RunState.COMPLETE,
                now.minus(Duration.ofMinutes(5)),
                List.of(
                        outputs.getFirst(),
                        new PortDataset(id, "out", null, new DatasetName("s3://other-" + id, "x"), List.of()))));

        assertThat(count("select count(*) from sla_observation where product_id = ?", id))
                .isEqualTo(2);
        assertThat(count("select count(*) from sla_pipeline_run where product_id = ?", id))
                .isEqualTo(1);
        assertThat(freshness(id).weekMeasured()).isEqualTo("last update 20 min ago");
    }

    @Test
    void a_run_writing_a_port_that_has_no_sla_is_still_recorded() {
        String id = product(SlaTestProduct.stem("runs-nosla")).publish(catalog).id();
        Instant now = clock.instant();
        publish(run("job-" + id, "ok", RunState.COMPLETE, now.minus(Duration.ofMinutes(4)), writes(id)));
        publish(run("job-" + id, "broke", RunState.FAIL, now.minus(Duration.ofMinutes(2)), writes(id)));

        assertThat(asSales(() -> sla.report(id))).isEmpty();
        assertThat(asSales(() -> sla.recentRuns(id, 10)))
                .extracting(PipelineRun::runId, PipelineRun::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("broke", RunState.FAIL),
                        org.assertj.core.groups.Tuple.tuple("ok", RunState.COMPLETE));
        assertThat(asSales(() -> sla.recentObservations(id, 10)))
                .singleElement()
                .satisfies(entry -> assertThat(entry.observation().kind()).isEqualTo(ObservationKind.UPDATED));
    }

    @Test
    void a_run_that_has_not_ended_records_no_run_and_no_update() {
        String id = product(SlaTestProduct.stem("runs-start"))
                .promises("latency", "1", "h")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        publish(run("job-" + id, "going", RunState.START, now.minusSeconds(30), writes(id)));
        publish(run("job-" + id, "going", RunState.RUNNING, now.minusSeconds(20), writes(id)));

        assertThat(count("select count(*) from sla_observation where product_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from sla_pipeline_run where product_id = ?", id))
                .isZero();
    }

    @Test
    void a_run_event_far_in_the_future_is_refused_with_a_pointer_and_stores_nothing() {
        String id = product(SlaTestProduct.stem("runs-future"))
                .promises("latency", "1", "h")
                .publish(catalog)
                .id();
        Instant future = clock.instant().plus(Duration.ofHours(1));
        assertThatThrownBy(() -> publish(run("job-" + id, "later", RunState.COMPLETE, future, writes(id))))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.pointer()).isEqualTo("/eventTime");
                            assertThat(v.message()).contains("ahead of the portal's clock");
                        }));
        assertThat(count("select count(*) from sla_observation where product_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from sla_pipeline_run where product_id = ?", id))
                .isZero();

        // A sender's clock a little fast is fine, as for posted observations.
        publish(run("job-" + id, "soon", RunState.COMPLETE, clock.instant().plus(Duration.ofMinutes(2)), writes(id)));
        assertThat(count("select count(*) from sla_pipeline_run where product_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void long_and_unusual_run_ids_and_assertion_names_still_give_one_observation_each() {
        String id = product(SlaTestProduct.stem("runs-long")).publish(catalog).id();
        String runId = "räksmörgås-🚀-" + "x".repeat(300);
        String longCheck = "assertion ".repeat(40);
        publish(new RunObserved(
                runId,
                "tests",
                "job-" + id,
                RunState.COMPLETE,
                clock.instant().minusSeconds(5),
                List.of(),
                List.of(new PortDataset(
                        id,
                        "out",
                        null,
                        dataset(id),
                        List.of(
                                new QualityAssertion(longCheck + "a", true, null),
                                new QualityAssertion(longCheck + "b", false, null)))),
                "sales-ci"));
        List<ObservedEntry> observations = asSales(() -> sla.recentObservations(id, 10));
        assertThat(observations).hasSize(3);
        assertThat(observations).allSatisfy(entry -> {
            assertThat(entry.observation().id()).hasSizeLessThanOrEqualTo(200);
            assertThat(entry.origin().runId()).isEqualTo(runId);
        });
        assertThat(observations)
                .filteredOn(entry -> entry.observation().check() != null)
                .allSatisfy(entry -> assertThat(entry.observation().check()).hasSizeLessThanOrEqualTo(200));
    }

    @Test
    void runs_older_than_the_retention_are_deleted_with_the_observations() {
        String id =
                product(SlaTestProduct.stem("runs-retention")).publish(catalog).id();
        Instant now = clock.instant();
        publish(run("job-" + id, "ancient", RunState.FAIL, now.minus(Duration.ofDays(500)), writes(id)));
        publish(run("job-" + id, "recent", RunState.COMPLETE, now.minus(Duration.ofDays(2)), writes(id)));
        assertThat(count("select count(*) from sla_pipeline_run where product_id = ?", id))
                .isEqualTo(2);

        retention.deleteBefore(now.minus(retention.retention()));

        assertThat(jdbc.sql("select run_id from sla_pipeline_run where product_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("recent");
    }

    @Test
    void many_runs_of_one_product_in_one_transaction_end_as_if_each_run_had_come_alone() {
        String alone = product(SlaTestProduct.stem("runs-alone"))
                .promises("latency", "1", "d")
                .publish(catalog)
                .id();
        String batched = product(SlaTestProduct.stem("runs-batched"))
                .promises("latency", "1", "d")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        // Twenty daily runs, the last ten days ago: breached from the first run on.
        List<String> runIds = new java.util.ArrayList<>();
        for (int day = 0; day < 20; day++) {
            runIds.add(UUID.randomUUID().toString());
        }
        java.util.function.BiFunction<String, Integer, RunObserved> dailyRun = (productId, day) -> run(
                "daily", runIds.get(day), RunState.COMPLETE, now.minus(Duration.ofDays(29 - day)), writes(productId));

        for (int day = 0; day < 20; day++) {
            publish(dailyRun.apply(alone, day));
        }
        transactions.executeWithoutResult(status -> {
            for (int day = 0; day < 20; day++) {
                publisher.publishEvent(dailyRun.apply(batched, day));
            }
        });

        assertThat(storedStatus(batched)).isEqualTo(storedStatus(alone)).isEqualTo("BREACHED");
        assertThat(freshness(batched).month()).isEqualTo(freshness(alone).month());
        assertThat(freshness(batched).monthMeasured())
                .isEqualTo(freshness(alone).monthMeasured())
                .isEqualTo("last update 10 d ago");
        assertThat(freshness(batched).week()).isEqualTo(freshness(alone).week());
        assertThat(sla.summaries(List.of(alone, batched)))
                .containsEntry(alone, ComplianceStatus.BREACHED)
                .containsEntry(batched, ComplianceStatus.BREACHED);
        assertThat(asSales(() -> sla.recentObservations(batched, 100)))
                .extracting(entry -> entry.observation().id(), entry -> entry.origin()
                        .describe())
                .hasSize(20)
                .containsExactlyElementsOf(asSales(() -> sla.recentObservations(alone, 100)).stream()
                        .map(entry -> org.assertj.core.groups.Tuple.tuple(
                                entry.observation().id(), entry.origin().describe()))
                        .toList());
        assertThat(asSales(() -> sla.recentRuns(batched, 100)))
                .extracting(PipelineRun::runId, PipelineRun::at)
                .containsExactlyElementsOf(asSales(() -> sla.recentRuns(alone, 100)).stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.runId(), r.at()))
                        .toList());
        assertThat(dueAt(batched)).isEqualTo(dueAt(alone));
        // The breach is announced once either way.
        assertThat(events.stream(SlaBreached.class).filter(b -> b.productId().equals(alone)))
                .singleElement();
        assertThat(events.stream(SlaBreached.class).filter(b -> b.productId().equals(batched)))
                .singleElement()
                .satisfies(breach -> assertThat(breach.objective()).isEqualTo("freshness ≤ 1 d"));
        // Announced while the transaction commits, it still reaches the listeners after the commit.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        asSales(() -> notifications.mine(200)).stream()
                                .filter(notification -> notification.productId().equals(batched)))
                .singleElement()
                .satisfies(notification -> assertThat(notification.kind())
                        .isEqualTo(io.meshport.notification.NotificationKind.SLA_BREACHED)));
    }

    @Test
    void runs_in_one_transaction_measure_a_product_once_after_all_of_them() {
        String id = product(SlaTestProduct.stem("runs-once")).publish(catalog).id();
        Instant now = clock.instant();
        // A check fails in one run and passes in the next, both ingested in one request.
        transactions.executeWithoutResult(status -> {
            publisher.publishEvent(
                    run("checks", "failing", RunState.COMPLETE, now.minus(Duration.ofMinutes(20)), checked(id, false)));
            publisher.publishEvent(
                    run("checks", "passing", RunState.COMPLETE, now.minus(Duration.ofMinutes(10)), checked(id, true)));
        });

        // Measured once, as the product stands after both: passing now, so at risk and never
        // breached; measured after each run, the first would have announced a breach.
        assertThat(jdbc.sql("select status from sla_objective_status where product_id = ? and objective = 'quality'")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("AT_RISK");
        assertThat(asSales(() -> sla.recentObservations(id, 10))).hasSize(4);
        assertThat(events.stream(SlaBreached.class).filter(b -> b.productId().equals(id)))
                .isEmpty();
    }

    @Test
    void a_refused_run_event_rolls_back_the_runs_of_its_transaction_before_them() {
        String id = product(SlaTestProduct.stem("runs-refused"))
                .promises("latency", "1", "d")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    for (int i = 0; i < 5; i++) {
                        publisher.publishEvent(run(
                                "job-" + id,
                                "r" + i,
                                RunState.COMPLETE,
                                now.minus(Duration.ofDays(3 - i)),
                                writes(id)));
                    }
                    publisher.publishEvent(
                            run("job-" + id, "late", RunState.COMPLETE, now.plus(Duration.ofHours(1)), writes(id)));
                }))
                .isInstanceOf(InvalidDocumentException.class);

        assertThat(count("select count(*) from sla_observation where product_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from sla_pipeline_run where product_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from sla_objective_status where product_id = ?", id))
                .isZero();
        assertThat(count("select count(*) from sla_check where product_id = ?", id))
                .isZero();
        // Not even announced: the product was to be measured when the transaction commits.
        assertThat(events.stream(SlaBreached.class).filter(b -> b.productId().equals(id)))
                .isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** Publishes the event as the ingest does: synchronously, inside a transaction. */
    private void publish(RunObserved run) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(run));
    }

    private static RunObserved run(String job, String runId, RunState state, Instant at, List<PortDataset> outputs) {
        return new RunObserved(runId, "tests", job, state, at, List.of(), outputs, "sales-ci");
    }

    private static List<PortDataset> writes(String productId) {
        return List.of(
                new PortDataset(productId, "out", SlaTestProduct.contractOf(productId), dataset(productId), List.of()));
    }

    private static DatasetName dataset(String productId) {
        return new DatasetName("postgres://db-" + productId + ":5432", "analytics.public." + productId);
    }

    /** What the run wrote, with one data-quality assertion on it that passed or failed. */
    private static List<PortDataset> checked(String productId, boolean passed) {
        return List.of(new PortDataset(
                productId,
                "out",
                SlaTestProduct.contractOf(productId),
                dataset(productId),
                List.of(new QualityAssertion("not_null", passed, "order_id"))));
    }

    private Instant dueAt(String id) {
        return jdbc.sql("select due_at from sla_check where product_id = ?")
                .param(id)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private ObjectiveReport freshness(String id) {
        return asSales(() -> sla.report(id)).stream()
                .filter(report -> report.objective().property().equals("latency"))
                .findFirst()
                .orElseThrow();
    }

    private String storedStatus(String id) {
        return jdbc.sql("select status from sla_objective_status where product_id = ? and objective = 'latency'")
                .param(id)
                .query(String.class)
                .single();
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }
}

package io.meshport.openlineage;

import static io.meshport.openlineage.TestEvents.json;
import static io.meshport.openlineage.TestEvents.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.openlineage.PortDatasets.PortRef;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.node.ObjectNode;

/**
 * Retention of raw OpenLineage events (docs/decisions/0034-openlineage-retention.md), swept as the
 * scheduled job does but with a clock the test moves forward: events go once older than the
 * window, runs, jobs and datasets once nothing kept refers to them, in bounded batches; what
 * lineage and sla derived stays; an event posted older than the window is accepted, not stored.
 * Events are sent as the real ingest takes them, with marketing's and sales's products' ports as
 * the datasets {@code crm.orders} and {@code dwh.orders} of a namespace of the test's own.
 */
@MeshportTest
class OpenLineageRetentionTest {

    @Autowired
    OpenLineageService service;

    @Autowired
    OpenLineageStore store;

    @Autowired
    OpenLineageRetention scheduled;

    @Autowired
    EventRetention retention;

    @Autowired
    SeenDatasets seen;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    String ns;
    String salesProduct;
    String marketingProduct;
    Function<Collection<DatasetName>, Map<DatasetName, List<PortRef>>> ports;
    Instant now;
    /** Older than the window once the clock moves 20 days on (90 - 20 = 70 days back), not before. */
    Instant old;

    Instant recent;

    @BeforeEach
    void productsWhoseOutputPortsAreDatasets() {
        ns = TestEvents.namespace("retention");
        String stem = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        salesProduct = publish("ol-ret-sales-" + stem, "sales", "alice");
        marketingProduct = publish("ol-ret-marketing-" + stem, "marketing", "bob");
        Map<DatasetName, List<PortRef>> mapping = Map.of(
                new DatasetName(ns, "dwh.orders"), List.of(new PortRef(salesProduct, "out", null, "sales")),
                new DatasetName(ns, "crm.orders"), List.of(new PortRef(marketingProduct, "out", null, "marketing")));
        ports = datasets -> datasets.stream()
                .filter(mapping::containsKey)
                .collect(java.util.stream.Collectors.toMap(d -> d, mapping::get));
        now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        old = now.minus(Duration.ofDays(80));
        recent = now.minus(Duration.ofHours(1));
    }

    @Test
    void events_are_kept_ninety_days_unless_configured() {
        assertThat(retention.period()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void old_events_go_with_what_nothing_kept_refers_to_and_recent_ones_stay_with_what_they_need() {
        // An old run of orders.load read crm.orders and old.only and wrote dwh.orders: an observed
        // edge marketing -> sales, and a pipeline run of sales's port.
        UUID oldRun = UUID.randomUUID();
        ingest(run("START", oldRun, ns, "orders.load", old, List.of("crm.orders", "old.only"), List.of()));
        ingest(run("COMPLETE", oldRun, ns, "orders.load", old.plusSeconds(60), List.of(), List.of("dwh.orders")));
        // A recent run of another job reads and writes the same ports.
        UUID recentRun = UUID.randomUUID();
        ingest(run(
                "COMPLETE",
                recentRun,
                ns,
                "orders.refresh",
                recent,
                List.of("crm.orders", "recent.only"),
                List.of("dwh.orders")));
        // A job seen long ago and recently: what it read long ago only goes, the job stays.
        UUID sharedOld = UUID.randomUUID();
        UUID sharedRecent = UUID.randomUUID();
        ingest(run("COMPLETE", sharedOld, ns, "shared.job", old, List.of("shared.old"), List.of()));
        ingest(run("COMPLETE", sharedRecent, ns, "shared.job", recent, List.of("shared.new"), List.of()));
        // A run that started long ago and still reports: its START goes, the run and what it read stay.
        UUID longRun = UUID.randomUUID();
        ingest(run("START", longRun, ns, "long.job", old, List.of("long.in"), List.of()));
        ingest(run("RUNNING", longRun, ns, "long.job", recent, List.of(), List.of()));
        // Only a dataset event, and only a job event, long ago.
        ingest(TestEvents.dataset(ns, "ds.event", old));
        ingest(TestEvents.job(ns, "job.event", old, List.of(), List.of("je.out")));
        Instant edgeSeen = lastObserved(marketingProduct, salesProduct);
        long slaRuns = slaRuns(salesProduct);
        assertThat(slaRuns).isEqualTo(2);
        assertThat(events()).isEqualTo(9);

        Clock twentyDaysOn = Clock.offset(clock, Duration.ofDays(20));
        OpenLineageRetention.Swept swept =
                new OpenLineageRetention(jdbc, store, retention, twentyDaysOn, transactions).deleteExpired();

        assertThat(swept.events()).isGreaterThanOrEqualTo(6);
        assertThat(events()).isEqualTo(3);
        assertThat(eventTimes()).allSatisfy(time -> assertThat(time).isAfterOrEqualTo(recent));
        assertThat(runs()).containsExactlyInAnyOrder(recentRun, sharedRecent, longRun);
        assertThat(names("select name from openlineage_job where namespace = :ns"))
                .containsExactlyInAnyOrder("orders.refresh", "shared.job", "long.job");
        assertThat(names("select name from openlineage_dataset where namespace = :ns"))
                .containsExactlyInAnyOrder("crm.orders", "dwh.orders", "recent.only", "shared.new", "long.in");
        assertThat(names("""
                        select j.name || ':' || jd.direction || ':' || d.name from openlineage_job_dataset jd
                          join openlineage_job j on j.id = jd.job_id join openlineage_dataset d on d.id = jd.dataset_id
                         where d.namespace = :ns
                        """))
                .containsExactlyInAnyOrder(
                        "orders.refresh:input:crm.orders",
                        "orders.refresh:input:recent.only",
                        "orders.refresh:output:dwh.orders",
                        "shared.job:input:shared.new",
                        "long.job:input:long.in");
        // The long run still knows what it read at its start, for the events still to come.
        assertThat(new Stored(jdbc).runDatasets(longRun)).containsExactly("input:long.in");

        // "Seen, not in the catalog" lists what the window holds, with the jobs that touch it within it
        // (crm.orders and dwh.orders too: only this test's seam maps them to ports, not the catalog).
        List<SeenDatasets.Seen> listed = RunAs.user("dave", List.of(), () -> seen.list(ns, 0, 50));
        assertThat(listed)
                .extracting(item -> item.dataset().name())
                .containsExactlyInAnyOrder("crm.orders", "dwh.orders", "recent.only", "shared.new", "long.in");
        assertThat(listed)
                .filteredOn(item -> item.dataset().name().equals("shared.new"))
                .singleElement()
                .satisfies(item -> assertThat(item.readBy()).containsExactly(ns + "/shared.job"));
        assertThat(listed)
                .filteredOn(item -> item.dataset().name().equals("long.in"))
                .singleElement()
                .satisfies(item -> assertThat(item.readBy()).containsExactly(ns + "/long.job"));
        assertThat(RunAs.user("dave", List.of(), () -> seen.count(ns))).isEqualTo(5);
        assertThat(listed)
                .filteredOn(item -> item.dataset().name().equals("crm.orders"))
                .singleElement()
                .satisfies(item -> assertThat(item.readBy()).containsExactly(ns + "/orders.refresh"));

        // What other modules derived is theirs: the observed edge and the pipeline runs stay as they were.
        assertThat(lastObserved(marketingProduct, salesProduct)).isEqualTo(edgeSeen);
        assertThat(slaRuns(salesProduct)).isEqualTo(slaRuns);

        // A second round finds nothing more of the test's.
        new OpenLineageRetention(jdbc, store, retention, twentyDaysOn, transactions).deleteExpired();
        assertThat(events()).isEqualTo(3);
        assertThat(runs()).hasSize(3);
    }

    @Test
    void an_event_older_than_the_window_is_accepted_but_neither_stored_nor_used() {
        Instant beyond = now.minus(Duration.ofDays(100));
        UUID runId = UUID.randomUUID();
        String batch = TestEvents.array(
                run("COMPLETE", runId, ns, "late.job", beyond, List.of("crm.orders"), List.of("dwh.orders")),
                run("COMPLETE", UUID.randomUUID(), ns, "late.job", recent, List.of(), List.of("recent.out")));

        assertThat(ingest("alice", List.of("sales"), batch)).isEqualTo(new Ingested(2, 1, 0, 1));

        assertThat(eventTimes()).containsExactly(recent);
        assertThat(runs()).doesNotContain(runId);
        assertThat(names("select name from openlineage_dataset where namespace = :ns"))
                .containsExactly("recent.out");
        assertThat(RunsHeard.of(ns)).extracting(RunObserved::eventTime).containsExactly(recent);
        // Nothing derived from it: no observed edge, no pipeline run of sales's port.
        assertThat(lastObservedOrNull(marketingProduct, salesProduct)).isNull();
        assertThat(slaRuns(salesProduct)).isZero();

        // Sent again (a client's buffer replayed after an outage), it is the same: nothing moves.
        assertThat(ingest("alice", List.of("sales"), batch)).isEqualTo(new Ingested(2, 0, 1, 1));
        assertThat(events()).isEqualTo(1);
        assertThat(RunsHeard.of(ns)).hasSize(1);
    }

    @Test
    void the_api_answers_201_and_counts_an_event_older_than_the_window_apart() {
        String batch = TestEvents.array(
                run(
                        "COMPLETE",
                        UUID.randomUUID(),
                        ns,
                        "late.job",
                        now.minus(Duration.ofDays(365)),
                        List.of(),
                        List.of()),
                run("COMPLETE", UUID.randomUUID(), ns, "late.job", recent, List.of(), List.of()));

        Lineage.Response response = Lineage.post("sales-ci", batch);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("received").asInt()).isEqualTo(2);
        assertThat(response.json().path("stored").asInt()).isEqualTo(1);
        assertThat(response.json().path("alreadyKnown").asInt()).isZero();
        assertThat(response.json().path("olderThanRetention").asInt()).isEqualTo(1);
        assertThat(events()).isEqualTo(1);
    }

    @Test
    void an_old_event_for_another_teams_output_is_still_refused_before_anything_is_stored() {
        String event = json(run(
                "COMPLETE",
                UUID.randomUUID(),
                ns,
                "late.job",
                now.minus(Duration.ofDays(100)),
                List.of(),
                List.of("crm.orders")));
        assertThatThrownBy(() -> ingest("carol-not-admin", List.of("sales"), event))
                .isInstanceOf(OutputNotAllowedException.class);
    }

    @Test
    void each_statement_deletes_a_bounded_batch_and_the_round_goes_on_until_none_is_left() {
        for (int i = 0; i < 7; i++) {
            ingest(run(
                    "COMPLETE", UUID.randomUUID(), ns, "batch.job", old.plusSeconds(i), List.of("in" + i), List.of()));
        }
        assertThat(events()).isEqualTo(7);

        OpenLineageRetention.Swept swept = new OpenLineageRetention(
                        jdbc, store, retention, Clock.offset(clock, Duration.ofDays(20)), transactions, 3, 2)
                .deleteExpired();

        assertThat(swept.largestBatch()).isLessThanOrEqualTo(3);
        assertThat(swept.batches()).isGreaterThanOrEqualTo(3 + 4 + 4); // 7 events by 3, 7 runs and 7 datasets by 2
        assertThat(events()).isZero();
        assertThat(runs()).isEmpty();
        assertThat(names("select name from openlineage_dataset where namespace = :ns"))
                .isEmpty();
        assertThat(names("select name from openlineage_job where namespace = :ns"))
                .isEmpty();
    }

    @Test
    void the_scheduled_sweep_at_the_real_clock_keeps_what_is_within_ninety_days() {
        ingest(run("COMPLETE", UUID.randomUUID(), ns, "kept.job", old, List.of("kept.in"), List.of()));
        scheduled.deleteExpired();
        assertThat(events()).isEqualTo(1);
        assertThat(names("select name from openlineage_dataset where namespace = :ns"))
                .containsExactly("kept.in");
    }

    @Test
    void a_retention_that_is_no_duration_or_shorter_than_a_day_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> new EventRetention("90 days"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meshport.openlineage.retention (MESHPORT_OPENLINEAGE_RETENTION) must be an ISO-8601"
                        + " duration such as P90D (90 days) or P365D, not '90 days'.");
        assertThatThrownBy(() -> new EventRetention("PT90S"))
                .hasMessage("meshport.openlineage.retention (MESHPORT_OPENLINEAGE_RETENTION) must be at least one"
                        + " day (P1D), as raw events older than it are deleted; it is PT90S.");
        for (String bad : List.of("", "-P1D", "P0D", "P90", "P90D\u0000")) {
            assertThatThrownBy(() -> new EventRetention(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("MESHPORT_OPENLINEAGE_RETENTION");
        }
        assertThat(new EventRetention(" P365D ").period()).isEqualTo(Duration.ofDays(365));
        assertThat(new EventRetention("P1D").cutoff(now)).isEqualTo(now.minus(Duration.ofDays(1)));
    }

    @Test
    void a_bad_configured_retention_stops_the_start_with_that_sentence() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("test", Map.of(EventRetention.PROPERTY, "PT1H")));
            context.register(EventRetention.class);
            assertThatThrownBy(context::refresh)
                    .isInstanceOf(BeanCreationException.class)
                    .rootCause()
                    .hasMessageContaining("meshport.openlineage.retention (MESHPORT_OPENLINEAGE_RETENTION) must be"
                            + " at least one day");
        }
    }

    @Test
    void events_are_indexed_by_time_and_by_what_they_refer_to_for_the_sweep() {
        List<String> indexes = jdbc.sql("select indexdef from pg_indexes where tablename like 'openlineage_%'")
                .query(String.class)
                .list();
        assertThat(indexes)
                .anyMatch(index -> index.contains("openlineage_event ") && index.endsWith("(event_time)"))
                .anyMatch(index -> index.contains("openlineage_event ") && index.endsWith("(job_id)"))
                .anyMatch(index -> index.contains("openlineage_event ") && index.contains("(dataset_id)"))
                .anyMatch(index -> index.contains("openlineage_job_dataset ") && index.endsWith("(last_seen_at)"));
    }

    // ---------------------------------------------------------------- helpers

    private void ingest(ObjectNode event) {
        ingest("alice", List.of("sales"), json(event));
    }

    private Ingested ingest(String user, List<String> groups, String body) {
        return RunAs.user(user, groups, () -> service.ingest(body.getBytes(StandardCharsets.UTF_8), ports));
    }

    /** Events of the test's namespace: by their job, or their dataset. */
    private long events() {
        return new Stored(jdbc).events(ns);
    }

    private List<Instant> eventTimes() {
        return jdbc.sql("""
                        select e.event_time from openlineage_event e
                          left join openlineage_job j on j.id = e.job_id
                          left join openlineage_dataset d on d.id = e.dataset_id
                         where j.namespace = :ns or d.namespace = :ns
                        """).param("ns", ns).query(Timestamp.class).list().stream()
                .map(Timestamp::toInstant)
                .toList();
    }

    private List<UUID> runs() {
        return jdbc.sql("""
                        select r.run_id from openlineage_run r join openlineage_job j on j.id = r.job_id
                         where j.namespace = :ns
                        """).param("ns", ns).query(UUID.class).list();
    }

    private List<String> names(String sql) {
        return jdbc.sql(sql).param("ns", ns).query(String.class).list();
    }

    private Instant lastObserved(String upstream, String downstream) {
        Instant seen = lastObservedOrNull(upstream, downstream);
        assertThat(seen).as("observed edge %s -> %s", upstream, downstream).isNotNull();
        return seen;
    }

    private @org.jspecify.annotations.Nullable Instant lastObservedOrNull(String upstream, String downstream) {
        return jdbc.sql("""
                        select last_observed_at from lineage_observed_edge
                         where upstream_id = :up and downstream_id = :down
                        """)
                .param("up", upstream)
                .param("down", downstream)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
    }

    private long slaRuns(String productId) {
        return jdbc.sql("select count(*) from sla_pipeline_run where product_id = :id")
                .param("id", productId)
                .query(Long.class)
                .single();
    }

    private static String publish(String id, String team, String owner) {
        Api.Response response = Api.as(owner)
                .put("/api/v1/data-products/" + id, TestDocuments.draftWithOutputPort(id, team), "application/yaml");
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return id;
    }
}

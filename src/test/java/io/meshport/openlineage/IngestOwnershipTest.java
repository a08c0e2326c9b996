package io.meshport.openlineage;

import static io.meshport.openlineage.TestEvents.array;
import static io.meshport.openlineage.TestEvents.json;
import static io.meshport.openlineage.TestEvents.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.sla.ComplianceStatus;
import io.meshport.sla.SlaService;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may report what of a run: a run's outputs accumulate over its events, so every event of a
 * run must come from someone who may act for what the run wrote; a dataset two teams' ports map
 * counts, for a writer, as its own team's port only. Through the real API, as pipelines post.
 */
@MeshportTest
class IngestOwnershipTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SlaService sla;

    String s;
    String ns;
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(2, ChronoUnit.HOURS);

    @BeforeEach
    void freshNames() {
        s = "own-" + UUID.randomUUID().toString().substring(0, 8);
        ns = TestEvents.namespace("own");
    }

    /** A draft product of {@code team} whose one output port {@code out} maps the datasets of {@code ns}. */
    private String product(String user, String team, String id, String contractId, String... datasets) {
        StringBuilder mapping = new StringBuilder();
        for (String dataset : datasets) {
            mapping.append("          - namespace: ")
                    .append(ns)
                    .append("\n            name: ")
                    .append(dataset)
                    .append('\n');
        }
        String yaml = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: Product %s
                status: draft
                team:
                  name: %s
                outputPorts:
                  - name: out
                    version: 1.0.0
                    contractId: %s
                    customProperties:
                      - property: openlineageDatasets
                        value:
                %s""".formatted(id, id, team, contractId, mapping);
        Api.Response put = Api.as(user).put("/api/v1/data-products/" + id, yaml, "application/yaml");
        assertThat(put.status()).as(put.body()).isLessThan(300);
        return id;
    }

    private String salesProduct(String suffix, String... datasets) {
        return product("alice", "sales", s + "-" + suffix, s + "-" + suffix + "-none", datasets);
    }

    private String marketingProduct(String suffix, String... datasets) {
        return product("bob", "marketing", s + "-" + suffix, s + "-" + suffix + "-none", datasets);
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    private long eventsOf(UUID runId) {
        return count("select count(*) from openlineage_event where run_id = ?", runId);
    }

    private long pipelineRuns(String productId, String state) {
        return count("select count(*) from sla_pipeline_run where product_id = ? and state = ?", productId, state);
    }

    private long edgesInto(String productId) {
        return count("select count(*) from lineage_observed_edge where downstream_id = ?", productId);
    }

    private long observed(String productId) {
        return count("select count(*) from lineage_observed_product where product_id = ?", productId);
    }

    private Instant firstObserved(String productId) {
        return jdbc.sql("select first_observed_at from lineage_observed_product where product_id = ?")
                .param(productId)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    // ------------------------------------------------------------ finding 1: another team's run id

    @Test
    void another_team_or_no_team_cannot_report_events_of_a_run_that_wrote_a_product_it_does_not_own() {
        String orders = salesProduct("orders", "orders");
        String leads = marketingProduct("leads", "leads");
        UUID runId = UUID.randomUUID();
        Lineage.Response completed =
                Lineage.post("sales-ci", json(run("COMPLETE", runId, ns, "load", t0, List.of(), List.of("orders"))));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(201);
        Instant first = firstObserved(orders);

        // The run id is readable on the product's page; bob and dave post a failure of it that read
        // marketing's leads, an hour before the run ever started.
        for (String sender : List.of("bob", "dave", "marketing-ci")) {
            Lineage.Response hijack = Lineage.post(
                    sender, json(run("FAIL", runId, ns, "load", t0.minusSeconds(3600), List.of("leads"), List.of())));

            assertThat(hijack.status()).as(sender + ": " + hijack).isEqualTo(403);
            assertThat(hijack.pointers()).containsExactly("/run/runId");
            assertThat(hijack.json().path("errors").get(0).path("message").asString())
                    .contains("data product '" + orders + "'")
                    .contains("team 'sales'");
        }

        assertThat(eventsOf(runId)).isEqualTo(1);
        assertThat(pipelineRuns(orders, "FAIL")).isZero();
        assertThat(edgesInto(orders)).isZero();
        assertThat(firstObserved(orders)).isEqualTo(first);
        assertThat(jdbc.sql("select state from openlineage_run where run_id = ?")
                        .param(runId)
                        .query(String.class)
                        .single())
                .isEqualTo("COMPLETE");

        // The owning team's own later events of the run still count.
        Lineage.Response own = Lineage.post(
                "sales-ci", json(run("OTHER", runId, ns, "load", t0.plusSeconds(60), List.of("leads"), List.of())));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(eventsOf(runId)).isEqualTo(2);
        assertThat(jdbc.sql("select upstream_id from lineage_observed_edge where downstream_id = ?")
                        .param(orders)
                        .query(String.class)
                        .list())
                .containsExactly(leads);
    }

    // ------------------------------------------------------------ finding 2: two teams map one dataset

    @Test
    void a_team_mapping_another_teams_dataset_does_not_block_its_writes_and_is_not_written_by_them() {
        String orders = salesProduct("orders", "shared");
        String squatter = marketingProduct("squat", "shared");
        UUID runId = UUID.randomUUID();

        Lineage.Response sales =
                Lineage.post("sales-ci", json(run("COMPLETE", runId, ns, "load", t0, List.of(), List.of("shared"))));

        assertThat(sales.status()).as(sales.toString()).isEqualTo(201);
        assertThat(pipelineRuns(orders, "COMPLETE")).isEqualTo(1);
        assertThat(observed(orders)).isEqualTo(1);
        // For sales' run, marketing's port on the same table was not written.
        assertThat(pipelineRuns(squatter, "COMPLETE")).isZero();
        assertThat(observed(squatter)).isZero();

        // Marketing writing it counts for its own port only; someone of neither team is refused.
        UUID marketingRun = UUID.randomUUID();
        assertThat(Lineage.post(
                                "marketing-ci",
                                json(run("COMPLETE", marketingRun, ns, "mload", t0, List.of(), List.of("shared"))))
                        .status())
                .isEqualTo(201);
        assertThat(pipelineRuns(squatter, "COMPLETE")).isEqualTo(1);
        assertThat(pipelineRuns(orders, "COMPLETE")).isEqualTo(1);
        Lineage.Response dave = Lineage.post(
                "dave", json(run("COMPLETE", UUID.randomUUID(), ns, "dload", t0, List.of(), List.of("shared"))));
        assertThat(dave.status()).as(dave.toString()).isEqualTo(403);
        assertThat(dave.pointers()).containsExactly("/outputs/0");
        assertThat(dave.detail()).contains(orders).contains(squatter);
    }

    @Test
    void reading_a_dataset_two_teams_map_is_an_observed_edge_from_both_of_their_products() {
        String orders = salesProduct("orders", "shared");
        String squatter = marketingProduct("squat", "shared");
        String report = salesProduct("report", "report");

        Lineage.Response read = Lineage.post(
                "sales-ci",
                json(run("COMPLETE", UUID.randomUUID(), ns, "report", t0, List.of("shared"), List.of("report"))));

        assertThat(read.status()).as(read.toString()).isEqualTo(201);
        assertThat(jdbc.sql("select upstream_id from lineage_observed_edge where downstream_id = ? order by 1")
                        .param(report)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(orders, squatter);
    }

    // ------------------------------------------------------------ finding 4: events from the future

    @Test
    void an_event_from_the_future_is_refused_at_its_event_time_whatever_its_kind_and_nothing_is_stored() {
        Instant future = Instant.parse("9999-12-30T00:00:00Z");
        UUID start = UUID.randomUUID();
        Lineage.Response single =
                Lineage.post("sales-ci", json(run("START", start, ns, "job", future, List.of("in"), List.of())));
        assertThat(single.status()).as(single.toString()).isEqualTo(400);
        assertThat(single.pointers()).containsExactly("/eventTime");
        assertThat(single.json().path("errors").get(0).path("message").asString())
                .contains("ahead of the portal's clock");

        Instant tenMinutes = Instant.now().plus(10, ChronoUnit.MINUTES);
        Lineage.Response batch = Lineage.post(
                "sales-ci",
                array(
                        run("COMPLETE", UUID.randomUUID(), ns, "job", t0, List.of(), List.of("unmapped")),
                        run("RUNNING", UUID.randomUUID(), ns, "job", tenMinutes, List.of(), List.of()),
                        TestEvents.job(ns, "job", future, List.of("in"), List.of("out")),
                        TestEvents.dataset(ns, "in", future)));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(400);
        assertThat(batch.pointers()).containsExactly("/1/eventTime", "/2/eventTime", "/3/eventTime");

        Stored stored = new Stored(jdbc);
        assertThat(stored.events(ns)).isZero();
        assertThat(stored.runs(ns)).isZero();
        assertThat(stored.datasets(ns)).isZero();

        // A clock a minute ahead is within the skew allowed.
        assertThat(Lineage.post(
                                "sales-ci",
                                json(run(
                                        "START",
                                        start,
                                        ns,
                                        "job",
                                        Instant.now().plus(1, ChronoUnit.MINUTES),
                                        List.of("in"),
                                        List.of())))
                        .status())
                .isEqualTo(201);
    }

    // ------------------------------------------------------------ finding 5: the end before the outputs

    private String freshProduct(String suffix) {
        String id = s + "-" + suffix;
        String contract = """
                apiVersion: v3.1.0
                kind: DataContract
                id: %s-c
                name: Contract %s
                version: 1.0.0
                status: active
                slaProperties:
                  - property: latency
                    value: '1'
                    unit: 'd'
                """.formatted(id, id);
        Api.Response put = Api.as("alice").put("/api/v1/data-contracts/" + id + "-c", contract, "application/yaml");
        assertThat(put.status()).as(put.body()).isLessThan(300);
        return product("alice", "sales", id, id + "-c", suffix);
    }

    @Test
    void a_completion_that_arrives_before_the_event_naming_the_outputs_still_updates_the_port() {
        String inOneArray = freshProduct("one");
        String inTwoRequests = freshProduct("two");
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(20, ChronoUnit.MINUTES);
        Instant completed = started.plus(10, ChronoUnit.MINUTES);

        UUID first = UUID.randomUUID();
        Lineage.Response batch = Lineage.post(
                "sales-ci",
                array(
                        run("COMPLETE", first, ns, "one", completed, List.of(), List.of()),
                        run("START", first, ns, "one", started, List.of(), List.of("one"))));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(201);

        UUID second = UUID.randomUUID();
        assertThat(Lineage.post("sales-ci", json(run("COMPLETE", second, ns, "two", completed, List.of(), List.of())))
                        .status())
                .isEqualTo(201);
        assertThat(Lineage.post("sales-ci", json(run("START", second, ns, "two", started, List.of(), List.of("two"))))
                        .status())
                .isEqualTo(201);

        for (String product : List.of(inOneArray, inTwoRequests)) {
            assertThat(pipelineRuns(product, "COMPLETE")).as(product).isEqualTo(1);
            assertThat(jdbc.sql("select at from sla_observation where product_id = ? and kind = 'updated'")
                            .param(product)
                            .query(Timestamp.class)
                            .single()
                            .toInstant())
                    .isEqualTo(completed.truncatedTo(ChronoUnit.MICROS));
            assertThat(sla.summaries(List.of(product))).containsEntry(product, ComplianceStatus.MET);
        }
    }

    // ------------------------------------------------------------ finding 6a: a run's datasets are bounded

    @Test
    void a_run_that_would_name_more_datasets_than_allowed_is_refused_and_nothing_of_it_is_stored() {
        UUID runId = UUID.randomUUID();
        int half = IngestChecks.MAX_RUN_DATASETS / 2;
        List<String> inputs =
                java.util.stream.IntStream.range(0, half).mapToObj(i -> "i" + i).toList();
        List<String> outputs =
                java.util.stream.IntStream.range(0, half).mapToObj(i -> "o" + i).toList();
        assertThat(Lineage.post("sales-ci", json(run("START", runId, ns, "big", t0, inputs, outputs)))
                        .status())
                .isEqualTo(201);
        // The same datasets again are no more datasets.
        assertThat(Lineage.post(
                                "sales-ci",
                                json(run(
                                        "RUNNING",
                                        runId,
                                        ns,
                                        "big",
                                        t0.plusSeconds(1),
                                        inputs.subList(0, 10),
                                        List.of())))
                        .status())
                .isEqualTo(201);

        Lineage.Response more = Lineage.post(
                "sales-ci", json(run("COMPLETE", runId, ns, "big", t0.plusSeconds(2), List.of(), List.of("one-more"))));

        assertThat(more.status()).as(more.toString()).isEqualTo(400);
        assertThat(more.pointers()).containsExactly("/run/runId");
        assertThat(more.json().path("errors").get(0).path("message").asString())
                .contains("at most " + IngestChecks.MAX_RUN_DATASETS);
        assertThat(eventsOf(runId)).isEqualTo(2);
    }
}

package io.meshport.openlineage;

import static io.meshport.openlineage.TestEvents.array;
import static io.meshport.openlineage.TestEvents.json;
import static io.meshport.openlineage.TestEvents.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.Violation;
import io.meshport.openlineage.PortDataset.QualityAssertion;
import io.meshport.openlineage.PortDatasets.PortRef;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import java.nio.charset.StandardCharsets;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The ingest with datasets that are output ports of the catalog. Until the naming of datasets
 * lands, {@link PortDatasets} maps nothing, so these tests give the ingest the mapping through
 * its package-private seam: {@code crm.orders} is marketing's product's port, {@code dwh.orders}
 * sales's (real products, published here).
 */
@MeshportTest
class OpenLineageServiceTest {

    @Autowired
    OpenLineageService service;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    Stored stored;
    String ns;
    String salesProduct;
    String marketingProduct;
    Function<Collection<DatasetName>, Map<DatasetName, List<PortRef>>> ports;
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.HOURS);

    @BeforeEach
    void twoTeamsProductsWhoseOutputPortsAreDatasets() {
        stored = new Stored(jdbc);
        ns = TestEvents.namespace("svc");
        String stem = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        salesProduct = publish("ol-sales-" + stem, "sales", "alice");
        marketingProduct = publish("ol-marketing-" + stem, "marketing", "bob");
        Map<DatasetName, List<PortRef>> mapping = Map.of(
                new DatasetName(ns, "dwh.orders"), List.of(new PortRef(salesProduct, "out", null, "sales")),
                new DatasetName(ns, "crm.orders"), List.of(new PortRef(marketingProduct, "out", null, "marketing")));
        ports = datasets -> datasets.stream()
                .filter(mapping::containsKey)
                .collect(java.util.stream.Collectors.toMap(d -> d, mapping::get));
    }

    @Test
    void inputs_named_at_start_and_outputs_at_complete_accumulate_into_one_run_observed_listing_both() {
        UUID runId = UUID.randomUUID();
        ingest(
                "alice",
                List.of("sales"),
                json(run("START", runId, ns, "orders.load", t0, List.of("crm.orders"), List.of())));
        ingest(
                "alice",
                List.of("sales"),
                json(run("COMPLETE", runId, ns, "orders.load", t0.plusSeconds(300), List.of(), List.of("dwh.orders"))));

        List<RunObserved> heard = RunsHeard.of(ns);
        assertThat(heard).hasSize(2);
        RunObserved start = heard.get(0);
        assertThat(start.state()).isEqualTo(RunState.START);
        assertThat(start.inputs()).extracting(PortDataset::productId).containsExactly(marketingProduct);
        assertThat(start.outputs()).isEmpty();
        RunObserved complete = heard.get(1);
        assertThat(complete.runId()).isEqualTo(runId.toString());
        assertThat(complete.state()).isEqualTo(RunState.COMPLETE);
        assertThat(complete.eventTime()).isEqualTo(t0.plusSeconds(300));
        assertThat(complete.job()).isEqualTo(ns + "/orders.load");
        assertThat(complete.reportedBy()).isEqualTo("alice");
        assertThat(complete.inputs()).singleElement().satisfies(input -> {
            assertThat(input.productId()).isEqualTo(marketingProduct);
            assertThat(input.outputPort()).isEqualTo("out");
            assertThat(input.dataset()).isEqualTo(new DatasetName(ns, "crm.orders"));
        });
        assertThat(complete.outputs()).extracting(PortDataset::productId).containsExactly(salesProduct);
    }

    @Test
    void an_output_that_is_another_teams_product_is_refused_and_nothing_of_the_batch_is_stored() {
        String batch = array(
                run("START", UUID.randomUUID(), ns, "job", t0, List.of("crm.orders"), List.of()),
                run(
                        "COMPLETE",
                        UUID.randomUUID(),
                        ns,
                        "job",
                        t0,
                        List.of("crm.orders"),
                        List.of("other", "dwh.orders")));
        assertThatThrownBy(() -> ingest("bob", List.of("marketing"), batch))
                .isInstanceOfSatisfying(OutputNotAllowedException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/1/outputs/1");
                    assertThat(e.violations().getFirst().message()).contains(salesProduct, "sales");
                });
        // A job event may not claim another team's output either.
        assertThatThrownBy(() -> ingest(
                        "bob",
                        List.of("marketing"),
                        json(TestEvents.job(ns, "job", t0, List.of(), List.of("dwh.orders")))))
                .isInstanceOf(OutputNotAllowedException.class);
        assertThat(stored.events(ns)).isZero();
        assertThat(RunsHeard.of(ns)).isEmpty();
    }

    @Test
    void the_owning_team_and_governance_may_report_writing_a_product_and_anyone_reading_it() {
        ingest(
                "alice",
                List.of("sales"),
                json(run("COMPLETE", UUID.randomUUID(), ns, "a", t0, List.of(), List.of("dwh.orders"))));
        ingest(
                "carol",
                List.of("finance", "mesh-admins"),
                json(run("COMPLETE", UUID.randomUUID(), ns, "c", t0, List.of(), List.of("dwh.orders"))));
        ingest(
                "bob",
                List.of("marketing"),
                json(run("COMPLETE", UUID.randomUUID(), ns, "b", t0, List.of("dwh.orders"), List.of())));
        assertThat(RunsHeard.of(ns)).hasSize(3);
    }

    @Test
    void assertions_are_passed_on_only_for_products_the_sender_may_act_for() {
        UUID runId = UUID.randomUUID();
        var event = run("COMPLETE", runId, ns, "checks", t0, List.of("dwh.orders", "crm.orders"), List.of());
        TestEvents.withAssertions(event, 0, "not_null", true, "order_id");
        TestEvents.withAssertions(event, 1, "row_count_positive", false, null);
        ingest("alice", List.of("sales"), json(event));

        RunObserved observed = RunsHeard.of(ns).getFirst();
        assertThat(observed.inputs())
                .filteredOn(input -> input.productId().equals(salesProduct))
                .singleElement()
                .satisfies(input -> assertThat(input.assertions())
                        .containsExactly(new QualityAssertion("not_null", true, "order_id")));
        assertThat(observed.inputs())
                .filteredOn(input -> input.productId().equals(marketingProduct))
                .singleElement()
                .satisfies(input -> assertThat(input.assertions()).isEmpty());
    }

    @Test
    void a_malformed_assertion_is_refused_with_its_pointer() {
        var event = run("COMPLETE", UUID.randomUUID(), ns, "checks", t0, List.of("dwh.orders"), List.of());
        TestEvents.withAssertions(event, 0, "not_null", true, null);
        ((tools.jackson.databind.node.ObjectNode) event.at("/inputs/0/inputFacets/dataQualityAssertions/assertions/0"))
                .put("success", "yes");
        assertThatThrownBy(() -> ingest("alice", List.of("sales"), json(event)))
                .isInstanceOfSatisfying(
                        io.meshport.catalog.InvalidDocumentException.class, e -> assertThat(e.violations())
                                .extracting(Violation::pointer)
                                .containsExactly("/inputs/0/inputFacets/dataQualityAssertions/assertions/0/success"));
    }

    @Test
    void a_replayed_run_event_publishes_nothing() {
        String event =
                json(run("COMPLETE", UUID.randomUUID(), ns, "job", t0, List.of("crm.orders"), List.of("dwh.orders")));
        assertThat(ingest("alice", List.of("sales"), event)).isEqualTo(new Ingested(1, 1, 0));
        assertThat(ingest("alice", List.of("sales"), event)).isEqualTo(new Ingested(1, 0, 1));
        assertThat(RunsHeard.of(ns)).hasSize(1);
    }

    @Test
    void without_a_signed_in_caller_nothing_is_ingested() {
        String event = json(run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of()));
        assertThatThrownBy(() -> service.ingest(event)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(stored.events(ns)).isZero();
    }

    @Test
    void a_batch_with_one_run_event_too_far_ahead_is_refused_and_stores_nothing_of_the_runs_before_it() {
        List<tools.jackson.databind.JsonNode> events = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID runId = UUID.randomUUID();
            events.add(run("START", runId, ns, "orders.load", t0.plusSeconds(i), List.of("crm.orders"), List.of()));
            events.add(
                    run("COMPLETE", runId, ns, "orders.load", t0.plusSeconds(i + 1), List.of(), List.of("dwh.orders")));
        }
        Instant ahead = clock.instant().plus(java.time.Duration.ofHours(1));
        events.add(run("COMPLETE", UUID.randomUUID(), ns, "orders.load", ahead, List.of(), List.of("dwh.orders")));
        String batch = array(events.toArray(tools.jackson.databind.JsonNode[]::new));

        assertThatThrownBy(() -> ingest("alice", List.of("sales"), batch))
                .isInstanceOfSatisfying(
                        io.meshport.catalog.InvalidDocumentException.class, e -> assertThat(e.violations())
                                .extracting(Violation::pointer)
                                .containsExactly("/40/eventTime"));

        assertThat(stored.events(ns)).isZero();
        assertThat(stored.jobs(ns)).isZero();
        assertThat(stored.runs(ns)).isZero();
        assertThat(stored.datasets(ns)).isZero();
        assertThat(jdbc.sql("select count(*) from sla_observation where product_id = ?")
                        .param(salesProduct)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from sla_pipeline_run where product_id = ?")
                        .param(salesProduct)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from lineage_observed_edge where downstream_id = ?")
                        .param(salesProduct)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private Ingested ingest(String user, List<String> groups, String body) {
        return RunAs.user(user, groups, () -> service.ingest(body.getBytes(StandardCharsets.UTF_8), ports));
    }

    private static String publish(String id, String team, String owner) {
        Api.Response response = Api.as(owner)
                .put("/api/v1/data-products/" + id, TestDocuments.draftWithOutputPort(id, team), "application/yaml");
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return id;
    }
}

package io.meshport.lineage;

import static io.meshport.lineage.ObservedRuns.port;
import static io.meshport.lineage.TestProduct.asConsumer;
import static io.meshport.lineage.TestProduct.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DownstreamImpact;
import io.meshport.lineage.LineageGraph.EdgeKind;
import io.meshport.lineage.LineageGraph.Provenance;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Observed lineage beside the declared: what pipeline runs showed ({@code RunObserved}) is kept
 * as edges, which walks, the one-hop view, impact analysis and the API follow with each edge's
 * provenance (docs/decisions/0031-observed-lineage.md).
 */
@MeshportTest
class ObservedLineageTest {

    static final Instant T1 = Instant.parse("2026-11-20T08:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-21T08:00:00Z");
    static final Instant T3 = Instant.parse("2026-11-22T08:00:00Z");

    @Autowired
    CatalogService catalog;

    @Autowired
    LineageService lineage;

    @Autowired
    DownstreamImpact downstreamImpact;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    ObservedRuns runs;
    String s;
    String a;
    String b;
    String c;
    String d;

    /**
     * Declared: a -> b. Observed: a -> b (the same edge), b -> c and c -> d (no document says so),
     * and c reading its own port (an incremental load).
     */
    @BeforeEach
    void productsAreDeclaredAndRunsObserved() {
        runs = new ObservedRuns(transactions, events);
        s = TestProduct.stem("observed");
        a = s + "-a";
        b = s + "-b";
        c = s + "-c";
        d = s + "-d";
        product(a).provides(a + "-v1").publish(catalog);
        product(b).consumes(a + "-v1").provides(b + "-v1").publish(catalog);
        product(c).team("marketing").provides(c + "-v1").publish(catalog);
        product(d).provides(d + "-v1").publish(catalog);
        runs.run(s + "-build-b", T1, List.of(port(a, a + "-v1")), List.of(port(b, b + "-v1")));
        runs.run(s + "-build-c", T2, List.of(port(b, b + "-v1"), port(c, c + "-v1")), List.of(port(c, c + "-v1")));
        runs.run(s + "-build-d", T2, List.of(port(c, c + "-v1")), List.of(port(d, d + "-v1")));
    }

    @Test
    void an_observed_edge_no_document_declares_appears_with_its_provenance_and_last_observation() {
        LineageGraph aroundB = asConsumer(() -> lineage.lineage(b, Direction.BOTH, 1));
        assertThat(aroundB.nodes()).extracting(LineageGraph.Node::id).containsExactlyInAnyOrder(a, b, c);
        assertThat(aroundB.edges())
                .containsExactly(
                        LineageGraph.Edge.between(a, b, a + "-v1", Provenance.BOTH, T1),
                        LineageGraph.Edge.between(b, c, b + "-v1", Provenance.OBSERVED, T2));
        assertThat(aroundB.edges().get(1).kind()).isEqualTo(EdgeKind.OBSERVED);
    }

    @Test
    void a_declared_edge_also_observed_is_one_edge_seen_both_ways() {
        LineageGraph fromA = asConsumer(() -> lineage.lineage(a, Direction.DOWNSTREAM, 1));
        assertThat(fromA.edges()).hasSize(1);
        LineageGraph.Edge edge = fromA.edges().getFirst();
        assertThat(edge.provenance()).isEqualTo(Provenance.BOTH);
        assertThat(edge.kind()).isEqualTo(EdgeKind.DECLARED);
        assertThat(edge.lastObservedAt()).isEqualTo(T1);
    }

    @Test
    void a_product_reading_its_own_port_is_no_edge_but_is_observed() {
        assertThat(jdbc.sql("select count(*) from lineage_observed_edge where upstream_id = :c and downstream_id = :c")
                        .param("c", c)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select last_job from lineage_observed_product where product_id = :c")
                        .param("c", c)
                        .query(String.class)
                        .single())
                .isEqualTo("tests/" + s + "-build-c");
    }

    @Test
    void walks_cross_observed_only_edges_at_any_depth() {
        LineageGraph twoDown = asConsumer(() -> lineage.lineage(a, Direction.DOWNSTREAM, 2));
        assertThat(depths(twoDown)).isEqualTo(Map.of(a, 0, b, 1, c, 2));
        LineageGraph threeDown = asConsumer(() -> lineage.lineage(a, Direction.DOWNSTREAM, 3));
        assertThat(depths(threeDown)).isEqualTo(Map.of(a, 0, b, 1, c, 2, d, 3));
        assertThat(threeDown.edges())
                .extracting(edge ->
                        edge.from() + ">" + edge.to() + ":" + edge.provenance().value())
                .containsExactly(a + ">" + b + ":both", b + ">" + c + ":observed", c + ">" + d + ":observed");
        LineageGraph upFromD = asConsumer(() -> lineage.lineage(d, Direction.UPSTREAM, 3));
        assertThat(depths(upFromD)).isEqualTo(Map.of(a, -3, b, -2, c, -1, d, 0));
    }

    @Test
    void the_filter_chooses_declared_or_observed_edges() {
        LineageGraph declared = asConsumer(
                () -> lineage.lineage(b, Direction.BOTH, 1, LineageService.MAX_NODES, ProvenanceFilter.DECLARED));
        assertThat(declared.nodes()).extracting(LineageGraph.Node::id).containsExactlyInAnyOrder(a, b);
        // The edge followed says all it is: declared, and observed too.
        assertThat(declared.edges()).containsExactly(LineageGraph.Edge.between(a, b, a + "-v1", Provenance.BOTH, T1));

        LineageGraph observedDeep = asConsumer(
                () -> lineage.lineage(a, Direction.DOWNSTREAM, 3, LineageService.MAX_NODES, ProvenanceFilter.OBSERVED));
        assertThat(depths(observedDeep)).isEqualTo(Map.of(a, 0, b, 1, c, 2, d, 3));
        assertThat(observedDeep.edges())
                .extracting(LineageGraph.Edge::provenance)
                .containsExactly(Provenance.BOTH, Provenance.OBSERVED, Provenance.OBSERVED);

        LineageGraph declaredDeep = asConsumer(
                () -> lineage.lineage(a, Direction.DOWNSTREAM, 3, LineageService.MAX_NODES, ProvenanceFilter.DECLARED));
        assertThat(depths(declaredDeep)).isEqualTo(Map.of(a, 0, b, 1));
    }

    @Test
    void events_arriving_out_of_order_never_move_the_last_observation_back() {
        runs.run(s + "-late", T3, List.of(port(b, b + "-v1")), List.of(port(c, c + "-v1")));
        runs.run(s + "-replayed-old", T1, List.of(port(b, b + "-v1")), List.of(port(c, c + "-v1")));

        Map<String, Object> row =
                jdbc.sql("""
                        select first_observed_at, last_observed_at, last_job from lineage_observed_edge
                         where upstream_id = :b and downstream_id = :c
                        """).param("b", b).param("c", c).query().singleRow();
        assertThat(((java.sql.Timestamp) row.get("first_observed_at")).toInstant())
                .isEqualTo(T1);
        assertThat(((java.sql.Timestamp) row.get("last_observed_at")).toInstant())
                .isEqualTo(T3);
        assertThat(row.get("last_job")).isEqualTo("tests/" + s + "-late");
        LineageGraph aroundB = asConsumer(() -> lineage.lineage(b, Direction.DOWNSTREAM, 1));
        assertThat(aroundB.edges())
                .extracting(LineageGraph.Edge::lastObservedAt)
                .containsExactly(T3);
        assertThat(jdbc.sql("select last_observed_at from lineage_observed_product where product_id = :c")
                        .param("c", c)
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(T3);
    }

    @Test
    void impact_includes_observed_consumers_by_default_and_says_so() {
        Impact all = asConsumer(() -> lineage.impact(a, null));
        assertThat(all.includesObserved()).isTrue();
        assertThat(all.products())
                .extracting(p -> p.id() + ":" + p.depth() + ":" + p.via().value())
                .containsExactly(b + ":1:declared", c + ":2:observed", d + ":3:observed");
        assertThat(all.csv())
                .contains(c + ",Product " + c + ",lineage-tests,marketing,draft,2," + a + " > " + b + " > " + c
                        + ",observed in runs,");

        Impact declared =
                asConsumer(() -> lineage.impact(a, null, LineageService.MAX_IMPACTED, true, ProvenanceFilter.DECLARED));
        assertThat(declared.includesObserved()).isFalse();
        assertThat(declared.products()).extracting(Impact.ImpactedProduct::id).containsExactly(b);
    }

    @Test
    void the_catalogs_breaking_change_confirmation_names_declared_consumers_only() {
        DownstreamImpact.Report report = asConsumer(() -> downstreamImpact.of(a, Set.of()));
        assertThat(report.products()).extracting(DownstreamImpact.Affected::id).containsExactly(b);
    }

    @Test
    void the_api_carries_provenance_per_edge_and_follows_the_filter() {
        JsonNode body = Api.as("dave").get(lineagePath(b), "application/json").json();
        assertThat(edges(body))
                .containsExactly(a + ">" + b + ":declared:both:" + T1, b + ">" + c + ":observed:observed:" + T2);
        JsonNode declared = Api.as("dave")
                .get(lineagePath(b) + "?provenance=declared", "application/json")
                .json();
        assertThat(edges(declared)).containsExactly(a + ">" + b + ":declared:both:" + T1);
        JsonNode observed = Api.as("dave")
                .get(lineagePath(a) + "?provenance=OBSERVED&direction=downstream&depth=2", "application/json")
                .json();
        assertThat(edges(observed))
                .containsExactly(a + ">" + b + ":declared:both:" + T1, b + ">" + c + ":observed:observed:" + T2);

        JsonNode impact = Api.as("dave").get(impactPath(a), "application/json").json();
        assertThat(impact.path("provenance").asString()).isEqualTo("all");
        assertThat(impact.path("includesObserved").asBoolean()).isTrue();
        assertThat(impact.path("products").get(1).path("via").asString()).isEqualTo("observed");
        JsonNode impactDeclared = Api.as("dave")
                .get(impactPath(a) + "?provenance=declared", "application/json")
                .json();
        assertThat(impactDeclared.path("includesObserved").asBoolean()).isFalse();
        assertThat(impactDeclared.path("products").size()).isEqualTo(1);
        String csv = Api.as("dave").get(impactPath(a), "text/csv").body();
        assertThat(csv).contains(",observed in runs,");
    }

    @Test
    void an_unknown_provenance_is_a_400_problem_naming_the_parameter() {
        for (String path : List.of(
                lineagePath(b) + "?provenance=sideways",
                impactPath(a) + "?provenance=declared&provenance=observed",
                lineagePath(b) + "?provenance=d%C3%A9clar%C3%A9")) {
            Api.Response response = Api.as("dave").get(path, "application/json");
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.pointers()).containsExactly("/provenance");
            assertThat(response.json().path("detail").asString()).contains("all, declared or observed");
        }
        Api.Response nul = Api.as("dave").get(impactPath(a) + "?provenance=%00", "application/json");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.pointers()).containsExactly("/provenance");
    }

    private static List<String> edges(JsonNode body) {
        List<String> edges = new ArrayList<>();
        body.path("edges")
                .forEach(edge -> edges.add(edge.path("from").asString() + ">"
                        + edge.path("to").asString() + ":"
                        + edge.path("kind").asString() + ":"
                        + edge.path("provenance").asString() + ":"
                        + (edge.has("lastObservedAt")
                                ? Instant.parse(edge.path("lastObservedAt").asString())
                                : "")));
        return edges;
    }

    private static Map<String, Integer> depths(LineageGraph graph) {
        return graph.nodes().stream().collect(Collectors.toMap(LineageGraph.Node::id, LineageGraph.Node::depth));
    }

    private static String lineagePath(String id) {
        return "/api/v1/data-products/" + id + "/lineage";
    }

    private static String impactPath(String id) {
        return "/api/v1/data-products/" + id + "/impact";
    }
}

package io.meshport.lineage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.meshport.catalog.ProductStatus;
import io.meshport.lineage.LineageGraph;
import io.meshport.lineage.LineageGraph.Edge;
import io.meshport.lineage.LineageGraph.Node;
import io.meshport.lineage.LineageGraph.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the graph model and the table make of observed lineage: an edge only pipeline runs show is
 * drawn and listed with its provenance and last observation, and a declared edge also observed is
 * one edge, "both".
 */
class ObservedLineageDrawingTest {

    static final Instant SEEN = Instant.parse("2026-11-21T08:15:00Z");

    /** orders -> ledger declared and observed; ledger -> audit only observed (no document says so). */
    static final LineageGraph GRAPH = new LineageGraph(
            "ledger",
            List.of(
                    new Node("orders", "Orders", "sales", "sales", ProductStatus.ACTIVE, -1),
                    new Node("ledger", "Ledger", "finance", "finance", ProductStatus.ACTIVE, 0),
                    new Node("audit", "Audit", "finance", "finance", ProductStatus.DRAFT, 1)),
            List.of(
                    Edge.between("orders", "ledger", "orders-v1", Provenance.BOTH, SEEN.minusSeconds(3600)),
                    Edge.between("ledger", "audit", "ledger-v1", Provenance.OBSERVED, SEEN)),
            List.of(),
            false);

    @Test
    void the_drawing_carries_each_edges_provenance_and_an_observed_only_edge_is_drawn() {
        LineageLayout.Drawing drawing = LineageLayout.layout(GRAPH, id -> false, id -> false, false, Set.of());
        assertThat(drawing.edges())
                .extracting(
                        LineageLayout.PlacedEdge::id,
                        LineageLayout.PlacedEdge::kind,
                        LineageLayout.PlacedEdge::provenance,
                        LineageLayout.PlacedEdge::lastObservedAt)
                .containsExactlyInAnyOrder(
                        tuple("orders->ledger", "declared", "both", "2026-11-21T07:15:00Z"),
                        tuple("ledger->audit", "observed", "observed", "2026-11-21T08:15:00Z"));
    }

    @Test
    void a_declared_and_an_observed_edge_between_the_same_nodes_are_drawn_as_one_seen_both_ways() {
        LineageGraph graph = new LineageGraph(
                "a",
                List.of(
                        new Node("a", "A", "d", "t", ProductStatus.ACTIVE, 0),
                        new Node("b", "B", "d", "t", ProductStatus.ACTIVE, 1)),
                List.of(new Edge("a", "b", "a-v1"), Edge.between("a", "b", "a-v2", Provenance.OBSERVED, SEEN)),
                List.of(),
                false);
        LineageLayout.Drawing drawing = LineageLayout.layout(graph, id -> false, id -> false, false, Set.of());
        assertThat(drawing.edges()).hasSize(1);
        LineageLayout.PlacedEdge edge = drawing.edges().getFirst();
        assertThat(edge.provenance()).isEqualTo("both");
        assertThat(edge.kind()).isEqualTo("declared");
        assertThat(edge.contracts()).containsExactly("a-v1", "a-v2");
        assertThat(edge.lastObservedAt()).isEqualTo(SEEN.toString());
    }

    @Test
    void the_table_lists_the_observed_consumer_with_provenance_and_when_it_was_last_observed() {
        List<LineageTable.Row> rows = LineageTable.rows(
                GRAPH,
                GRAPH.nodes().stream().filter(n -> !n.id().equals("ledger")).toList());
        assertThat(rows)
                .extracting(
                        LineageTable.Row::name,
                        LineageTable.Row::kind,
                        LineageTable.Row::contracts,
                        LineageTable.Row::provenance,
                        LineageTable.Row::lastObserved)
                .containsExactly(
                        tuple("Orders", "declared input", "orders-v1", "both", "2026-11-21 07:15 UTC"),
                        tuple("Audit", "observed in runs", "ledger-v1", "observed", "2026-11-21 08:15 UTC"));
    }

    @Test
    void the_show_choice_is_labelled_as_people_read_it() {
        assertThat(List.of(io.meshport.lineage.ProvenanceFilter.values()))
                .extracting(LineagePanel::showLabel)
                .containsExactly("Declared and observed", "Declared only", "Observed only");
    }
}

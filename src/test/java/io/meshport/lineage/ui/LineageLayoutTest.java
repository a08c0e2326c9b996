package io.meshport.lineage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.meshport.catalog.ProductStatus;
import io.meshport.lineage.Direction;
import io.meshport.lineage.LineageGraph;
import io.meshport.lineage.LineageGraph.Edge;
import io.meshport.lineage.LineageGraph.Node;
import io.meshport.lineage.LineageGraph.UnresolvedInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The explorer grows the lineage a hop at a time; the layout reads left (upstream) to right. */
class LineageLayoutTest {

    // orders -> ledger -> revenue -> forecast; fx (unresolved input of cash) ; cash -> forecast
    static final InMemoryLineage MESH = new InMemoryLineage()
            .product("orders", "sales", ProductStatus.ACTIVE)
            .product("ledger", "finance", ProductStatus.ACTIVE)
            .product("revenue", "finance", ProductStatus.ACTIVE)
            .product("forecast", "finance", ProductStatus.DEPRECATED)
            .product("cash", "treasury", ProductStatus.RETIRED)
            .edge("orders", "ledger", "orders-v1")
            .edge("ledger", "revenue", "ledger-v1")
            .edge("revenue", "forecast", "revenue-v1")
            .edge("cash", "forecast", "cash-v1")
            .unresolved("cash", "fx-rates-v1");

    @Test
    void opens_one_hop_each_way_and_expands_upstream_one_hop_at_a_time() {
        LineageExplorer explorer = LineageExplorer.open(MESH, "revenue", 1);
        assertThat(ids(explorer.graph())).containsExactlyInAnyOrder("revenue", "ledger", "forecast");
        assertThat(explorer.expandedUpstream("revenue")).isTrue();
        assertThat(explorer.expandedUpstream("ledger")).isFalse();

        assertThat(explorer.expand("ledger", Direction.UPSTREAM)).isTrue();
        Map<String, Integer> depths =
                explorer.graph().nodes().stream().collect(Collectors.toMap(Node::id, Node::depth));
        assertThat(depths)
                .containsEntry("orders", -2)
                .containsEntry("ledger", -1)
                .containsEntry("forecast", 1);
        assertThat(explorer.expandedUpstream("ledger")).isTrue();

        assertThat(explorer.expand("orders", Direction.UPSTREAM)).isFalse();
    }

    @Test
    void a_product_already_shown_keeps_its_place_when_an_expansion_reaches_it_again() {
        InMemoryLineage mesh = new InMemoryLineage()
                .product("ledger", "finance", ProductStatus.ACTIVE)
                .product("revenue", "finance", ProductStatus.ACTIVE)
                .product("forecast", "finance", ProductStatus.ACTIVE)
                .product("cash", "treasury", ProductStatus.ACTIVE)
                .edge("ledger", "revenue", "ledger-v1")
                .edge("ledger", "forecast", "ledger-v1")
                .edge("revenue", "forecast", "revenue-v1")
                .edge("cash", "forecast", "cash-v1");
        LineageExplorer explorer = LineageExplorer.open(mesh, "ledger", 1);
        explorer.expand("forecast", Direction.UPSTREAM);
        Map<String, Integer> depths =
                explorer.graph().nodes().stream().collect(Collectors.toMap(Node::id, Node::depth));
        assertThat(depths)
                .containsEntry("ledger", 0)
                .containsEntry("revenue", 1)
                .containsEntry("forecast", 1)
                .containsEntry("cash", 0);
    }

    @Test
    void lays_upstream_out_left_of_the_root_and_downstream_right_with_unresolved_inputs_as_their_own_nodes() {
        LineageExplorer explorer = LineageExplorer.open(MESH, "forecast", 3);
        LineageLayout.Drawing drawing = layout(explorer, false, Set.of());
        Map<String, LineageLayout.PlacedNode> nodes = byId(drawing);
        assertThat(nodes.get("orders").x()).isLessThan(nodes.get("ledger").x());
        assertThat(nodes.get("ledger").x()).isLessThan(nodes.get("revenue").x());
        assertThat(nodes.get("revenue").x()).isLessThan(nodes.get("forecast").x());
        assertThat(nodes.get("forecast").root()).isTrue();

        LineageLayout.PlacedNode fx = nodes.get("unresolved:cash:fx-rates-v1");
        assertThat(fx.kind()).isEqualTo(LineageLayout.Kind.UNRESOLVED);
        assertThat(fx.name()).isEqualTo("unresolved: fx-rates-v1");
        assertThat(fx.x()).isLessThan(nodes.get("cash").x());
        assertThat(drawing.edges())
                .anySatisfy(edge -> assertThat(edge.contracts()).containsExactly("fx-rates-v1"));
        // Boxes do not overlap.
        List<LineageLayout.PlacedNode> all = drawing.nodes();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                LineageLayout.PlacedNode a = all.get(i);
                LineageLayout.PlacedNode b = all.get(j);
                assertThat(Math.abs(a.x() - b.x()) >= LineageLayout.NODE_WIDTH
                                || Math.abs(a.y() - b.y()) >= LineageLayout.NODE_HEIGHT)
                        .as("%s and %s overlap", a.id(), b.id())
                        .isTrue();
            }
        }
    }

    @Test
    void groups_by_domain_and_a_collapsed_domain_is_one_node_that_keeps_the_edges() {
        LineageExplorer explorer = LineageExplorer.open(MESH, "forecast", 3);
        LineageLayout.Drawing grouped = layout(explorer, true, Set.of());
        assertThat(grouped.groups())
                .extracting(LineageLayout.Group::domain)
                .containsExactly("finance", "sales", "treasury");
        assertThat(byId(grouped).get("orders").parent()).isEqualTo("group:sales");

        LineageLayout.Drawing collapsed = layout(explorer, true, Set.of("finance"));
        Map<String, LineageLayout.PlacedNode> nodes = byId(collapsed);
        // The root stays itself; its domain's other products become one node.
        assertThat(nodes).containsKeys("forecast", "domain:finance").doesNotContainKeys("ledger", "revenue");
        assertThat(nodes.get("domain:finance").members()).isEqualTo(2);
        assertThat(collapsed.edges())
                .extracting(LineageLayout.PlacedEdge::id)
                .containsExactlyInAnyOrder(
                        "orders->domain:finance",
                        "domain:finance->forecast",
                        "cash->forecast",
                        "unresolved:cash:fx-rates-v1->cash");
    }

    @Test
    void the_table_lists_each_neighbour_with_its_direction_hops_and_contract() {
        LineageExplorer explorer = LineageExplorer.open(MESH, "forecast", 3);
        List<LineageTable.Row> rows = LineageTable.rows(explorer.graph(), explorer.neighbours());
        assertThat(rows)
                .extracting(
                        LineageTable.Row::direction,
                        LineageTable.Row::hops,
                        LineageTable.Row::name,
                        LineageTable.Row::status,
                        LineageTable.Row::contracts)
                .containsExactly(
                        tuple("Upstream", 1, "cash", "retired", "cash-v1"),
                        tuple("Upstream", 1, "revenue", "active", "revenue-v1"),
                        tuple("Upstream", 2, "ledger", "active", "ledger-v1"),
                        tuple("Upstream", 3, "orders", "active", "orders-v1"),
                        tuple("Unresolved input", 2, "unresolved input of cash", "unresolved", "fx-rates-v1"));
    }

    @Test
    void agreements_are_edges_of_their_own_kind_to_products_and_to_team_nodes_which_are_leaves() {
        InMemoryLineage mesh = new InMemoryLineage()
                .product("orders", "sales", ProductStatus.ACTIVE)
                .product("ledger", "finance", ProductStatus.ACTIVE)
                .product("campaigns", "marketing", ProductStatus.ACTIVE)
                .team("marketing")
                .edge("orders", "ledger", "orders-v1")
                .agreement("orders", "ledger", "a0")
                .agreement("orders", "campaigns", "a1")
                .agreement("orders", "team:marketing", "a2");
        LineageExplorer explorer = LineageExplorer.open(mesh, "orders", 1);
        assertThat(explorer.isTeam("team:marketing")).isTrue();
        assertThat(explorer.expandedUpstream("team:marketing")).isTrue();
        assertThat(explorer.expandedDownstream("team:marketing")).isTrue();
        assertThat(explorer.expand("team:marketing", Direction.DOWNSTREAM)).isFalse();

        LineageLayout.Drawing drawing = layout(explorer, true, Set.of());
        Map<String, LineageLayout.PlacedNode> nodes = byId(drawing);
        LineageLayout.PlacedNode team = nodes.get("team:marketing");
        assertThat(team.kind()).isEqualTo(LineageLayout.Kind.TEAM);
        assertThat(team.parent()).as("a team is in no domain's box").isNull();
        assertThat(team.expandedDownstream()).isTrue();
        assertThat(team.x()).isGreaterThan(nodes.get("orders").x());
        // A declared input and an agreement between the same two products are two edges.
        assertThat(drawing.edges())
                .extracting(LineageLayout.PlacedEdge::id, LineageLayout.PlacedEdge::kind)
                .containsExactlyInAnyOrder(
                        tuple("orders->ledger", "declared"),
                        tuple("orders->ledger:agreement", "agreement"),
                        tuple("orders->campaigns:agreement", "agreement"),
                        tuple("orders->team:marketing:agreement", "agreement"));
        assertThat(drawing.edges())
                .filteredOn(edge -> edge.id().equals("orders->team:marketing:agreement"))
                .singleElement()
                .satisfies(edge -> assertThat(edge.contracts())
                        .containsExactly("port out@1.0.0, contract orders-v1 1.0.0, provisioning granted"));

        List<LineageTable.Row> rows = LineageTable.rows(explorer.graph(), explorer.neighbours());
        assertThat(rows)
                .extracting(
                        LineageTable.Row::name,
                        LineageTable.Row::kind,
                        LineageTable.Row::teamNode,
                        LineageTable.Row::port,
                        LineageTable.Row::contractVersion,
                        LineageTable.Row::provisioning)
                .containsExactly(
                        tuple("campaigns", "agreement", false, "out@1.0.0", "1.0.0", "granted"),
                        tuple("ledger", "declared input", false, "", "", ""),
                        tuple("ledger", "agreement", false, "out@1.0.0", "1.0.0", "granted"),
                        tuple("marketing", "agreement", true, "out@1.0.0", "1.0.0", "granted"));
        assertThat(rows.getLast().productId())
                .as("a team row offers no expansion")
                .isNull();
    }

    private static LineageLayout.Drawing layout(LineageExplorer explorer, boolean grouped, Set<String> collapsed) {
        return LineageLayout.layout(
                explorer.graph(), explorer::expandedUpstream, explorer::expandedDownstream, grouped, collapsed);
    }

    private static List<String> ids(LineageGraph graph) {
        return graph.nodes().stream().map(Node::id).toList();
    }

    private static Map<String, LineageLayout.PlacedNode> byId(LineageLayout.Drawing drawing) {
        return drawing.nodes().stream().collect(Collectors.toMap(LineageLayout.PlacedNode::id, Function.identity()));
    }

    /** A lineage source over a few products in memory, walking breadth first like the service. */
    static final class InMemoryLineage implements LineageExplorer.Source {
        private final Map<String, Node> products = new LinkedHashMap<>();
        private final List<Edge> edges = new ArrayList<>();
        private final List<UnresolvedInput> unresolved = new ArrayList<>();

        InMemoryLineage product(String id, String domain, ProductStatus status) {
            products.put(id, new Node(id, id, domain, domain + "-team", status, 0));
            return this;
        }

        InMemoryLineage edge(String from, String to, String contract) {
            edges.add(new Edge(from, to, contract));
            return this;
        }

        InMemoryLineage team(String team) {
            products.put(LineageGraph.teamNodeId(team), Node.team(team, 0));
            return this;
        }

        /** An approved agreement on port out@1.0.0 (contract {@code from}-v1 1.0.0, granted). */
        InMemoryLineage agreement(String from, String to, String id) {
            edges.add(new Edge(
                    from, to, from + "-v1", LineageGraph.EdgeKind.AGREEMENT, id, "out", "1.0.0", "1.0.0", "granted"));
            return this;
        }

        InMemoryLineage unresolved(String product, String contract) {
            unresolved.add(new UnresolvedInput(product, contract));
            return this;
        }

        @Override
        public LineageGraph lineage(
                String productId,
                Direction direction,
                int depth,
                int maxNodes,
                io.meshport.lineage.ProvenanceFilter shown) {
            Map<String, Integer> reached = new LinkedHashMap<>();
            reached.put(productId, 0);
            if (direction != Direction.UPSTREAM) {
                walk(productId, depth, 1, reached);
            }
            if (direction != Direction.DOWNSTREAM) {
                walk(productId, depth, -1, reached);
            }
            List<Node> nodes = reached.entrySet().stream()
                    .map(e -> {
                        Node p = products.get(e.getKey());
                        return p.at(e.getValue());
                    })
                    .toList();
            return new LineageGraph(
                    productId,
                    nodes,
                    edges.stream()
                            .filter(e -> reached.containsKey(e.from()) && reached.containsKey(e.to()))
                            .toList(),
                    unresolved.stream()
                            .filter(u -> reached.containsKey(u.product()))
                            .toList(),
                    false);
        }

        private void walk(String from, int depth, int sign, Map<String, Integer> reached) {
            List<String> frontier = List.of(from);
            for (int hop = 1; hop <= depth; hop++) {
                List<String> next = new ArrayList<>();
                for (String id : frontier) {
                    for (Edge e : edges) {
                        String other = sign > 0
                                ? (e.from().equals(id) ? e.to() : null)
                                : (e.to().equals(id) ? e.from() : null);
                        if (other != null && !reached.containsKey(other)) {
                            reached.put(other, sign * hop);
                            next.add(other);
                        }
                    }
                }
                frontier = next;
            }
        }
    }
}

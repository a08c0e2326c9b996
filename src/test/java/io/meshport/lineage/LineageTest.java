package io.meshport.lineage;

import static io.meshport.lineage.TestProduct.asConsumer;
import static io.meshport.lineage.TestProduct.asGovernance;
import static io.meshport.lineage.TestProduct.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.NotInCatalogException;
import io.meshport.catalog.ProductStatus;
import io.meshport.catalog.Violation;
import io.meshport.testing.MeshportTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Lineage as the ports declare it, kept in step with every write and walked in PostgreSQL. */
@MeshportTest
class LineageTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    LineageService lineage;

    // ------------------------------------------------------------------ shapes of graphs

    @Test
    void a_chain_shows_one_hop_each_way_and_more_with_depth() {
        String s = TestProduct.stem("chain");
        product(s + "-a").provides(s + "-a-v1").publish(catalog);
        product(s + "-b").consumes(s + "-a-v1").provides(s + "-b-v1").publish(catalog);
        product(s + "-c").consumes(s + "-b-v1").provides(s + "-c-v1").publish(catalog);
        product(s + "-d").consumes(s + "-c-v1").publish(catalog);

        LineageGraph aroundB = asConsumer(() -> lineage.lineage(s + "-b", Direction.BOTH, 1));
        assertThat(depths(aroundB)).isEqualTo(Map.of(s + "-a", -1, s + "-b", 0, s + "-c", 1));
        assertThat(aroundB.root()).isEqualTo(s + "-b");
        assertThat(aroundB.edges())
                .containsExactlyInAnyOrder(
                        new LineageGraph.Edge(s + "-a", s + "-b", s + "-a-v1"),
                        new LineageGraph.Edge(s + "-b", s + "-c", s + "-b-v1"));
        assertThat(aroundB.truncated()).isFalse();

        LineageGraph downFromA = asConsumer(() -> lineage.lineage(s + "-a", Direction.DOWNSTREAM, 2));
        assertThat(depths(downFromA)).isEqualTo(Map.of(s + "-a", 0, s + "-b", 1, s + "-c", 2));
        LineageGraph upFromD = asConsumer(() -> lineage.lineage(s + "-d", Direction.UPSTREAM, 50));
        assertThat(depths(upFromD)).isEqualTo(Map.of(s + "-a", -3, s + "-b", -2, s + "-c", -1, s + "-d", 0));
        assertThat(upFromD.edges()).hasSize(3);
    }

    @Test
    void nodes_carry_name_domain_team_and_status() {
        String s = TestProduct.stem("info");
        product(s + "-a").named("Source, \"quoted\"").provides(s + "-a-v1").publish(catalog);
        product(s + "-b").consumes(s + "-a-v1").status("proposed").publish(catalog);

        LineageGraph graph = asConsumer(() -> lineage.lineage(s + "-a", Direction.DOWNSTREAM, 1));
        assertThat(graph.nodes())
                .containsExactly(
                        new LineageGraph.Node(
                                s + "-a", "Source, \"quoted\"", "lineage-tests", "sales", ProductStatus.DRAFT, 0),
                        new LineageGraph.Node(
                                s + "-b", "Product " + s + "-b", "lineage-tests", "sales", ProductStatus.PROPOSED, 1));
    }

    @Test
    void a_diamond_reaches_its_far_corner_once_at_its_shortest_distance() {
        String s = TestProduct.stem("diamond");
        product(s + "-a").provides(s + "-a-v1").publish(catalog);
        product(s + "-b").consumes(s + "-a-v1").provides(s + "-b-v1").publish(catalog);
        product(s + "-c").consumes(s + "-a-v1").provides(s + "-c-v1").publish(catalog);
        product(s + "-d").consumes(s + "-b-v1", s + "-c-v1").publish(catalog);
        // a longer way round as well: a -> e -> f -> d
        product(s + "-e").consumes(s + "-a-v1").provides(s + "-e-v1").publish(catalog);
        product(s + "-f").consumes(s + "-e-v1").provides(s + "-f-v1").publish(catalog);
        product(s + "-d").consumes(s + "-b-v1", s + "-c-v1", s + "-f-v1").publish(catalog);

        LineageGraph graph = asConsumer(() -> lineage.lineage(s + "-a", Direction.DOWNSTREAM, 3));
        assertThat(graph.nodes()).extracting(LineageGraph.Node::id).doesNotHaveDuplicates();
        assertThat(depths(graph))
                .containsEntry(s + "-d", 2)
                .containsEntry(s + "-f", 2)
                .hasSize(6);
        assertThat(graph.edges()).hasSize(7);

        Impact impact = asConsumer(() -> lineage.impact(s + "-a", null));
        Impact.ImpactedProduct d = impact.products().stream()
                .filter(p -> p.id().equals(s + "-d"))
                .findFirst()
                .orElseThrow();
        assertThat(d.depth()).isEqualTo(2);
        assertThat(d.path()).hasSize(3).startsWith(s + "-a").endsWith(s + "-d");
        assertThat(d.path().get(1)).isIn(s + "-b", s + "-c");
    }

    @Test
    void a_wide_fan_out_is_cut_at_the_node_cap_and_says_so() {
        String s = TestProduct.stem("fan");
        product(s + "-hub").provides(s + "-hub-v1").publish(catalog);
        int consumers = 60;
        for (int i = 0; i < consumers; i++) {
            product(s + "-c" + i).consumes(s + "-hub-v1").publish(catalog);
        }

        LineageGraph all = asConsumer(() -> lineage.lineage(s + "-hub", Direction.BOTH, 1));
        assertThat(all.nodes()).hasSize(consumers + 1);
        assertThat(all.edges()).hasSize(consumers);
        assertThat(all.truncated()).isFalse();

        LineageGraph capped = asConsumer(() -> lineage.lineage(s + "-hub", Direction.BOTH, 1, 25));
        assertThat(capped.nodes()).hasSize(25);
        assertThat(capped.nodes().getFirst().id()).isEqualTo(s + "-hub");
        assertThat(capped.truncated()).isTrue();
        assertThat(capped.edges())
                .as("only edges among the nodes returned")
                .hasSize(24)
                .allSatisfy(edge -> assertThat(capped.nodes())
                        .extracting(LineageGraph.Node::id)
                        .contains(edge.to()));

        LineageGraph exact = asConsumer(() -> lineage.lineage(s + "-hub", Direction.DOWNSTREAM, 1, consumers + 1));
        assertThat(exact.truncated()).as("exactly the cap is not truncated").isFalse();

        Impact impact = asConsumer(() -> lineage.impact(s + "-hub", null, 10));
        assertThat(impact.products()).hasSize(10);
        assertThat(impact.truncated()).isTrue();
        assertThat(asConsumer(() -> lineage.impact(s + "-hub", null)).products())
                .hasSize(consumers);
    }

    @Test
    void one_hop_is_the_first_hop_of_a_deeper_walk_for_every_demo_product() {
        // One hop has a statement of its own; it must agree with the recursive walk it short-cuts.
        List<String> ids = asConsumer(() -> catalog.list(PageRequest.of(0, 100)))
                .map(summary -> summary.id())
                .toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(22);
        for (String id : ids) {
            for (Direction direction : Direction.values()) {
                LineageGraph one = asConsumer(() -> lineage.lineage(id, direction, 1));
                LineageGraph two = asConsumer(() -> lineage.lineage(id, direction, 2));
                List<LineageGraph.Node> near = two.nodes().stream()
                        .filter(node -> Math.abs(node.depth()) <= 1)
                        .toList();
                List<String> nearIds = near.stream().map(LineageGraph.Node::id).toList();
                String what = id + " " + direction;
                assertThat(one.nodes()).as(what).containsExactlyElementsOf(near);
                assertThat(one.edges())
                        .as(what)
                        .containsExactlyInAnyOrderElementsOf(two.edges().stream()
                                .filter(edge -> nearIds.contains(edge.from()) && nearIds.contains(edge.to()))
                                .toList());
                assertThat(one.unresolved())
                        .as(what)
                        .containsExactlyInAnyOrderElementsOf(two.unresolved().stream()
                                .filter(input -> nearIds.contains(input.product()))
                                .toList());
            }
        }
    }

    @Test
    void depth_bounds_the_walk_and_must_be_between_1_and_50() {
        String s = TestProduct.stem("deep");
        int length = 6;
        product(s + "-0").provides(s + "-0-v1").publish(catalog);
        for (int i = 1; i < length; i++) {
            product(s + "-" + i)
                    .consumes(s + "-" + (i - 1) + "-v1")
                    .provides(s + "-" + i + "-v1")
                    .publish(catalog);
        }
        for (int depth = 1; depth < length; depth++) {
            int bound = depth;
            LineageGraph graph = asConsumer(() -> lineage.lineage(s + "-0", Direction.DOWNSTREAM, bound));
            assertThat(graph.nodes()).hasSize(depth + 1);
            assertThat(graph.nodes()).extracting(LineageGraph.Node::depth).allMatch(d -> d <= bound);
        }
        assertThat(asConsumer(() -> lineage.impact(s + "-0", null)).products())
                .extracting(Impact.ImpactedProduct::depth)
                .containsExactlyElementsOf(IntStream.range(1, length).boxed().toList());

        assertThatThrownBy(() -> asConsumer(() -> lineage.lineage(s + "-0", Direction.BOTH, 0)))
                .isInstanceOf(InvalidDocumentException.class);
        assertThatThrownBy(() -> asConsumer(() -> lineage.lineage(s + "-0", Direction.BOTH, 51)))
                .isInstanceOf(InvalidDocumentException.class);
    }

    // ------------------------------------------------------------------ cycles are refused

    @Test
    void a_product_that_consumes_what_it_provides_is_refused_and_not_stored() {
        String s = TestProduct.stem("self");
        TestProduct self = product(s).consumes(s + "-v1").provides(s + "-v1");

        assertThatThrownBy(() -> self.publish(catalog)).isInstanceOfSatisfying(InvalidDocumentException.class, e -> {
            assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/inputPorts/0/contractId");
            assertThat(e.violations().getFirst().message()).contains(s + " → " + s);
        });
        assertThat(asConsumer(() -> catalog.find(s))).isEmpty();
    }

    @Test
    void a_cycle_through_three_products_is_refused_naming_the_path_and_nothing_changes() {
        String s = TestProduct.stem("cycle");
        product(s + "-a").provides(s + "-a-v1").publish(catalog);
        product(s + "-b").consumes(s + "-a-v1").provides(s + "-b-v1").publish(catalog);
        product(s + "-c").consumes(s + "-b-v1").provides(s + "-c-v1").publish(catalog);
        long revision = asConsumer(() -> catalog.exportProduct(s + "-a", DocumentFormat.YAML))
                .orElseThrow()
                .revision();
        LineageGraph before = asConsumer(() -> lineage.lineage(s + "-a", Direction.BOTH, 5));

        TestProduct closing =
                product(s + "-a").named("Changed").consumes(s + "-c-v1").provides(s + "-a-v1");
        assertThatThrownBy(() -> closing.publish(catalog)).isInstanceOfSatisfying(InvalidDocumentException.class, e -> {
            assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/inputPorts/0/contractId");
            assertThat(e.violations().getFirst().message())
                    .contains(s + "-a → " + s + "-b → " + s + "-c → " + s + "-a");
        });

        assertThat(asConsumer(() -> catalog.exportProduct(s + "-a", DocumentFormat.YAML))
                        .orElseThrow()
                        .revision())
                .isEqualTo(revision);
        assertThat(asConsumer(() -> catalog.find(s + "-a")).orElseThrow().name())
                .isEqualTo("Product " + s + "-a");
        assertThat(asConsumer(() -> lineage.lineage(s + "-a", Direction.BOTH, 5)))
                .isEqualTo(before);
        assertThat(asConsumer(() -> lineage.lineage(s + "-a", Direction.UPSTREAM, 5))
                        .unresolved())
                .isEmpty();
    }

    @Test
    void a_cycle_closed_by_a_new_output_port_points_at_that_port() {
        String s = TestProduct.stem("cycle-out");
        product(s + "-a").consumes(s + "-c-v2").provides(s + "-a-v1").publish(catalog);
        product(s + "-b").consumes(s + "-a-v1").provides(s + "-b-v1").publish(catalog);
        product(s + "-c").consumes(s + "-b-v1").provides(s + "-c-v1").publish(catalog);

        TestProduct closing =
                product(s + "-c").consumes(s + "-b-v1").provides(s + "-c-v1").provides(s + "-c-v2");
        assertThatThrownBy(() -> closing.publish(catalog)).isInstanceOfSatisfying(InvalidDocumentException.class, e -> {
            assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/outputPorts/1/contractId");
            assertThat(e.violations().getFirst().message())
                    .contains(s + "-c → " + s + "-a → " + s + "-b → " + s + "-c");
        });
        assertThat(asConsumer(() -> lineage.lineage(s + "-a", Direction.UPSTREAM, 1))
                        .unresolved())
                .containsExactly(new LineageGraph.UnresolvedInput(s + "-a", s + "-c-v2"));
    }

    @Test
    void a_cycle_through_input_contracts_of_an_output_port_is_refused_too() {
        String s = TestProduct.stem("cycle-ic");
        product(s + "-a").provides(s + "-a-v1").publish(catalog);
        product(s + "-b").consumes(s + "-a-v1").provides(s + "-b-v1").publish(catalog);

        TestProduct closing = product(s + "-a").provides(s + "-a-v1", List.of(s + "-b-v1"));
        assertThatThrownBy(() -> closing.publish(catalog))
                .isInstanceOfSatisfying(InvalidDocumentException.class, e -> assertThat(e.violations())
                        .extracting(Violation::pointer)
                        .containsExactly("/outputPorts/0/inputContracts/0/id"));
    }

    // ------------------------------------------------------------------ edges follow every write

    @Test
    void an_unresolved_input_resolves_when_its_provider_is_published_and_again_when_it_goes() {
        String s = TestProduct.stem("unresolved");
        product(s + "-consumer").consumes(s + "-later-v1").publish(catalog);
        LineageGraph waiting = asConsumer(() -> lineage.lineage(s + "-consumer", Direction.BOTH, 1));
        assertThat(waiting.unresolved())
                .containsExactly(new LineageGraph.UnresolvedInput(s + "-consumer", s + "-later-v1"));
        assertThat(waiting.nodes()).hasSize(1);

        product(s + "-provider").provides(s + "-later-v1").publish(catalog);
        LineageGraph resolved = asConsumer(() -> lineage.lineage(s + "-consumer", Direction.BOTH, 1));
        assertThat(resolved.unresolved()).isEmpty();
        assertThat(resolved.edges())
                .containsExactly(new LineageGraph.Edge(s + "-provider", s + "-consumer", s + "-later-v1"));

        product(s + "-provider").provides(s + "-other-v1").publish(catalog);
        LineageGraph unresolvedAgain = asConsumer(() -> lineage.lineage(s + "-consumer", Direction.BOTH, 1));
        assertThat(unresolvedAgain.edges()).isEmpty();
        assertThat(unresolvedAgain.unresolved()).hasSize(1);
    }

    @Test
    void edges_follow_port_changes_status_changes_and_deletes() {
        String s = TestProduct.stem("follow");
        product(s + "-a").provides(s + "-a-v1").publish(catalog);
        product(s + "-x").provides(s + "-x-v1").publish(catalog);
        product(s + "-b").consumes(s + "-a-v1").provides(s + "-b-v1").publish(catalog);
        assertThat(upstreamOf(s + "-b")).containsExactly(s + "-a");

        // port change: b now reads x instead of a (through an output port's inputContracts)
        product(s + "-b").provides(s + "-b-v1", List.of(s + "-x-v1")).publish(catalog);
        assertThat(upstreamOf(s + "-b")).containsExactly(s + "-x");
        assertThat(downstreamOf(s + "-a")).isEmpty();

        // status change: retired products keep their lineage (it is history), with their status
        product(s + "-b")
                .status("retired")
                .provides(s + "-b-v1", List.of(s + "-x-v1"))
                .publish(catalog);
        LineageGraph fromX = asConsumer(() -> lineage.lineage(s + "-x", Direction.DOWNSTREAM, 1));
        assertThat(fromX.nodes())
                .filteredOn(node -> node.id().equals(s + "-b"))
                .extracting(LineageGraph.Node::status)
                .containsExactly(ProductStatus.RETIRED);

        // delete: a draft consumer goes, and with it its edge
        product(s + "-d").consumes(s + "-x-v1").publish(catalog);
        assertThat(downstreamOf(s + "-x")).containsExactlyInAnyOrder(s + "-b", s + "-d");
        asGovernance(() -> {
            catalog.deleteProduct(s + "-d", null);
            return null;
        });
        assertThat(downstreamOf(s + "-x")).containsExactly(s + "-b");
        assertThatThrownBy(() -> asConsumer(() -> lineage.lineage(s + "-d", Direction.BOTH, 1)))
                .isInstanceOf(NotInCatalogException.class);
    }

    // ------------------------------------------------------------------ impact

    @Test
    void impact_of_one_output_port_follows_only_its_consumers() {
        String s = TestProduct.stem("port");
        product(s + "-a").provides(s + "-a-v1").provides(s + "-a2-v1").publish(catalog);
        product(s + "-b").consumes(s + "-a-v1").provides(s + "-b-v1").publish(catalog);
        product(s + "-c").consumes(s + "-a2-v1").publish(catalog);
        product(s + "-d").consumes(s + "-b-v1").publish(catalog);

        Impact whole = asConsumer(() -> lineage.impact(s + "-a", null));
        assertThat(whole.products())
                .extracting(Impact.ImpactedProduct::id)
                .containsExactlyInAnyOrder(s + "-b", s + "-c", s + "-d");

        Impact first = asConsumer(() -> lineage.impact(s + "-a", "out0"));
        assertThat(first.products())
                .extracting(Impact.ImpactedProduct::id, Impact.ImpactedProduct::depth, Impact.ImpactedProduct::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(s + "-b", 1, List.of(s + "-a", s + "-b")),
                        org.assertj.core.groups.Tuple.tuple(s + "-d", 2, List.of(s + "-a", s + "-b", s + "-d")));
        assertThat(first.products().getFirst().team()).isEqualTo("sales");

        assertThat(asConsumer(() -> lineage.impact(s + "-a", "out1@1.0.0")).products())
                .extracting(Impact.ImpactedProduct::id)
                .containsExactly(s + "-c");
        assertThatThrownBy(() -> asConsumer(() -> lineage.impact(s + "-a", "nope")))
                .isInstanceOf(NotInCatalogException.class)
                .hasMessageContaining("out0@1.0.0");
    }

    @Test
    void an_unknown_product_has_no_lineage_and_reading_needs_a_signed_in_caller() {
        assertThatThrownBy(() -> asConsumer(() -> lineage.lineage(TestProduct.stem("nobody"), Direction.BOTH, 1)))
                .isInstanceOf(NotInCatalogException.class);
        assertThatThrownBy(() -> asConsumer(() -> lineage.impact(TestProduct.stem("nobody"), null)))
                .isInstanceOf(NotInCatalogException.class);
        assertThatThrownBy(() -> lineage.lineage("sales-orders", Direction.BOTH, 1))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private List<String> upstreamOf(String id) {
        return neighbours(id, Direction.UPSTREAM);
    }

    private List<String> downstreamOf(String id) {
        return neighbours(id, Direction.DOWNSTREAM);
    }

    private List<String> neighbours(String id, Direction direction) {
        return asConsumer(() -> lineage.lineage(id, direction, 1)).nodes().stream()
                .map(LineageGraph.Node::id)
                .filter(node -> !node.equals(id))
                .toList();
    }

    static Map<String, Integer> depths(LineageGraph graph) {
        return graph.nodes().stream().collect(Collectors.toMap(LineageGraph.Node::id, LineageGraph.Node::depth));
    }
}

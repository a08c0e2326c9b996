package io.meshport.lineage;

import static io.meshport.lineage.TestProduct.asConsumer;
import static io.meshport.lineage.TestProduct.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.meshport.access.AccessService;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DownstreamImpact;
import io.meshport.lineage.LineageGraph.Edge;
import io.meshport.lineage.LineageGraph.EdgeKind;
import io.meshport.lineage.LineageGraph.Node;
import io.meshport.lineage.LineageGraph.NodeKind;
import io.meshport.testing.MeshportTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Approved data usage agreements are consumers of a port, as declared inputs are: in the lineage
 * graph (to the consumer's product, or to a node for the consumer team) and in impact analysis.
 */
@MeshportTest
class LineageAgreementsTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    LineageService lineage;

    @Autowired
    DownstreamImpact downstreamImpact;

    @Autowired
    AccessService access;

    @Test
    void an_agreement_naming_a_consumer_product_is_an_agreement_edge_to_it_both_ways_and_as_deep_as_declared_ones() {
        String s = TestProduct.stem("agreed");
        TestAgreement.contract(catalog, s + "-p-v1", "1.0.0");
        product(s + "-p").status("active").provides(s + "-p-v1").publish(catalog);
        product(s + "-m").team("marketing").provides(s + "-m-v1").publish(catalog);
        product(s + "-n").team("marketing").consumes(s + "-m-v1").publish(catalog);
        UUID agreement = TestAgreement.approved(access, s + "-p", "out0", s + "-m");

        LineageGraph down = asConsumer(() -> lineage.lineage(s + "-p", Direction.DOWNSTREAM, 1));
        assertThat(depths(down)).isEqualTo(Map.of(s + "-p", 0, s + "-m", 1));
        assertThat(down.nodes()).extracting(Node::kind).containsOnly(NodeKind.PRODUCT);
        assertThat(down.edges()).singleElement().satisfies(edge -> {
            assertThat(edge.from()).isEqualTo(s + "-p");
            assertThat(edge.to()).isEqualTo(s + "-m");
            assertThat(edge.kind()).isEqualTo(EdgeKind.AGREEMENT);
            assertThat(edge.agreementId()).isEqualTo(agreement.toString());
            assertThat(edge.contractId()).isEqualTo(s + "-p-v1");
            assertThat(edge.outputPort()).isEqualTo("out0");
            assertThat(edge.contractVersion()).isEqualTo("1.0.0");
            assertThat(edge.provisioning()).isEqualTo("pending");
        });

        // The consumer product's own consumers are reached as a declared edge's would be.
        LineageGraph twoHops = asConsumer(() -> lineage.lineage(s + "-p", Direction.DOWNSTREAM, 2));
        assertThat(depths(twoHops)).isEqualTo(Map.of(s + "-p", 0, s + "-m", 1, s + "-n", 2));
        assertThat(twoHops.edges())
                .extracting(Edge::from, Edge::to, Edge::kind)
                .containsExactlyInAnyOrder(
                        tuple(s + "-m", s + "-n", EdgeKind.DECLARED), tuple(s + "-p", s + "-m", EdgeKind.AGREEMENT));

        // Upstream of the consumer product, the agreement leads to the provider.
        LineageGraph up = asConsumer(() -> lineage.lineage(s + "-n", Direction.UPSTREAM, 2));
        assertThat(depths(up)).isEqualTo(Map.of(s + "-n", 0, s + "-m", -1, s + "-p", -2));
        LineageGraph around = asConsumer(() -> lineage.lineage(s + "-m", Direction.BOTH, 1));
        assertThat(depths(around)).isEqualTo(Map.of(s + "-p", -1, s + "-m", 0, s + "-n", 1));

        // Without agreements, the documents' lineage alone.
        LineageGraph declaredOnly =
                asConsumer(() -> lineage.lineage(s + "-p", Direction.DOWNSTREAM, 2, LineageService.MAX_NODES, false));
        assertThat(depths(declaredOnly)).isEqualTo(Map.of(s + "-p", 0));
    }

    @Test
    void an_agreement_without_a_consumer_product_ends_at_a_team_node_which_is_a_leaf() {
        String s = TestProduct.stem("teamed");
        TestAgreement.contract(catalog, s + "-p-v1", "1.0.0");
        product(s + "-p").status("active").provides(s + "-p-v1").publish(catalog);
        product(s + "-q").consumes(s + "-p-v1").provides(s + "-q-v1").publish(catalog);
        product(s + "-r").consumes(s + "-q-v1").publish(catalog);
        UUID agreement = TestAgreement.approved(access, s + "-p", "out0", null);

        LineageGraph graph = asConsumer(() -> lineage.lineage(s + "-p", Direction.BOTH, 3));
        assertThat(depths(graph)).isEqualTo(Map.of(s + "-p", 0, s + "-q", 1, "team:marketing", 1, s + "-r", 2));
        Node team = graph.nodes().stream().filter(Node::isTeam).findFirst().orElseThrow();
        assertThat(team).isEqualTo(new Node("team:marketing", NodeKind.TEAM, "marketing", null, "marketing", null, 1));
        // Products first at equal distance.
        assertThat(graph.nodes()).extracting(Node::id).containsSubsequence(s + "-q", "team:marketing");
        assertThat(graph.edges())
                .filteredOn(Edge::isAgreement)
                .singleElement()
                .extracting(Edge::from, Edge::to, Edge::agreementId)
                .containsExactly(s + "-p", "team:marketing", agreement.toString());

        // Upstream of a declared consumer there is no team, and a team is no one's input.
        LineageGraph upOfQ = asConsumer(() -> lineage.lineage(s + "-q", Direction.UPSTREAM, 1));
        assertThat(depths(upOfQ)).isEqualTo(Map.of(s + "-q", 0, s + "-p", -1));
        LineageGraph downOfQ = asConsumer(() -> lineage.lineage(s + "-q", Direction.DOWNSTREAM, 2));
        assertThat(depths(downOfQ)).doesNotContainKey("team:marketing");
    }

    @Test
    void a_request_not_yet_approved_is_no_consumer() {
        String s = TestProduct.stem("asked");
        TestAgreement.contract(catalog, s + "-p-v1", "1.0.0");
        product(s + "-p").status("active").provides(s + "-p-v1").publish(catalog);
        product(s + "-m").team("marketing").publish(catalog);
        TestAgreement.requested(access, s + "-p", "out0", s + "-m");

        LineageGraph graph = asConsumer(() -> lineage.lineage(s + "-p", Direction.BOTH, 1));
        assertThat(depths(graph)).isEqualTo(Map.of(s + "-p", 0));
        assertThat(asConsumer(() -> lineage.impact(s + "-p", null)).lines()).isEmpty();
    }

    @Test
    void impact_lists_agreement_consumers_and_what_derives_from_them_saying_they_come_from_an_agreement() {
        String s = TestProduct.stem("hurt");
        TestAgreement.contract(catalog, s + "-p-v1", "1.0.0");
        TestAgreement.contract(catalog, s + "-p-v2", "2.1.0");
        product(s + "-p")
                .status("active")
                .provides(s + "-p-v1")
                .provides(s + "-p-v2")
                .publish(catalog);
        product(s + "-q").consumes(s + "-p-v1").publish(catalog);
        product(s + "-m").team("marketing").provides(s + "-m-v1").publish(catalog);
        product(s + "-n").team("marketing").consumes(s + "-m-v1").publish(catalog);
        UUID toProduct = TestAgreement.approved(access, s + "-p", "out0", s + "-m");
        UUID toTeam = TestAgreement.approved(access, s + "-p", "out1", null);

        Impact impact = asConsumer(() -> lineage.impact(s + "-p", null));
        assertThat(impact.products())
                .extracting(
                        Impact.ImpactedProduct::id,
                        Impact.ImpactedProduct::depth,
                        Impact.ImpactedProduct::via,
                        Impact.ImpactedProduct::agreementId)
                .containsExactly(
                        tuple(s + "-m", 1, EdgeKind.AGREEMENT, toProduct.toString()),
                        tuple(s + "-q", 1, EdgeKind.DECLARED, null),
                        tuple(s + "-n", 2, EdgeKind.DECLARED, null));
        assertThat(impact.products().getLast().path()).containsExactly(s + "-p", s + "-m", s + "-n");
        assertThat(impact.agreements())
                .extracting(
                        Impact.AgreementConsumer::agreementId,
                        Impact.AgreementConsumer::port,
                        Impact.AgreementConsumer::consumerTeam,
                        Impact.AgreementConsumer::consumerProduct,
                        Impact.AgreementConsumer::provisioning,
                        Impact.AgreementConsumer::path)
                .containsExactlyInAnyOrder(
                        tuple(
                                toProduct.toString(),
                                "out0@1.0.0",
                                "marketing",
                                s + "-m",
                                "pending",
                                java.util.List.of(s + "-p", s + "-m")),
                        tuple(
                                toTeam.toString(),
                                "out1@1.0.0",
                                "marketing",
                                null,
                                "pending",
                                java.util.List.of(s + "-p", "team:marketing")));
        assertThat(impact.lines())
                .extracting(Impact.Line::id, Impact.Line::kind, Impact.Line::viaText)
                .containsExactly(
                        tuple(s + "-m", NodeKind.PRODUCT, "agreement"),
                        tuple(s + "-q", NodeKind.PRODUCT, "declared input"),
                        tuple("team:marketing", NodeKind.TEAM, "agreement"),
                        tuple(s + "-n", NodeKind.PRODUCT, "declared input"));
        assertThat(impact.csv())
                .startsWith("id,name,domain,team,status,depth,path,via,agreement,port,contractVersion,provisioning\r\n")
                .contains("\r\nteam:marketing,marketing,,marketing,,1," + s + "-p > team:marketing,agreement," + toTeam
                        + ",out1@1.0.0,2.1.0,pending\r\n")
                .contains("\r\n" + s + "-q,Product " + s + "-q,lineage-tests,sales,draft,1," + s + "-p > " + s
                        + "-q,declared input,,,,\r\n");

        // One port: only its consumers, declared or agreed.
        Impact first = asConsumer(() -> lineage.impact(s + "-p", "out0"));
        assertThat(first.lines()).extracting(Impact.Line::id).containsExactly(s + "-m", s + "-q", s + "-n");
        Impact second = asConsumer(() -> lineage.impact(s + "-p", "out1@1.0.0"));
        assertThat(second.lines()).extracting(Impact.Line::id).containsExactly("team:marketing");

        // Without agreements: the declared consumer only.
        Impact declared = asConsumer(() -> lineage.impact(s + "-p", null, LineageService.MAX_IMPACTED, false));
        assertThat(declared.lines()).extracting(Impact.Line::id).containsExactly(s + "-q");
    }

    @Test
    void the_catalogs_downstream_impact_report_names_agreement_consumers_before_a_change() {
        String s = TestProduct.stem("report");
        TestAgreement.contract(catalog, s + "-p-v1", "1.0.0");
        TestAgreement.contract(catalog, s + "-p-v2", "2.1.0");
        product(s + "-p")
                .status("active")
                .provides(s + "-p-v1")
                .provides(s + "-p-v2")
                .publish(catalog);
        product(s + "-m").team("marketing").publish(catalog);
        UUID toProduct = TestAgreement.approved(access, s + "-p", "out0", s + "-m");
        UUID toTeam = TestAgreement.approved(access, s + "-p", "out1", null);

        DownstreamImpact.Report all = asConsumer(() -> downstreamImpact.of(s + "-p", Set.of()));
        assertThat(all.isEmpty()).isFalse();
        assertThat(all.products())
                .extracting(
                        DownstreamImpact.Affected::id,
                        DownstreamImpact.Affected::isProduct,
                        DownstreamImpact.Affected::agreementId,
                        DownstreamImpact.Affected::outputPort)
                .containsExactly(
                        tuple(s + "-m", true, toProduct.toString(), "out0@1.0.0"),
                        tuple("team:marketing", false, toTeam.toString(), "out1@1.0.0"));
        assertThat(all.csv()).contains("team:marketing,marketing,,marketing,,1,");

        // Changing what one port offers hurts only that port's consumers.
        DownstreamImpact.Report second = asConsumer(() -> downstreamImpact.of(s + "-p", Set.of(s + "-p-v2")));
        assertThat(second.products())
                .extracting(DownstreamImpact.Affected::id, DownstreamImpact.Affected::fromAgreement)
                .containsExactly(tuple("team:marketing", true));
    }

    private static Map<String, Integer> depths(LineageGraph graph) {
        return graph.nodes().stream().collect(Collectors.toMap(Node::id, Node::depth));
    }
}

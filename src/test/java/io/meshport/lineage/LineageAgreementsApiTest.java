package io.meshport.lineage;

import static io.meshport.lineage.TestProduct.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.access.AccessService;
import io.meshport.catalog.CatalogService;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/data-products/{id}/lineage} and {@code .../impact} with approved agreements:
 * agreement edges and team nodes beside the declared ones, whose fields stay as they were.
 */
@MeshportTest
class LineageAgreementsApiTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    AccessService access;

    String s;
    UUID toProduct;
    UUID toTeam;

    /** p -> q declared; marketing reads p's out0 for its product m, and out1 as a team. */
    @BeforeEach
    void agreementsAreApproved() {
        s = TestProduct.stem("apiagreed");
        TestAgreement.contract(catalog, s + "-p-v1", "1.0.0");
        TestAgreement.contract(catalog, s + "-p-v2", "2.1.0");
        product(s + "-p")
                .status("active")
                .provides(s + "-p-v1")
                .provides(s + "-p-v2")
                .publish(catalog);
        product(s + "-q").consumes(s + "-p-v1").publish(catalog);
        product(s + "-m").team("marketing").publish(catalog);
        toProduct = TestAgreement.approved(access, s + "-p", "out0", s + "-m");
        toTeam = TestAgreement.approved(access, s + "-p", "out1", null);
    }

    @Test
    void lineage_has_agreement_edges_and_team_nodes_and_declared_ones_keep_their_fields() {
        Api.Response response = Api.as("dave").get(lineage(s + "-p"), "application/json");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();

        JsonNode product = node(body, s + "-q");
        assertThat(product.path("kind").asString()).isEqualTo("product");
        assertThat(names(product)).contains("id", "name", "domain", "team", "status", "depth");
        JsonNode team = node(body, "team:marketing");
        assertThat(team.path("kind").asString()).isEqualTo("team");
        assertThat(team.path("team").asString()).isEqualTo("marketing");
        assertThat(team.path("name").asString()).isEqualTo("marketing");
        assertThat(team.path("depth").asInt()).isEqualTo(1);
        assertThat(team.has("status")).isFalse();

        JsonNode declared = edge(body, s + "-p", s + "-q");
        assertThat(declared.path("kind").asString()).isEqualTo("declared");
        assertThat(declared.path("contractId").asString()).isEqualTo(s + "-p-v1");
        // Every edge says its provenance (SPEC.md); a declared one that no run showed has no lastObservedAt.
        assertThat(names(declared)).containsExactlyInAnyOrder("from", "to", "contractId", "kind", "provenance");
        assertThat(declared.path("provenance").asString()).isEqualTo("declared");

        JsonNode agreed = edge(body, s + "-p", s + "-m");
        assertThat(agreed.path("kind").asString()).isEqualTo("agreement");
        assertThat(agreed.path("agreementId").asString()).isEqualTo(toProduct.toString());
        assertThat(agreed.path("contractId").asString()).isEqualTo(s + "-p-v1");
        assertThat(agreed.path("outputPort").asString()).isEqualTo("out0");
        assertThat(agreed.path("provisioning").asString()).isEqualTo("pending");
        assertThat(edge(body, s + "-p", "team:marketing").path("agreementId").asString())
                .isEqualTo(toTeam.toString());
    }

    @Test
    void agreements_false_answers_the_declared_lineage_alone_and_a_bad_value_is_a_400() {
        JsonNode body = Api.as("dave")
                .get(lineage(s + "-p") + "?agreements=false", "application/json")
                .json();
        List<String> ids = new ArrayList<>();
        body.path("nodes").forEach(node -> ids.add(node.path("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder(s + "-p", s + "-q");
        body.path("edges")
                .forEach(edge -> assertThat(edge.path("kind").asString()).isEqualTo("declared"));

        for (String bad : List.of("maybe", "ja", "x".repeat(5000), "trüe")) {
            Api.Response refused = Api.as("dave")
                    .get(
                            lineage(s + "-p") + "?agreements="
                                    + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8),
                            "application/json");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.pointers()).containsExactly("/agreements");
            assertThat(refused.json().path("detail").asString()).contains("true or false");
            assertThat(refused.json().path("detail").asString().length()).isLessThan(200);
        }
        assertThat(Api.as("dave")
                        .get(impact(s + "-p") + "?agreements=nope", "application/json")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void impact_says_which_consumers_come_from_an_agreement_in_json_and_csv() {
        JsonNode body = Api.as("dave").get(impact(s + "-p"), "application/json").json();
        JsonNode m = find(body.path("products"), "id", s + "-m");
        assertThat(m.path("via").asString()).isEqualTo("agreement");
        assertThat(m.path("agreementId").asString()).isEqualTo(toProduct.toString());
        JsonNode q = find(body.path("products"), "id", s + "-q");
        assertThat(q.path("via").asString()).isEqualTo("declared");
        assertThat(q.has("agreementId")).isFalse();
        JsonNode teamAgreement = find(body.path("agreements"), "agreementId", toTeam.toString());
        assertThat(teamAgreement.path("consumerTeam").asString()).isEqualTo("marketing");
        assertThat(teamAgreement.path("consumerProduct").isNull()).isTrue();
        assertThat(teamAgreement.path("outputPort").asString()).isEqualTo("out1");
        assertThat(teamAgreement.path("depth").asInt()).isEqualTo(1);

        String csv = Api.as("dave").get(impact(s + "-p"), "text/csv").body();
        assertThat(csv)
                .startsWith("id,name,domain,team,status,depth,path,via,agreement,port,contractVersion,provisioning\r\n")
                .contains(
                        "\r\nteam:marketing,marketing,,marketing,,1," + s + "-p > team:marketing,agreement," + toTeam);
        assertThat(Api.as("dave")
                        .get(impact(s + "-p") + "?agreements=false&format=csv", "*/*")
                        .body())
                .doesNotContain("team:marketing")
                .doesNotContain(s + "-m,");
    }

    private static String lineage(String id) {
        return "/api/v1/data-products/" + id + "/lineage";
    }

    private static String impact(String id) {
        return "/api/v1/data-products/" + id + "/impact";
    }

    private static JsonNode node(JsonNode graph, String id) {
        return find(graph.path("nodes"), "id", id);
    }

    private static JsonNode edge(JsonNode graph, String from, String to) {
        for (JsonNode edge : graph.path("edges")) {
            if (edge.path("from").asString().equals(from)
                    && edge.path("to").asString().equals(to)) {
                return edge;
            }
        }
        throw new AssertionError("no edge " + from + " -> " + to + " in " + graph);
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.path(field).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + list);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}

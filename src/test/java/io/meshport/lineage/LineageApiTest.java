package io.meshport.lineage;

import static io.meshport.lineage.TestProduct.product;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/data-products/{id}/lineage} and {@code .../impact}, as SPEC.md has them. */
@MeshportTest
class LineageApiTest {

    @Autowired
    CatalogService catalog;

    String s;

    /** a -> b -> c -> d, and e -> b */
    @BeforeEach
    void aChainIsPublished() {
        s = TestProduct.stem("api");
        product(s + "-a").named("Alpha, \"the\" source").provides(s + "-a-v1").publish(catalog);
        product(s + "-e").provides(s + "-e-v1").publish(catalog);
        product(s + "-b")
                .consumes(s + "-a-v1", s + "-e-v1")
                .provides(s + "-b-v1")
                .publish(catalog);
        product(s + "-c").consumes(s + "-b-v1").provides(s + "-c-v1").publish(catalog);
        product(s + "-d").consumes(s + "-c-v1", s + "-nowhere-v1").publish(catalog);
    }

    @Test
    void lineage_answers_in_the_shape_of_the_spec_one_hop_both_ways_by_default() {
        Api.Response response = Api.as("dave").get(lineage(s + "-b"), "application/json");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("root").asString()).isEqualTo(s + "-b");
        assertThat(body.path("truncated").isBoolean()).isTrue();
        assertThat(body.path("truncated").asBoolean()).isFalse();
        assertThat(ids(body.path("nodes"))).containsExactlyInAnyOrder(s + "-a", s + "-e", s + "-b", s + "-c");
        JsonNode a = node(body, s + "-a");
        assertThat(a.path("name").asString()).isEqualTo("Alpha, \"the\" source");
        assertThat(a.path("domain").asString()).isEqualTo("lineage-tests");
        assertThat(a.path("team").asString()).isEqualTo("sales");
        assertThat(a.path("status").asString()).isEqualTo("draft");
        assertThat(a.path("depth").asInt()).isEqualTo(-1);
        assertThat(propertyNames(a)).containsAll(Set.of("id", "name", "domain", "team", "status"));
        List<String> edges = new ArrayList<>();
        body.path("edges")
                .forEach(edge -> edges.add(
                        edge.path("from").asString() + ">" + edge.path("to").asString() + ":"
                                + edge.path("contractId").asString()));
        assertThat(edges)
                .containsExactlyInAnyOrder(
                        s + "-a>" + s + "-b:" + s + "-a-v1",
                        s + "-e>" + s + "-b:" + s + "-e-v1",
                        s + "-b>" + s + "-c:" + s + "-b-v1");
    }

    @Test
    void direction_and_depth_choose_the_walk() {
        JsonNode down = Api.as("dave")
                .get(lineage(s + "-a") + "?direction=downstream&depth=3", "application/json")
                .json();
        assertThat(ids(down.path("nodes"))).containsExactlyInAnyOrder(s + "-a", s + "-b", s + "-c", s + "-d");
        assertThat(node(down, s + "-d").path("depth").asInt()).isEqualTo(3);
        assertThat(down.path("unresolved").get(0).path("contractId").asString()).isEqualTo(s + "-nowhere-v1");

        JsonNode up = Api.as("dave")
                .get(lineage(s + "-d") + "?direction=UPSTREAM&depth=2", "application/json")
                .json();
        assertThat(ids(up.path("nodes"))).containsExactlyInAnyOrder(s + "-d", s + "-c", s + "-b");
    }

    @Test
    void bad_parameters_are_400_problems_that_say_what_is_allowed() {
        assertProblem(lineage(s + "-b") + "?direction=sideways", "/direction", "upstream, downstream or both");
        assertProblem(lineage(s + "-b") + "?depth=0", "/depth", "between 1 and 50");
        assertProblem(lineage(s + "-b") + "?depth=51", "/depth", "between 1 and 50");
        assertProblem(lineage(s + "-b") + "?depth=two", "/depth", "whole number");
        assertProblem(impact(s + "-a") + "?limit=0", "/limit", "between 1 and 10000");
        assertProblem(impact(s + "-a") + "?format=xml", "/format", "json or csv");
    }

    @Test
    void unknown_products_and_ports_are_404_and_strangers_401() {
        Api.Response missing = Api.as("dave").get(lineage(s + "-nobody"), "application/json");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Api.as("dave").get(impact(s + "-nobody"), "text/csv").status())
                .isEqualTo(404);
        assertThat(Api.as("dave")
                        .get(impact(s + "-a") + "?port=nope", "application/json")
                        .status())
                .isEqualTo(404);
        assertThat(Api.anonymous().get(lineage(s + "-a"), "application/json").status())
                .isEqualTo(401);
    }

    @Test
    void impact_lists_everything_downstream_with_depth_team_status_and_path() {
        Api.Response response = Api.as("dave").get(impact(s + "-a"), "application/json");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("root").asString()).isEqualTo(s + "-a");
        assertThat(body.path("truncated").asBoolean()).isFalse();
        assertThat(ids(body.path("products"))).containsExactly(s + "-b", s + "-c", s + "-d");
        JsonNode d = body.path("products").get(2);
        assertThat(d.path("depth").asInt()).isEqualTo(3);
        assertThat(d.path("team").asString()).isEqualTo("sales");
        assertThat(d.path("status").asString()).isEqualTo("draft");
        List<String> path = new ArrayList<>();
        d.path("path").forEach(id -> path.add(id.asString()));
        assertThat(path).containsExactly(s + "-a", s + "-b", s + "-c", s + "-d");

        JsonNode portOnly = Api.as("dave")
                .get(impact(s + "-e") + "?port=out0@1.0.0&limit=1", "application/json")
                .json();
        assertThat(ids(portOnly.path("products"))).containsExactly(s + "-b");
        assertThat(portOnly.path("truncated").asBoolean()).isTrue();
    }

    @Test
    void impact_as_csv_by_accept_header_or_format_parameter() {
        Api.Response accepted = Api.as("dave").get(impact(s + "-e"), "text/csv");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.header("Content-Type")).startsWith("text/csv");
        assertThat(accepted.header("Content-Disposition"))
                .contains("attachment")
                .contains(".csv");
        assertThat(accepted.body())
                .isEqualTo("id,name,domain,team,status,depth,path,via,agreement,port,contractVersion,provisioning\r\n"
                        + row(s + "-b", 1, s + "-e > " + s + "-b")
                        + row(s + "-c", 2, s + "-e > " + s + "-b > " + s + "-c")
                        + row(s + "-d", 3, s + "-e > " + s + "-b > " + s + "-c > " + s + "-d"));

        Api.Response byFormat = Api.as("dave").get(impact(s + "-e") + "?format=csv", "*/*");
        assertThat(byFormat.header("Content-Type")).startsWith("text/csv");
        assertThat(byFormat.body()).isEqualTo(accepted.body());
    }

    @Test
    void impact_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_defused() {
        product(s + "-x").named("+1+1").provides(s + "-d-v1").publish(catalog);
        product(s + "-f")
                .named("=HYPERLINK(\"http://evil.example\",\"click\")")
                .consumes(s + "-d-v1")
                .publish(catalog);
        product(s + "-y").named("@SUM(A1:A2)").consumes(s + "-d-v1").publish(catalog);
        product(s + "-z").named("-2+3").consumes(s + "-d-v1").publish(catalog);
        String csv = Api.as("dave").get(impact(s + "-x"), "text/csv").body();
        assertThat(csv)
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",")
                .contains(",'@SUM(A1:A2),")
                .contains(",'-2+3,");
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(",")) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
                assertThat(cell).doesNotStartWith("-");
            }
        }
    }

    @Test
    void a_cycle_is_refused_through_the_api_with_the_path_and_a_pointer() {
        String closing =
                product(s + "-a").consumes(s + "-d-v1").provides(s + "-a-v1").yaml();
        product(s + "-d").consumes(s + "-c-v1").provides(s + "-d-v1").publish(catalog);
        String before = Api.as("carol")
                .get("/api/v1/data-products/" + s + "-a", "application/yaml")
                .body();

        Api.Response refused = Api.as("carol").put("/api/v1/data-products/" + s + "-a", closing, "application/yaml");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.pointers()).containsExactly("/inputPorts/0/contractId");
        assertThat(refused.json().path("detail").asString())
                .contains(String.join(" → ", s + "-a", s + "-b", s + "-c", s + "-d", s + "-a"));
        assertThat(Api.as("carol")
                        .get("/api/v1/data-products/" + s + "-a", "application/yaml")
                        .body())
                .isEqualTo(before);
    }

    @Test
    void the_openapi_document_describes_lineage_and_impact() {
        JsonNode paths =
                Api.as("dave").get("/v3/api-docs", "application/json").json().path("paths");
        assertThat(paths.path("/api/v1/data-products/{id}/lineage").has("get")).isTrue();
        assertThat(paths.path("/api/v1/data-products/{id}/impact").has("get")).isTrue();
    }

    private String row(String id, int depth, String path) {
        return id + ",Product " + id + ",lineage-tests,sales,draft," + depth + "," + path + ",declared input,,,,\r\n";
    }

    private static void assertProblem(String path, String pointer, String says) {
        Api.Response response = Api.as("dave").get(path, "application/json");
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.pointers()).containsExactly(pointer);
        assertThat(response.json().path("detail").asString()).contains(says);
    }

    private static String lineage(String id) {
        return "/api/v1/data-products/" + id + "/lineage";
    }

    private static String impact(String id) {
        return "/api/v1/data-products/" + id + "/impact";
    }

    private static JsonNode node(JsonNode graph, String id) {
        for (JsonNode node : graph.path("nodes")) {
            if (node.path("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id + " in " + graph);
    }

    private static List<String> ids(JsonNode nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(node -> ids.add(node.path("id").asString()));
        return ids;
    }

    private static List<String> propertyNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}

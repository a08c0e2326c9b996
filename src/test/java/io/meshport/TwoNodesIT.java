package io.meshport;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.PortalProcess;
import io.meshport.testing.TestInfrastructure;
import io.meshport.testing.TestOpenSearch;
import io.meshport.testing.Tokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two portal nodes, each the production jar in its own process, on one PostgreSQL database and one
 * OpenSearch node: what one writes the other finds, both tell the same lineage, and when one stops
 * the other goes on serving.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static PortalProcess a;
    static PortalProcess b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String database = "two_nodes_" + System.nanoTime();
        try (var connection = DriverManager.getConnection(TestInfrastructure.jdbcUrl(), "postgres", "postgres")) {
            connection.createStatement().execute("create database " + database);
        }
        Map<String, String> shared = Map.of(
                "SPRING_DATASOURCE_URL", TestInfrastructure.jdbcUrl().replaceAll("/postgres$", "/" + database),
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "postgres",
                "MESHPORT_SEARCH_URIS", TestOpenSearch.url(),
                "MESHPORT_SEARCH_INDEX_PREFIX", database.replace('_', '-'));
        // One after the other: the first creates the schema and the index, the second finds them.
        a = PortalProcess.start("a", shared, Duration.ofMinutes(3));
        b = PortalProcess.start("b", shared, Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopNodes() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    @Order(1)
    void what_one_node_writes_the_other_finds_and_both_tell_the_same_lineage() throws Exception {
        String token = Tokens.forPipeline("sales-ci");
        String upstream = "orbit-ledger-" + System.nanoTime();
        String downstream = "orbit-forecast-" + System.nanoTime();
        String contract = upstream + "-orders";
        put(a, token, "/api/v1/data-contracts/" + contract, """
                {"apiVersion": "v3.0.2", "kind": "DataContract", "id": "%s", "version": "1.0.0",
                 "status": "active", "name": "Orbit orders"}
                """.formatted(contract));
        put(a, token, "/api/v1/data-products/" + upstream, product(upstream, "Orbit Ledger", """
                "outputPorts": [{"name": "orders", "version": "1.0.0", "contractId": "%s"}]
                """.formatted(contract)));
        // Written on a, searched on b: the search cluster is shared, and a write is searchable
        // as soon as its request has answered.
        assertThat(ids(search(b, token, "orbit ledger"))).contains(upstream);

        put(b, token, "/api/v1/data-products/" + downstream, product(downstream, "Orbit Forecast", """
                "inputPorts": [{"name": "orders", "version": "1.0.0", "contractId": "%s"}]
                """.formatted(
                        contract)));
        assertThat(ids(search(a, token, "orbit forecast"))).contains(downstream);

        JsonNode lineageOnA = get(a, token, "/api/v1/data-products/" + upstream + "/lineage?direction=downstream");
        JsonNode lineageOnB = get(b, token, "/api/v1/data-products/" + upstream + "/lineage?direction=downstream");
        assertThat(lineageOnA.path("edges").toString()).contains(downstream);
        assertThat(lineageOnB.path("edges")).isEqualTo(lineageOnA.path("edges"));
    }

    @Test
    @Order(2) // last: it stops node a
    void when_one_node_stops_the_other_goes_on_serving() throws Exception {
        String token = Tokens.forPipeline("sales-ci");
        String id = "orbit-archive-" + System.nanoTime();
        put(a, token, "/api/v1/data-products/" + id, product(id, "Orbit Archive", ""));
        PortalProcess stopped = a;
        a = null;
        stopped.close();
        assertThat(stopped.alive()).isFalse();

        assertThat(ids(search(b, token, "orbit archive"))).contains(id);
        String later = "orbit-archive-later-" + System.nanoTime();
        put(b, token, "/api/v1/data-products/" + later, product(later, "Orbit Archive Later", ""));
        assertThat(ids(search(b, token, "orbit archive later"))).contains(later);
    }

    private static String product(String id, String name, String ports) {
        return """
                {"apiVersion": "v1.0.0", "kind": "DataProduct", "id": "%s", "name": "%s", "version": "1.0.0",
                 "status": "draft", "domain": "orbit", "team": {"name": "sales"},
                 "description": {"purpose": "Where %s keeps what the orbit domain needs."}%s}
                """.formatted(id, name, name, ports.isBlank() ? "" : ", " + ports);
    }

    private static void put(PortalProcess node, String token, String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(node.url() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    private static JsonNode search(PortalProcess node, String token, String query) throws Exception {
        return get(node, token, "/api/v1/data-products?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private static JsonNode get(PortalProcess node, String token, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(node.url() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static java.util.List<String> ids(JsonNode results) {
        return results.path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList();
    }
}

package io.meshport.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RawHttp;
import io.meshport.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What a client meets at the edge of the REST API, whatever it sends: every answer is a problem
 * document with the right status, unknown paths are 404, odd queries are 400, bodies are bounded
 * before they are read, and a body that never finishes arriving times out with a problem.
 */
@MeshportTest
@ExtendWith(OutputCaptureExtension.class)
class ApiEdgeTest {

    static final String SALES_ORDERS = "/api/v1/data-products/sales-orders";

    // ------------------------------------------------------------------ B2: problems, always

    @Test
    void no_token_is_a_401_problem_with_the_bearer_challenge() {
        Api.Response response = Api.anonymous().get("/api/v1/me", "application/json");
        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void another_teams_product_is_a_403_problem() {
        Api.Response response = Api.as("bob")
                .post(
                        SALES_ORDERS + "/observations",
                        "{\"id\":\"x\",\"kind\":\"updated\",\"at\":\"2026-01-01T00:00:00Z\"}",
                        "application/json");
        assertProblem(response, 403);
    }

    @Test
    void a_method_an_endpoint_does_not_take_is_a_405_problem() {
        Api.Response response = Api.as("alice").delete("/api/v1/data-contracts/sales-orders-v1");
        assertProblem(response, 405);
        assertThat(response.header("Allow")).contains("PUT");
    }

    @Test
    void an_accept_header_nothing_matches_is_a_406_problem() {
        assertProblem(Api.as("alice").get(SALES_ORDERS, "text/csv"), 406);
    }

    @Test
    void a_body_type_an_endpoint_does_not_take_is_a_415_problem() {
        Api.Response response = Api.as("alice").post(SALES_ORDERS + "/observations", "id=x", "text/plain");
        assertProblem(response, 415);
        assertThat(response.json().path("detail").asString()).contains("application/json");
    }

    // ------------------------------------------------------------------ B3: unknown paths

    @Test
    void an_unknown_api_path_is_a_404_problem_not_the_html_app() {
        for (String path : new String[] {"/api/v1/no-such-thing", "/api/v2/data-products", "/api/"}) {
            Api.Response response = Api.as("alice").get(path, "application/json");
            assertProblem(response, 404);
        }
        assertProblem(Api.as("alice").post("/api/v1/no-such-thing", "{}", "application/json"), 404);
    }

    @Test
    void a_trailing_slash_names_no_resource_and_stores_nothing() {
        String id = "edge-trailing-" + Long.toString(System.nanoTime(), 36);
        String product = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: Trailing Slash
                status: draft
                team:
                  name: sales
                """.formatted(id);
        Api.Response put = Api.as("alice").put("/api/v1/data-products/" + id + "/", product, "application/yaml");
        assertProblem(put, 404);
        assertThat(put.json().path("detail").asString()).contains("trailing slash", "/api/v1/data-products/" + id);
        assertProblem(Api.as("alice").get("/api/v1/data-products/" + id, "application/json"), 404);
        assertProblem(Api.as("alice").get(SALES_ORDERS + "/", "application/json"), 404);
    }

    // ------------------------------------------------------------------ B4: odd queries

    @Test
    void invalid_utf8_in_a_query_is_a_400_problem_and_no_error_in_the_log(CapturedOutput output) {
        int logged = output.getAll().length();
        Api.Response response = Api.as("alice").get("/api/v1/data-products?q=%C3%28", "application/json");
        assertProblem(response, 400);
        assertThat(response.pointers()).containsExactly("/q");
        assertProblem(Api.as("alice").get("/api/v1/data-products?team=a%00b", "application/json"), 400);
        assertThat(output.getAll().substring(logged)).doesNotContain(" ERROR ");
    }

    @Test
    void a_broken_percent_escape_in_a_query_is_a_400_problem() throws Exception {
        try (RawHttp http = RawHttp.connect()) {
            http.head(
                    "GET /api/v1/data-products?q=%zz HTTP/1.1",
                    "Authorization: Bearer " + Tokens.forUser("alice"), "Connection: close");
            String response = http.response(Duration.ofSeconds(15));
            assertThat(response).isNotNull().startsWith("HTTP/1.1 400");
            assertThat(response).contains("application/problem+json", "\"pointer\":\"/q\"");
        }
    }

    @Test
    void more_than_a_thousand_query_parameters_are_a_400_problem(CapturedOutput output) {
        int logged = output.getAll().length();
        String many = IntStream.range(0, 1001).mapToObj(i -> "tag=t" + i).collect(Collectors.joining("&"));
        Api.Response response = Api.as("alice").get("/api/v1/data-products?" + many, "application/json");
        assertProblem(response, 400);
        assertThat(response.json().path("detail").asString()).contains("1001", "1000");
        String enough = IntStream.range(0, 1000).mapToObj(i -> "tag=t" + i).collect(Collectors.joining("&"));
        assertThat(Api.as("alice")
                        .get("/api/v1/data-products?" + enough, "application/json")
                        .status())
                .isEqualTo(200);
        assertThat(output.getAll().substring(logged)).doesNotContain(" ERROR ");
    }

    // ------------------------------------------------------------------ B9: bounded bodies

    @Test
    void an_observation_body_announced_over_its_limit_is_refused_before_it_is_read() throws Exception {
        String token = Tokens.forPipeline("sales-ci");
        try (RawHttp http = RawHttp.connect()) {
            Instant start = Instant.now();
            http.head(
                    "POST " + SALES_ORDERS + "/observations HTTP/1.1",
                    "Authorization: Bearer " + token,
                    "Content-Type: application/json",
                    "Content-Length: 52000000");
            http.send("[".getBytes(StandardCharsets.US_ASCII));
            // Nothing more is sent: only an answer that did not wait for the body arrives.
            String response = http.response(Duration.ofSeconds(15));
            assertThat(response).isNotNull().startsWith("HTTP/1.1 413");
            assertThat(response).contains("application/problem+json", "\"status\":413", "4 MiB");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void a_body_without_length_is_refused_as_soon_as_it_passes_the_limit() throws Exception {
        String token = Tokens.forPipeline("sales-ci");
        try (RawHttp http = RawHttp.connect()) {
            http.head(
                    "POST " + SALES_ORDERS + "/observations HTTP/1.1",
                    "Authorization: Bearer " + token,
                    "Content-Type: application/json",
                    "Transfer-Encoding: chunked");
            byte[] chunk = ("100000\r\n" + " ".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            String response = null;
            // 5 MiB at most, one chunk at a time; the portal stops reading after 4 MiB.
            for (int i = 0; i < 5 && response == null; i++) {
                try {
                    http.send(chunk);
                } catch (java.io.IOException closed) {
                    break;
                }
            }
            response = http.response(Duration.ofSeconds(15));
            assertThat(response).isNotNull().startsWith("HTTP/1.1 413");
            assertThat(response).contains("application/problem+json");
        }
    }

    @Test
    void a_body_that_stops_arriving_is_answered_408_with_a_problem() throws Exception {
        String token = Tokens.forPipeline("sales-ci");
        try (RawHttp http = RawHttp.connect()) {
            http.head(
                    "PUT /api/v1/data-products/edge-slow HTTP/1.1",
                    "Authorization: Bearer " + token,
                    "Content-Type: application/yaml",
                    "Content-Length: 1000");
            http.send("apiVersion: v1.0.0\n".getBytes(StandardCharsets.US_ASCII));
            String response = http.response(Duration.ofSeconds(45));
            assertThat(response).isNotNull().startsWith("HTTP/1.1 408");
            assertThat(response).contains("application/problem+json", "\"status\":408");
        }
        assertProblem(Api.as("alice").get("/api/v1/data-products/edge-slow", "application/json"), 404);
    }

    static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("title").asString()).isNotBlank();
    }
}

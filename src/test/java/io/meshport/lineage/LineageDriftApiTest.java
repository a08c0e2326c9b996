package io.meshport.lineage;

import static io.meshport.lineage.TestProduct.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.Violation;
import io.meshport.testing.Api;
import io.meshport.testing.ApiKeys;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/data-products/{id}/lineage/drift}, through the real API: a declared input
 * last read a month ago (its edge aged past the fourteen-day drift period) and an input runs read
 * yesterday that no port declares, for {@code report}; a product whose pipelines never report is
 * not judged.
 */
@MeshportTest
class LineageDriftApiTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    String s;
    Instant monthAgo;
    Instant yesterday;

    @BeforeEach
    void ordersDeclaredButLastReadAMonthAgoAndRawReadYesterdayUndeclared() {
        s = TestProduct.stem("drift-api");
        monthAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(30));
        yesterday = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
        product(s + "-orders").named("Orders " + s).provides(s + "-orders-v1").publish(catalog);
        product(s + "-raw").named("Raw " + s).publish(catalog);
        product(s + "-report").consumes(s + "-orders-v1").publish(catalog);
        product(s + "-quiet").consumes(s + "-orders-v1").publish(catalog);
        new ObservedLineage(jdbc)
                .edge(s + "-orders", s + "-report", "out0", s + "-orders-v1", monthAgo)
                .edge(s + "-raw", s + "-report", "dump", null, yesterday);
    }

    @Test
    void a_teams_api_key_reads_the_drift_of_a_product_in_the_shape_of_the_lineage_api() {
        Api pipeline = Api.withToken(ApiKeys.create(Tokens.forUser("bob"), "marketing"));

        Api.Response response = pipeline.get(drift(s + "-report"), "application/json");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.path("product").asString()).isEqualTo(s + "-report");
        assertThat(body.path("driftAfter").asString()).isEqualTo("P14D");
        assertThat(body.path("judged").isBoolean()).isTrue();
        assertThat(body.path("judged").asBoolean()).isTrue();
        assertThat(Instant.parse(body.path("observedSince").asString())).isEqualTo(monthAgo);
        assertThat(kinds(body)).containsExactly("declared-not-observed", "observed-not-declared");

        JsonNode declared = body.path("items").get(0);
        assertThat(declared.path("upstream").asString()).isEqualTo(s + "-orders");
        assertThat(declared.path("upstreamName").asString()).isEqualTo("Orders " + s);
        assertThat(declared.path("contractId").asString()).isEqualTo(s + "-orders-v1");
        assertThat(declared.has("outputPort")).isFalse();
        assertThat(Instant.parse(declared.path("lastObservedAt").asString())).isEqualTo(monthAgo);
        assertThat(Instant.parse(declared.path("since").asString())).isEqualTo(monthAgo.plus(Duration.ofDays(14)));
        assertThat(declared.path("message").asString())
                .startsWith("Declared input Orders " + s + " (contract " + s
                        + "-orders-v1) has not been seen in a run for 30 days");

        JsonNode observed = body.path("items").get(1);
        assertThat(observed.path("upstream").asString()).isEqualTo(s + "-raw");
        assertThat(observed.path("outputPort").asString()).isEqualTo("dump");
        assertThat(observed.has("contractId")).isFalse();
        assertThat(Instant.parse(observed.path("lastObservedAt").asString())).isEqualTo(yesterday);
        assertThat(Instant.parse(observed.path("since").asString())).isEqualTo(yesterday);
        assertThat(observed.path("message").asString()).contains("which offers no contract");
    }

    @Test
    void the_answer_is_what_the_screens_show() {
        JsonNode body =
                Api.as("dave").get(drift(s + "-report"), "application/json").json();
        List<Drift> shown = TestProduct.asConsumer(() -> drift.of(s + "-report"));
        assertThat(body.path("items").size()).isEqualTo(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            assertThat(body.path("items").get(i).path("message").asString())
                    .isEqualTo(shown.get(i).message());
            assertThat(body.path("items").get(i).path("upstream").asString())
                    .isEqualTo(shown.get(i).upstreamId());
        }
    }

    @Autowired
    LineageDrift drift;

    @Test
    void a_declared_input_seen_again_within_the_period_no_longer_drifts() {
        new ObservedLineage(jdbc).edge(s + "-orders", s + "-report", "out0", s + "-orders-v1", yesterday);
        JsonNode body =
                Api.as("alice").get(drift(s + "-report"), "application/json").json();
        assertThat(kinds(body)).containsExactly("observed-not-declared");
    }

    @Test
    void a_product_whose_pipelines_never_report_is_not_judged_and_drifts_in_nothing() {
        Api.Response response = Api.as("dave").get(drift(s + "-quiet"), "application/json");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("product").asString()).isEqualTo(s + "-quiet");
        assertThat(body.path("judged").asBoolean()).isFalse();
        assertThat(body.has("observedSince")).isFalse();
        assertThat(body.path("items").isArray()).isTrue();
        assertThat(body.path("items").size()).isZero();
    }

    @Test
    void an_unknown_product_is_a_404_problem_a_nul_in_the_id_400_and_a_stranger_401() {
        Api.Response missing = Api.as("dave").get(drift(s + "-nobody"), "application/json");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().path("detail").asString()).contains(s + "-nobody");

        Api.Response unicode = Api.as("dave").get(drift("%C3%A9t%C3%A9-%F0%9F%93%A6"), "application/json");
        assertThat(unicode.status()).isEqualTo(404);
        assertThat(unicode.header("Content-Type")).startsWith("application/problem+json");

        Api.Response huge = Api.as("dave").get(drift("x".repeat(5000)), "application/json");
        assertThat(huge.status()).isBetween(400, 499);

        // Refused before the API sees it (the server's request firewall), as on every path: a 400 all the same.
        Api.Response nul = Api.as("dave").get(drift("a%00b"), "application/json");
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);

        assertThat(Api.anonymous().get(drift(s + "-report"), "application/json").status())
                .isEqualTo(401);
    }

    @Test
    void the_service_refuses_an_id_with_a_nul_as_a_400_at_the_id() {
        assertThatThrownBy(() -> TestProduct.asConsumer(() -> drift.report("a\u0000b")))
                .isInstanceOfSatisfying(InvalidDocumentException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/id");
                });
    }

    @Test
    void the_openapi_document_describes_the_drift() {
        JsonNode operation = Api.as("dave")
                .get("/v3/api-docs", "application/json")
                .json()
                .path("paths")
                .path("/api/v1/data-products/{id}/lineage/drift")
                .path("get");
        assertThat(operation.isMissingNode()).isFalse();
        assertThat(operation.path("summary").asString()).isEqualTo("A data product's lineage drift");
        assertThat(operation.path("responses").has("404")).isTrue();
        assertThat(operation.path("tags").get(0).asString()).isEqualTo("Lineage");
    }

    private static String drift(String id) {
        return "/api/v1/data-products/" + id + "/lineage/drift";
    }

    private static List<String> kinds(JsonNode body) {
        List<String> kinds = new ArrayList<>();
        body.path("items").forEach(item -> kinds.add(item.path("kind").asString()));
        return kinds;
    }
}

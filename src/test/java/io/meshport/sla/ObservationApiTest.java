package io.meshport.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/data-products/{id}/observations}: who may send, idempotency, bad input. */
@MeshportTest
class ObservationApiTest {

    @Autowired
    CatalogService catalog;

    String product;
    String s;

    @BeforeEach
    void aSalesProductWithAnSla() {
        s = SlaTestProduct.stem("obs");
        product = SlaTestProduct.product(s)
                .promises("latency", "4", "h")
                .promises("availability", "99", "percent")
                .publish(catalog)
                .id();
    }

    @Test
    void the_owning_team_its_pipeline_and_governance_may_send_observations() {
        for (String sender : List.of("alice", "sales-ci", "carol")) {
            Api.Response response = post(sender, updated(s + "-" + sender, "out", minutesAgo(5)));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(strings(response.json().path("recorded"))).containsExactly(s + "-" + sender);
            assertThat(strings(response.json().path("alreadyKnown"))).isEmpty();
        }
    }

    @Test
    void other_teams_consumers_and_strangers_may_not_and_nothing_is_stored() {
        String body = "[" + updated(s + "-x", "out", minutesAgo(5)) + "]";
        Api.Response bob = post("bob", body);
        assertThat(bob.status()).isEqualTo(403);
        assertThat(bob.json().path("detail").asString()).contains("owning");
        assertThat(post("dave", body).status()).isEqualTo(403);
        assertThat(post("marketing-ci", body).status()).isEqualTo(403);
        assertThat(Api.anonymous().post(path(product), body, "application/json").status())
                .isEqualTo(401);
        assertNotStored(s + "-x");
    }

    @Test
    void sending_the_same_observations_again_changes_nothing_and_says_so() {
        // One time for the first observation throughout: sent again it must be the very same.
        String first = updated(s + "-1", "out", minutesAgo(30));
        String batch = "[" + first + "," + probe(s + "-2", "out", minutesAgo(20), true) + "]";
        assertThat(post("sales-ci", batch).status()).isEqualTo(201);
        Api.Response again = post("sales-ci", batch);
        assertThat(again.status()).isEqualTo(200);
        assertThat(strings(again.json().path("recorded"))).isEmpty();
        assertThat(strings(again.json().path("alreadyKnown"))).containsExactly(s + "-1", s + "-2");

        // Partly new: the new one is recorded, the known one reported.
        Api.Response partly = post("sales-ci", "[" + first + "," + updated(s + "-3", null, minutesAgo(1)) + "]");
        assertThat(partly.status()).isEqualTo(201);
        assertThat(strings(partly.json().path("recorded"))).containsExactly(s + "-3");
        assertThat(strings(partly.json().path("alreadyKnown"))).containsExactly(s + "-1");
    }

    @Test
    void the_same_id_with_other_content_is_a_conflict_and_nothing_of_the_batch_is_stored() {
        assertThat(post("alice", updated(s + "-1", "out", minutesAgo(30))).status())
                .isEqualTo(201);
        Api.Response conflict = post(
                "alice",
                "[" + updated(s + "-new", "out", minutesAgo(3)) + "," + updated(s + "-1", "out", minutesAgo(29)) + "]");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
        assertThat(strings(conflict.json().path("ids"))).containsExactly(s + "-1");
        assertNotStored(s + "-new");
    }

    @Test
    void every_bad_observation_is_a_400_pointing_at_it_and_nothing_is_stored() {
        String good = updated(s + "-good", "out", minutesAgo(1));
        assertBad("{\"id\": ", "");
        assertBad("42", "");
        assertBad("[]", "");
        assertBad("[" + good + ", 7]", "/1");
        assertBad("[" + good + ", {\"kind\": \"updated\", \"at\": \"" + minutesAgo(2) + "\"}]", "/1/id");
        assertBad("[" + good + ", {\"id\": 12, \"kind\": \"updated\", \"at\": \"" + minutesAgo(2) + "\"}]", "/1/id");
        assertBad("[" + good + ", {\"id\": \"b\", \"at\": \"" + minutesAgo(2) + "\"}]", "/1/kind");
        assertBad(
                "[" + good + ", {\"id\": \"b\", \"kind\": \"deleted\", \"at\": \"" + minutesAgo(2) + "\"}]", "/1/kind");
        assertBad("[" + good + ", {\"id\": \"b\", \"kind\": \"updated\"}]", "/1/at");
        assertBad("[" + good + ", {\"id\": \"b\", \"kind\": \"updated\", \"at\": \"yesterday\"}]", "/1/at");
        assertBad("[" + good + ", {\"id\": \"b\", \"kind\": \"updated\", \"at\": \"2026-11-22T06:00:00\"}]", "/1/at");
        assertBad(
                "[" + good + ", "
                        + updated(
                                "b",
                                "out",
                                Instant.now().plus(2, ChronoUnit.DAYS).toString()) + "]",
                "/1/at");
        assertBad("[" + good + ", " + updated("b", "nowhere", minutesAgo(2)) + "]", "/1/outputPort");
        assertBad(
                "[" + good + ", {\"id\": \"b\", \"kind\": \"availability\", \"at\": \"" + minutesAgo(2) + "\"}]",
                "/1/succeeded");
        assertBad(
                "[" + good + ", {\"id\": \"b\", \"kind\": \"availability\", \"succeeded\": \"yes\", \"at\": \""
                        + minutesAgo(2) + "\"}]",
                "/1/succeeded");
        assertBad(
                "[" + good + ", {\"id\": \"b\", \"kind\": \"quality\", \"at\": \"" + minutesAgo(2) + "\"}]",
                "/1/passed");
        assertBad(
                "[" + good + ", {\"id\": \"b\", \"kind\": \"updated\", \"at\": \"" + minutesAgo(2)
                        + "\", \"sucess\": true}]",
                "/1/sucess");
        assertBad("[" + good + ", " + good + "]", "/1/id");
        // A single object's pointers have no index.
        assertBad(updated("b", "nowhere", minutesAgo(2)), "/outputPort");
        assertNotStored(s + "-good");
    }

    @Test
    void an_unknown_product_is_404() {
        Api.Response response =
                Api.as("carol").post(path(s + "-nowhere"), updated("x", null, minutesAgo(1)), "application/json");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void the_openapi_document_describes_the_body() {
        JsonNode openApi =
                Api.as("dave").get("/v3/api-docs", "application/json").json();
        JsonNode post = openApi.path("paths")
                .path("/api/v1/data-products/{id}/observations")
                .path("post");
        assertThat(post.path("requestBody").isMissingNode()).isFalse();
        JsonNode schema = openApi.path("components").path("schemas").path("Observation");
        assertThat(strings(schema.path("required"))).contains("id", "kind", "at");
    }

    // ---------------------------------------------------------------- helpers

    void assertBad(String body, String pointer) {
        Api.Response response = post("alice", body);
        assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.pointers()).as(body + " -> " + response).contains(pointer);
        response.json()
                .path("errors")
                .forEach(error -> assertThat(error.path("message").asString()).isNotBlank());
    }

    /** Sending it now records it: it was not stored before. */
    void assertNotStored(String id) {
        Api.Response response = post("carol", updated(id, "out", minutesAgo(1)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    Api.Response post(String who, String body) {
        return Api.as(who).post(path(product), body, "application/json");
    }

    static String path(String productId) {
        return "/api/v1/data-products/" + productId + "/observations";
    }

    static String minutesAgo(long minutes) {
        return Instant.now()
                .minus(minutes, ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    static String updated(String id, @org.jspecify.annotations.Nullable String port, String at) {
        return "{\"id\": \"" + id + "\", " + (port == null ? "" : "\"outputPort\": \"" + port + "\", ")
                + "\"kind\": \"updated\", \"at\": \"" + at + "\", \"detail\": \"loaded\"}";
    }

    static String probe(String id, String port, String at, boolean succeeded) {
        return "{\"id\": \"" + id + "\", \"outputPort\": \"" + port + "\", \"kind\": \"availability\", \"at\": \"" + at
                + "\", \"succeeded\": " + succeeded + "}";
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}

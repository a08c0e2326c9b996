package io.meshport.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The loop through {@code /api/v1/access-requests}: request, decide, report provisioning, renew. */
@MeshportTest
class AccessApiTest {

    static final String BASE = "/api/v1/access-requests";
    static final String JSON = "application/json";

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void bob_asks_alice_approves_and_the_sales_pipeline_reports_the_grant() {
        String product = AccessTestProduct.publish(catalog, AccessTestProduct.stem("api"), null)
                .id();
        Api.Response asked = Api.as("bob").post(BASE, request(product, "marketing", ""), JSON);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        JsonNode created = asked.json();
        String id = created.path("id").asString();
        assertThat(asked.header("Location")).isEqualTo(BASE + "/" + id);
        assertThat(created.path("status").asString()).isEqualTo("requested");
        assertThat(created.path("provisioning").isNull()).isTrue();
        assertThat(created.path("productId").asString()).isEqualTo(product);
        assertThat(created.path("providerTeam").asString()).isEqualTo("sales");
        assertThat(created.path("consumerTeam").asString()).isEqualTo("marketing");
        assertThat(created.path("contractVersion").asString()).isEqualTo("1.0.0");
        assertThat(created.path("requestedBy").asString()).isEqualTo("Bob Brennan");
        assertThat(created.path("automatic").asBoolean()).isFalse();

        Api.Response seen = Api.as("alice").get(BASE + "/" + id, JSON);
        assertThat(seen.status()).isEqualTo(200);
        String etag = seen.header("ETag");
        assertThat(etag).isEqualTo("\"" + created.path("revision").asLong() + "\"");

        Api.Response stale = Api.as("alice")
                .header("If-Match", "\"999\"")
                .post(BASE + "/" + id + "/decision", "{\"decision\": \"approve\"}", JSON);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        Api.Response rejectedWithoutReason =
                Api.as("alice").post(BASE + "/" + id + "/decision", "{\"decision\": \"reject\"}", JSON);
        assertThat(rejectedWithoutReason.status()).isEqualTo(400);
        assertThat(rejectedWithoutReason.pointers()).containsExactly("/comment");

        Api.Response approved = Api.as("alice")
                .header("If-Match", etag)
                .post(BASE + "/" + id + "/decision", "{\"decision\": \"Approve\", \"comment\": \"Go ahead\"}", JSON);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("approved");
        assertThat(approved.json().path("provisioning").asString()).isEqualTo("pending");
        assertThat(approved.json().path("decidedBy").asString()).isEqualTo("Alice Andersen");
        assertThat(approved.json().path("decisionComment").asString()).isEqualTo("Go ahead");
        Api.Response again = Api.as("alice")
                .post(BASE + "/" + id + "/decision", "{\"decision\": \"reject\", \"comment\": \"x\"}", JSON);
        assertThat(again.status()).isEqualTo(409);

        Api.Response granted = Api.as("sales-ci")
                .put(
                        BASE + "/" + id + "/provisioning",
                        "{\"state\": \"granted\", \"message\": \"Role marketing_reader granted\"}",
                        JSON);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().path("provisioning").asString()).isEqualTo("granted");
        assertThat(granted.json().path("provisioningMessage").asString()).isEqualTo("Role marketing_reader granted");
        assertThat(granted.json().path("status").asString()).isEqualTo("approved");

        Api.Response history = Api.as("bob").get(BASE + "/" + id + "/history", JSON);
        assertThat(history.status()).isEqualTo(200);
        assertThat(strings(history.json(), "action")).containsExactly("requested", "approved", "provisioning granted");
        assertThat(strings(history.json(), "to")).containsExactly("requested", "approved", "approved");

        assertThat(ids("bob", "?product=" + product + "&status=approved&consumerTeam=marketing"))
                .containsExactly(id);
        assertThat(ids("alice", "?providerTeam=sales&status=approved&product=" + product))
                .containsExactly(id);
        assertThat(ids("bob", "?product=" + product + "&status=requested")).isEmpty();
        assertThat(ids("dave", "?product=" + product)).isEmpty();
    }

    @Test
    void a_port_that_approves_automatically_answers_approved_at_once_decided_by_meshport() {
        String product = AccessTestProduct.publish(catalog, AccessTestProduct.stem("auto"), "automatic")
                .id();
        Api.Response asked = Api.as("bob").post(BASE, request(product, "marketing", ""), JSON);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.json().path("status").asString()).isEqualTo("approved");
        assertThat(asked.json().path("provisioning").asString()).isEqualTo("pending");
        assertThat(asked.json().path("decidedBy").asString()).isEqualTo("Meshport");
        assertThat(asked.json().path("automatic").asBoolean()).isTrue();
        String id = asked.json().path("id").asString();
        assertThat(strings(Api.as("bob").get(BASE + "/" + id + "/history", JSON).json(), "actor"))
                .containsExactly("Bob Brennan", "Meshport");
    }

    @Test
    void a_port_that_says_owners_or_nothing_waits_for_the_owners() {
        for (String approval : new String[] {"owners", null}) {
            String product = AccessTestProduct.publish(catalog, AccessTestProduct.stem("own"), approval)
                    .id();
            Api.Response asked = Api.as("bob").post(BASE, request(product, "marketing", ""), JSON);
            assertThat(asked.json().path("status").asString()).as(approval).isEqualTo("requested");
            assertThat(asked.json().path("automatic").asBoolean()).isFalse();
        }
    }

    @Test
    void an_unknown_product_or_port_or_a_start_in_the_past_points_at_the_field_and_stores_nothing() {
        String product = AccessTestProduct.publish(catalog, AccessTestProduct.stem("bad"), null)
                .id();
        Api.Response noProduct = Api.as("bob").post(BASE, request(product + "-missing", "marketing", ""), JSON);
        assertThat(noProduct.status()).as(noProduct.toString()).isEqualTo(400);
        assertThat(noProduct.pointers()).containsExactly("/product");

        Api.Response noPort =
                Api.as("bob").post(BASE, request(product, "marketing", "").replace("\"out\"", "\"elsewhere\""), JSON);
        assertThat(noPort.status()).as(noPort.toString()).isEqualTo(400);
        assertThat(noPort.pointers()).containsExactly("/outputPort");

        String twoDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
        Api.Response past =
                Api.as("bob").post(BASE, request(product, "marketing", ", \"from\": \"" + twoDaysAgo + "\""), JSON);
        assertThat(past.status()).as(past.toString()).isEqualTo(400);
        assertThat(past.pointers()).containsExactly("/from");

        Api.Response endedAlready =
                Api.as("bob").post(BASE, request(product, "marketing", ", \"until\": \"" + twoDaysAgo + "\""), JSON);
        assertThat(endedAlready.status()).as(endedAlready.toString()).isEqualTo(400);
        assertThat(endedAlready.pointers()).containsExactly("/until");

        Api.Response notMine = Api.as("bob").post(BASE, request(product, "finance", ""), JSON);
        assertThat(notMine.status()).isEqualTo(403);

        Api.Response tooLong = Api.as("bob")
                .post(
                        BASE,
                        request(product, "marketing", "")
                                .replace("Campaign attribution", "é".repeat(AccessService.MAX_PURPOSE_LENGTH + 1)),
                        JSON);
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.pointers()).containsExactly("/purpose");

        assertThat(jdbc.sql("select count(*) from access_agreement where product_id like :id")
                        .param("id", product + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_consumer_renews_an_agreement_with_a_new_request_that_names_it() {
        String product = AccessTestProduct.publish(catalog, AccessTestProduct.stem("renew"), "automatic")
                .id();
        LocalDate end = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        Api.Response asked =
                Api.as("bob").post(BASE, request(product, "marketing", ", \"until\": \"" + end + "\""), JSON);
        String id = asked.json().path("id").asString();
        assertThat(asked.json().path("endsOn").asString()).isEqualTo(end.toString());

        Api.Response badDate = Api.as("bob").post(BASE + "/" + id + "/renewal", "{\"until\": \"soon\"}", JSON);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.pointers()).containsExactly("/until");
        assertThat(Api.as("alice")
                        .post(BASE + "/" + id + "/renewal", "{\"until\": \"" + end.plusDays(90) + "\"}", JSON)
                        .status())
                .isEqualTo(403);

        Api.Response renewal =
                Api.as("bob").post(BASE + "/" + id + "/renewal", "{\"until\": \"" + end.plusDays(90) + "\"}", JSON);
        assertThat(renewal.status()).as(renewal.toString()).isEqualTo(201);
        assertThat(renewal.json().path("renewalOf").asString()).isEqualTo(id);
        assertThat(renewal.json().path("startsOn").asString())
                .isEqualTo(end.plusDays(1).toString());
        assertThat(renewal.json().path("endsOn").asString())
                .isEqualTo(end.plusDays(90).toString());
        assertThat(renewal.header("Location"))
                .endsWith(renewal.json().path("id").asString());

        Api.Response consent = Api.as("bob").post(BASE + "/" + id + "/consent", "", JSON);
        assertThat(consent.status()).as(consent.toString()).isEqualTo(409);
        Api.Response revoked = Api.as("alice").post(BASE + "/" + id + "/revoke", "{\"comment\": \"Ended\"}", JSON);
        assertThat(revoked.json().path("status").asString()).isEqualTo("revoked");
    }

    @Test
    void the_openapi_document_describes_every_call_of_the_access_api() {
        Api.Response response = Api.as("dave").get("/v3/api-docs", JSON);
        assertThat(response.status()).isEqualTo(200);
        JsonNode paths = response.json().path("paths");
        assertThat(paths.path(BASE).has("post")).isTrue();
        assertThat(paths.path(BASE).has("get")).isTrue();
        assertThat(paths.path(BASE + "/{id}").has("get")).isTrue();
        assertThat(paths.path(BASE + "/{id}/history").has("get")).isTrue();
        for (String step : List.of("decision", "cancel", "revoke", "consent", "renewal")) {
            assertThat(paths.path(BASE + "/{id}/" + step).has("post")).as(step).isTrue();
        }
        assertThat(paths.path(BASE + "/{id}/provisioning").has("put")).isTrue();
        JsonNode agreement = response.json().path("components").path("schemas").path("Agreement");
        assertThat(agreement.path("properties").path("status").path("enum").toString())
                .contains("requested", "approved", "expired");
        assertThat(agreement
                        .path("properties")
                        .path("provisioning")
                        .path("enum")
                        .toString())
                .contains("pending", "granted", "failed");
    }

    private List<String> ids(String user, String query) {
        Api.Response response = Api.as(user).get(BASE + query, JSON);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return strings(response.json(), "id");
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    private static String request(String product, String team, String more) {
        return "{\"product\": \"" + product + "\", \"outputPort\": \"out\", \"purpose\": \"Campaign attribution\","
                + " \"consumerTeam\": \"" + team + "\"" + more + "}";
    }
}

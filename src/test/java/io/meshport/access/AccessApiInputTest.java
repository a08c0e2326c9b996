package io.meshport.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a real client gets wrong when it calls {@code /api/v1/access-requests}: each mistake is a
 * clear 4xx problem pointing at the field, never a 5xx, and nothing is stored.
 */
@MeshportTest
class AccessApiInputTest {

    static final String BASE = "/api/v1/access-requests";

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    String product;

    @BeforeEach
    void aSalesProduct() {
        product = AccessTestProduct.publish(catalog, AccessTestProduct.stem("in"), null)
                .id();
    }

    @Test
    void a_request_without_a_purpose_or_with_a_blank_one_points_at_purpose() {
        assertBad(body("\"purpose\": null"), "/purpose");
        assertBad(
                "{\"product\": \"" + product + "\", \"outputPort\": \"out\", \"consumerTeam\": \"marketing\"}",
                "/purpose");
        assertBad(body("\"purpose\": \"   \""), "/purpose");
    }

    @Test
    void wrong_types_unknown_fields_and_bad_dates_point_at_each_field_at_once() {
        Api.Response response = bob().post(
                        BASE,
                        "{\"product\": 7, \"outputPort\": [\"out\"], \"purpose\": true, \"consumerTeam\": \"marketing\","
                                + " \"from\": \"tomorrow\", \"until\": 20270101, \"colour\": \"red\"}",
                        "application/json");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.pointers())
                .containsExactlyInAnyOrder("/colour", "/product", "/outputPort", "/purpose", "/from", "/until");
        assertNothingStored();
    }

    @Test
    void an_end_before_the_start_points_at_until() {
        assertBad(body("\"from\": \"2031-05-02\", \"until\": \"2031-05-01\""), "/until");
        assertBad(body("\"until\": \"2031-02-30\""), "/until");
    }

    @Test
    void malformed_json_an_array_or_no_body_is_a_400_about_the_whole_body() {
        assertBad("{\"product\": ", "");
        assertBad("[]", "");
        assertBad("\"text\"", "");
        assertBad("", "");
    }

    @Test
    void a_body_that_is_not_json_is_415_and_a_purpose_of_a_megabyte_is_413() {
        Api.Response text = bob().post(BASE, body(""), "text/plain");
        assertThat(text.status()).as(text.toString()).isEqualTo(415);
        Api.Response huge = bob().post(BASE, body("\"purpose\": \"" + "x".repeat(1 << 20) + "\""), "application/json");
        assertThat(huge.status()).as(huge.toString()).isEqualTo(413);
        assertThat(huge.header("Content-Type")).startsWith("application/problem+json");
        assertNothingStored();
    }

    @Test
    void a_nul_character_or_an_unpaired_surrogate_in_the_purpose_points_at_purpose() {
        assertBad(body("\"purpose\": \"a\\u0000b\""), "/purpose");
        assertBad(body("\"purpose\": \"a\\ud800b\""), "/purpose");
    }

    @Test
    void an_unknown_decision_or_provisioning_state_points_at_it() {
        String id = UUID.randomUUID().toString();
        Api.Response decision =
                alice().post(BASE + "/" + id + "/decision", "{\"decision\": \"maybe\"}", "application/json");
        assertThat(decision.status()).as(decision.toString()).isEqualTo(400);
        assertThat(decision.pointers()).containsExactly("/decision");
        assertThat(decision.json().path("errors").get(0).path("message").asString())
                .contains("approve or reject");

        Api.Response missing = alice().post(BASE + "/" + id + "/decision", "{\"comment\": \"ok\"}", "application/json");
        assertThat(missing.pointers()).containsExactly("/decision");

        Api.Response state = Api.as("sales-ci")
                .put(BASE + "/" + id + "/provisioning", "{\"state\": \"done\", \"message\": 3}", "application/json");
        assertThat(state.status()).as(state.toString()).isEqualTo(400);
        assertThat(state.pointers()).containsExactlyInAnyOrder("/state", "/message");
    }

    @Test
    void a_path_id_that_is_no_uuid_names_no_access_request() {
        for (String id : new String[] {"42", "not-a-uuid", "3f2b8c1e-6d4a-4e8b-9c1d-2a7e5f0b9c3dx", "%E2%9C%93"}) {
            Api.Response get = bob().get(BASE + "/" + id, "application/json");
            assertThat(get.status()).as(id + ": " + get).isEqualTo(404);
            assertThat(get.json().path("detail").asString()).contains("UUID");
            assertThat(bob().get(BASE + "/" + id + "/history", "application/json")
                            .status())
                    .isEqualTo(404);
            assertThat(alice().post(BASE + "/" + id + "/decision", "{\"decision\": \"approve\"}", "application/json")
                            .status())
                    .isEqualTo(404);
            assertThat(bob().post(BASE + "/" + id + "/cancel", "", "application/json")
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void an_unknown_status_or_a_limit_out_of_range_in_the_query_points_at_the_parameter() {
        Api.Response status = bob().get(BASE + "?status=pending", "application/json");
        assertThat(status.status()).as(status.toString()).isEqualTo(400);
        assertThat(status.pointers()).containsExactly("/status");
        for (String limit : new String[] {"0", "-1", "501", "ten", "1e3"}) {
            Api.Response response = bob().get(BASE + "?limit=" + limit, "application/json");
            assertThat(response.status()).as(limit).isEqualTo(400);
            assertThat(response.pointers()).containsExactly("/limit");
        }
    }

    @Test
    void without_a_token_nothing_is_answered_but_401() {
        assertThat(Api.anonymous().post(BASE, body(""), "application/json").status())
                .isEqualTo(401);
        assertThat(Api.anonymous().get(BASE, "application/json").status()).isEqualTo(401);
        assertNothingStored();
    }

    /** A request by bob for the product's port, with {@code extra} fields replacing or adding to it. */
    private String body(String extra) {
        String fields = "\"product\": \"" + product + "\", \"outputPort\": \"out\", \"consumerTeam\": \"marketing\"";
        if (!extra.contains("\"purpose\"")) {
            fields += ", \"purpose\": \"Campaign attribution.\"";
        }
        return "{" + fields + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    private void assertBad(String body, String pointer) {
        Api.Response response = bob().post(BASE, body, "application/json");
        assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.pointers()).as(body).contains(pointer);
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(jdbc.sql("select count(*) from access_agreement where product_id = :id")
                        .param("id", product)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static Api bob() {
        return Api.as("bob");
    }

    private static Api alice() {
        return Api.as("alice");
    }
}

package io.meshport.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.ApiKeys;
import io.meshport.testing.MeshportTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a real client gets wrong when it creates a key: each mistake is a clear 4xx problem that
 * points at the field, never a 5xx, and no key is stored.
 */
@MeshportTest
class ApiKeysApiInputTest {

    static final String BASE = "/api/v1/api-keys";

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_missing_blank_huge_or_odd_name_points_at_name() {
        assertBad("{\"team\": \"sales\"}", "/name");
        assertBad("{\"name\": \"   \", \"team\": \"sales\"}", "/name");
        assertBad("{\"name\": \"" + "k".repeat(65) + "\", \"team\": \"sales\"}", "/name");
        assertBad("{\"name\": \"" + "k".repeat(10_000) + "\", \"team\": \"sales\"}", "/name");
        assertBad("{\"name\": \"bad\\u0000name\", \"team\": \"sales\"}", "/name");
        assertBad("{\"name\": \"-leading-dash\", \"team\": \"sales\"}", "/name");
        assertBad("{\"name\": \"line\\nbreak\", \"team\": \"sales\"}", "/name");
        assertBad("{\"name\": \"emoji \uD83D\uDD11\", \"team\": \"sales\"}", "/name");
    }

    @Test
    void unicode_letters_make_a_name() {
        ApiKeys.Created key = ApiKeys.create(
                io.meshport.testing.Tokens.forUser("alice"),
                "sales",
                "Übersicht-Ålesund " + ApiKeys.uniqueName(),
                null);
        assertThat(key.name()).startsWith("Übersicht-Ålesund ");
    }

    @Test
    void a_missing_team_points_at_team() {
        assertBad("{\"name\": \"" + ApiKeys.uniqueName() + "\"}", "/team");
        assertBad("{\"name\": \"" + ApiKeys.uniqueName() + "\", \"team\": \"\"}", "/team");
    }

    @Test
    void an_expiry_in_the_past_too_far_ahead_or_not_a_date_points_at_expires_at() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String expiry : new String[] {
            "\"" + today.minusDays(1) + "\"",
            "\"" + today + "\"",
            "\"2020-01-01T00:00:00Z\"",
            "\"" + today.plusYears(2).plusDays(2) + "\"",
            "\"9999-12-31\"",
            "\"2027-13-01\"",
            "\"2027-02-30\"",
            "\"tomorrow\"",
            "\"\"",
            "\"31.12.2027\"",
            "\"" + today.plusDays(3) + "T12:00:00\"",
            "20270101",
            "true",
            "{\"date\": \"2027-01-01\"}"
        }) {
            assertBad(
                    "{\"name\": \"" + ApiKeys.uniqueName() + "\", \"team\": \"sales\", \"expiresAt\": " + expiry + "}",
                    "/expiresAt");
        }
    }

    @Test
    void an_expiry_without_an_offset_says_so() {
        Api.Response response =
                post("{\"name\": \"" + ApiKeys.uniqueName() + "\", \"team\": \"sales\", \"expiresAt\": \""
                        + LocalDate.now(ZoneOffset.UTC).plusDays(3) + "T12:00:00\"}");
        assertThat(response.json().path("errors").path(0).path("message").asString())
                .contains("needs an offset");
    }

    @Test
    void wrong_types_and_unknown_fields_point_at_each_field_at_once() {
        String name = ApiKeys.uniqueName();
        Api.Response response = post("{\"name\": [\"" + name + "\"], \"team\": 7, \"expiresAt\": false, \"secret\":"
                + " \"mpk_mine\", \"scopes\": [\"all\"]}");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.pointers()).containsExactlyInAnyOrder("/name", "/team", "/expiresAt", "/secret", "/scopes");
        assertThat(stored(name)).isZero();
    }

    @Test
    void malformed_json_an_array_a_string_or_no_body_is_a_400_about_the_whole_body() {
        long before = count();
        assertBad("{\"name\": ", "");
        assertBad("[]", "");
        assertBad("\"text\"", "");
        assertBad("", "");
        assertBad("{\"name\": \"a\", \"name\": \"b\", \"team\": \"sales\"}", "");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_body_that_is_not_json_is_415_and_one_past_the_limit_is_413() {
        long before = count();
        Api.Response text = alice().post(BASE, "{\"name\": \"x\", \"team\": \"sales\"}", "text/plain");
        assertThat(text.status()).as(text.toString()).isEqualTo(415);
        assertThat(text.header("Content-Type")).startsWith("application/problem+json");
        Api.Response huge = post("{\"name\": \"" + "x".repeat(1 << 20) + "\", \"team\": \"sales\"}");
        assertThat(huge.status()).as(huge.toString()).isEqualTo(413);
        assertThat(huge.header("Content-Type")).startsWith("application/problem+json");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void bad_paging_points_at_the_parameter() {
        Api.Response response = alice().get(BASE + "?limit=0&offset=-1", "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.pointers()).containsExactlyInAnyOrder("/limit", "/offset");
        assertThat(alice().get(BASE + "?limit=lots", "application/json").pointers())
                .containsExactly("/limit");
    }

    private void assertBad(String body, String pointer) {
        long before = count();
        Api.Response response = post(body);
        assertThat(response.status())
                .as(body.length() > 200 ? body.substring(0, 200) : body)
                .isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.pointers()).as(response.toString()).contains(pointer);
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(count()).isEqualTo(before);
    }

    private static Api.Response post(String body) {
        return alice().post(BASE, body, "application/json");
    }

    private long count() {
        return jdbc.sql("select count(*) from api_key where team = 'sales'")
                .query(Long.class)
                .single();
    }

    private long stored(String name) {
        return jdbc.sql("select count(*) from api_key where name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    private static Api alice() {
        return Api.as("alice");
    }
}

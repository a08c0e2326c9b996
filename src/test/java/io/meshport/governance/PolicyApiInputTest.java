package io.meshport.governance;

import static io.meshport.governance.ApiPolicies.BASE;
import static io.meshport.governance.ApiPolicies.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a real client gets wrong when it writes a policy: each mistake is a 4xx problem pointing at
 * the field (all of them at once), never a 5xx, and nothing is stored. Hostile rules are refused
 * or stop within their budget, and the answer says why.
 */
@MeshportTest
class PolicyApiInputTest {

    final ApiPolicies policies = new ApiPolicies();
    /** The policy most of these tests try to write, and must find not stored. */
    final String policyId = policies.policyId("input");

    @AfterEach
    void retirePolicies() {
        policies.retireAll();
    }

    @Test
    void unknown_severity_mode_and_enforce_on_point_at_each_field_at_once() {
        ObjectNode definition = policies.purposePolicy("strict");
        definition.put("severity", "urgent");
        definition.put("enforceOn", "deploy");
        Api.Response response = assertRefused(definition, "/severity", "/mode", "/enforceOn");
        assertThat(messageAt(response, "/severity")).contains("low, medium, high or critical");
        assertThat(messageAt(response, "/mode")).contains("advisory or enforced");
        assertThat(messageAt(response, "/enforceOn")).contains("publish or activation");
        assertThat(response.json().path("type").asString()).endsWith("/problems/invalid-policy");
    }

    @Test
    void wrong_json_types_point_at_each_field_and_into_the_scope() {
        String body = """
                {"title": 7, "description": ["no"], "severity": 3, "mode": true,
                 "scope": {"tags": "%s", "domains": [1, "sales"], "colour": []},
                 "rule": {"cel": "true"}, "path": false, "message": 1.5, "enabled": "yes"}""".formatted(policies.tag);
        assertRefused(
                body,
                "/title",
                "/description",
                "/severity",
                "/mode",
                "/scope/tags",
                "/scope/domains/0",
                "/scope/colour",
                "/rule",
                "/path",
                "/message",
                "/enabled");
        assertRefused("{\"title\": \"t\", \"rule\": \"true\", \"scope\": [\"all\"]}", "/scope");
    }

    @Test
    void a_missing_title_or_rule_or_a_blank_one_points_at_it() {
        assertRefused("{\"description\": \"Why\"}", "/title", "/rule");
        assertRefused("{\"title\": \"  \", \"rule\": \"\\n\"}", "/title", "/rule");
        assertRefused("{\"title\": null, \"rule\": null}", "/title", "/rule");
    }

    @Test
    void a_rule_that_does_not_compile_is_reported_with_its_position_beside_the_other_mistakes() {
        ObjectNode definition = policies.purposePolicy("advisory");
        definition.put("rule", "size(product.name) >");
        definition.put("severity", "urgent");
        Api.Response response = assertRefused(definition, "/rule", "/severity");
        assertThat(messageAt(response, "/rule")).startsWith("line 1, column ");

        definition.put("severity", "high");
        definition.put("rule", "1 + 1");
        assertRefused(definition, "/rule");
    }

    @Test
    void malformed_json_or_yaml_an_array_or_no_body_is_a_400_about_the_whole_body() {
        for (String body :
                List.of("{\"title\": ", "[]", "\"text\"", "", "   ", "null", "{\"title\": \"a\", \"title\": \"b\"}")) {
            Api.Response response = put(body, JSON);
            assertThat(response.status()).as(body + ": " + response).isEqualTo(400);
            assertThat(response.pointers()).as(body).containsExactly("");
        }
        for (String yaml : List.of("title: [unclosed", "- a list", "title: a\ntitle: b\n")) {
            Api.Response response = put(yaml, "application/yaml");
            assertThat(response.status()).as(yaml + ": " + response).isEqualTo(400);
            assertThat(response.pointers()).as(yaml).containsExactly("");
        }
        assertNothingStored();
    }

    @Test
    void unknown_fields_and_an_id_that_contradicts_the_path_point_at_them() {
        ObjectNode definition = policies.purposePolicy("advisory");
        definition.put("colour", "red");
        definition.put("id", "another-policy");
        definition.withObjectProperty("scope").put("teams", "sales");
        Api.Response response = assertRefused(definition, "/colour", "/id", "/scope/teams");
        assertThat(messageAt(response, "/colour")).contains("title");
    }

    @Test
    void a_path_id_that_breaks_the_id_rules_points_at_id() {
        for (String id :
                List.of("X", "Upper-Case-" + policies.tag, "a%20b-" + policies.tag, "%E2%9C%93-" + policies.tag)) {
            Api.Response response =
                    Api.as("carol").put(BASE + "/" + id, ApiPolicies.json(policies.purposePolicy("advisory")), JSON);
            assertThat(response.status()).as(id + ": " + response).isEqualTo(400);
            assertThat(response.pointers()).as(id).containsExactly("/id");
        }
    }

    @Test
    void values_over_their_limits_are_400_and_a_body_over_the_body_limit_is_413() {
        ObjectNode definition = policies.purposePolicy("advisory");
        definition.put("title", "t".repeat(201));
        definition.put("description", "d".repeat(20_001));
        definition.put("message", "m".repeat(1_001));
        definition.put("rule", "true || " + "x".repeat(5_000));
        assertRefused(definition, "/title", "/description", "/message", "/rule");

        ObjectNode scoped = policies.purposePolicy("advisory");
        var tags = scoped.withObjectProperty("scope").putArray("tags");
        IntStream.range(0, 51).forEach(i -> tags.add(policies.tag + "-" + i));
        scoped.withObjectProperty("scope").putArray("statuses").add("pending");
        scoped.withObjectProperty("scope").putArray("domains").add("");
        assertRefused(scoped, "/scope/tags", "/scope/statuses/0", "/scope/domains/0");

        ObjectNode huge = policies.purposePolicy("advisory");
        huge.put("description", "d".repeat(300 * 1024));
        Api.Response tooLarge = put(ApiPolicies.json(huge), JSON);
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
        assertNothingStored();
    }

    @Test
    void unicode_is_kept_as_written_but_text_the_database_cannot_hold_points_at_its_field() {
        String id = policies.policyId("unicode");
        ObjectNode definition = policies.purposePolicy("advisory");
        String title = "Zweck 🧭 ﻿مرحبا עברית 目的 é (e\u0301) " + policies.tag;
        definition.put("title", title);
        definition.put("description", "Ünïcødé **Markdown** 🙂");
        definition.put("rule", "product.name != \"名前 🙂\" || true");
        definition.put("enabled", false);
        Api.Response created = Api.as("carol").put(BASE + "/" + id, ApiPolicies.json(definition), JSON);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode read = Api.as("bob").get(BASE + "/" + id, JSON).json();
        assertThat(read.path("title").asString()).isEqualTo(title);
        assertThat(read.path("rule").asString()).isEqualTo("product.name != \"名前 🙂\" || true");

        assertRefused("{\"title\": \"a\\u0000b\", \"rule\": \"true\"}", "/title");
        assertRefused("{\"title\": \"a\\ud800b\", \"rule\": \"true\"}", "/title");
        assertRefused("{\"title\": \"ok\", \"rule\": \"true\", \"scope\": {\"tags\": [\"\\udc00\"]}}", "/scope/tags/0");
        assertRefused("{\"title\": \"ok\", \"rule\": \"true\", \"a\\u0000b\": 1}", "/a\uFFFDb");

        byte[] latin1 = "{\"title\": \"Caf\u00e9\", \"rule\": \"true\"}".getBytes(StandardCharsets.ISO_8859_1);
        Api.Response notUtf8 = Api.as("carol").putBytes(BASE + "/" + policies.policyId("latin1"), latin1, JSON);
        assertThat(notUtf8.status()).as(notUtf8.toString()).isEqualTo(400);
        assertThat(notUtf8.pointers()).containsExactly("");
    }

    @Test
    void a_body_that_is_neither_json_nor_yaml_is_415_and_a_bad_if_match_is_400() {
        Api.Response text = put("title: x", "text/plain");
        assertThat(text.status()).as(text.toString()).isEqualTo(415);
        assertThat(text.header("Content-Type")).startsWith("application/problem+json");

        String id = policies.policyId("if-match");
        Api.Response badTag = Api.as("carol")
                .header("If-Match", "revision seven")
                .put(BASE + "/" + id, ApiPolicies.json(policies.purposePolicy("advisory")), JSON);
        assertThat(badTag.status()).as(badTag.toString()).isEqualTo(400);
        Api.Response notThere = Api.as("carol")
                .header("If-Match", "\"1\"")
                .put(BASE + "/" + id, ApiPolicies.json(policies.purposePolicy("advisory")), JSON);
        assertThat(notThere.status()).as(notThere.toString()).isEqualTo(409);
        assertThat(Api.as("carol").get(BASE + "/" + id, JSON).status()).isEqualTo(404);
    }

    @Test
    void an_invalid_preview_is_refused_like_an_invalid_policy() {
        Api.Response preview = Api.as("carol")
                .post(
                        BASE + "/" + policies.policyId("preview") + "/preview",
                        "{\"title\": \"t\", \"rule\": \"1 +\", \"mode\": \"x\"}",
                        JSON);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(400);
        assertThat(preview.pointers()).containsExactlyInAnyOrder("/rule", "/mode");
    }

    // ------------------------------------------------------------------ hostile rules

    @Test
    void a_list_literal_of_thousands_of_elements_is_refused_and_one_within_the_limits_is_evaluated_soon() {
        String thousands = IntStream.range(0, 3_000).mapToObj(i -> "0").collect(Collectors.joining(","));
        assertHostile("size([" + thousands + "]) > 0");

        policies.published("alice", policies.productId("listed"), "sales", ApiPolicies.LONG_PURPOSE);
        ObjectNode definition = policies.purposePolicy("enforced");
        String withinLimits = IntStream.range(0, 900).mapToObj(i -> "0").collect(Collectors.joining(","));
        definition.put("rule", "size([" + withinLimits + "]) > 0");
        Api.Response saved =
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> put(ApiPolicies.json(definition), JSON));
        assertThat(saved.status()).as(abbreviated(saved)).isEqualTo(201);
        assertThat(saved.json().path("inScope").asLong()).isEqualTo(1);
        assertThat(saved.json().path("passing").asLong()).isEqualTo(1);
    }

    @Test
    void a_rule_nested_a_hundred_deep_is_refused() {
        assertHostile("(".repeat(100) + "true" + ")".repeat(100));
        assertHostile("[".repeat(100) + "1" + "]".repeat(100) + " != []");
        assertHostile("string(".repeat(100) + "1" + ")".repeat(100) + " != ''");
    }

    @Test
    void a_rule_of_a_long_string_is_refused_and_a_body_of_a_megabyte_is_too_large() {
        assertHostile("product.name == \"" + "x".repeat(100_000) + "\"");
        ObjectNode definition = policies.purposePolicy("advisory");
        definition.put("rule", "product.name == \"" + "x".repeat(1 << 20) + "\"");
        Api.Response response =
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> put(ApiPolicies.json(definition), JSON));
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertNothingStored();
    }

    @Test
    void nested_macros_over_big_lists_stop_within_the_budget_and_are_refused_when_enabled() {
        String product = policies.productId("victim");
        policies.published("alice", product, "sales", ApiPolicies.LONG_PURPOSE);
        String hundred =
                "[" + IntStream.range(0, 100).mapToObj(Integer::toString).collect(Collectors.joining(",")) + "]";
        for (String rule : List.of(
                hundred + ".all(a, " + hundred + ".all(b, " + hundred + ".all(c, a + b + c >= 0)))",
                hundred + ".map(a, " + hundred + ".map(b, " + hundred + ")).size() > 0",
                hundred + ".exists(a, " + hundred + ".exists(b, " + hundred
                        + ".filter(c, c > a + b).size() > 1000))")) {
            ObjectNode definition = policies.purposePolicy("enforced");
            definition.put("rule", rule);
            String id = policies.policyId("macros-" + Math.abs(rule.hashCode() % 1000));

            Api.Response preview = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Api.as("carol")
                    .post(BASE + "/" + id + "/preview", ApiPolicies.json(definition), JSON));
            assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
            assertThat(preview.json().path("evaluated").asLong()).isEqualTo(1);
            assertThat(preview.json().path("errors").asLong()).isEqualTo(1);
            assertThat(preview.json().path("violations").get(0).path("message").asString())
                    .contains("budget");

            Api.Response saved = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Api.as("carol")
                    .put(BASE + "/" + id, ApiPolicies.json(definition), JSON));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(400);
            assertThat(saved.pointers()).containsExactly("/rule");
            assertThat(saved.json().path("errors").get(0).path("message").asString())
                    .contains("budget")
                    .contains(product);
            assertThat(Api.as("carol").get(BASE + "/" + id, JSON).status()).isEqualTo(404);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A hostile rule, enabled and enforced: refused with 400 at /rule, soon, by save and preview alike. */
    private void assertHostile(String rule) {
        ObjectNode definition = policies.purposePolicy("enforced");
        definition.put("rule", rule);
        Api.Response saved =
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> put(ApiPolicies.json(definition), JSON));
        assertThat(saved.status()).as(abbreviated(saved)).isEqualTo(400);
        assertThat(saved.pointers()).as(abbreviated(saved)).contains("/rule");
        assertThat(saved.body().length()).as("the answer is short").isLessThan(4_000);
        Api.Response preview = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Api.as("carol")
                .post(BASE + "/" + policyId + "/preview", ApiPolicies.json(definition), JSON));
        assertThat(preview.status()).as(abbreviated(preview)).isEqualTo(400);
        assertNothingStored();
    }

    private Api.Response put(String body, String contentType) {
        return Api.as("carol").put(BASE + "/" + policyId, body, contentType);
    }

    private Api.Response assertRefused(ObjectNode definition, String... pointers) {
        return assertRefused(ApiPolicies.json(definition), pointers);
    }

    private Api.Response assertRefused(String body, String... pointers) {
        Api.Response response = put(body, JSON);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.pointers()).as(response.toString()).containsExactlyInAnyOrder(pointers);
        assertNothingStored();
        return response;
    }

    private void assertNothingStored() {
        assertThat(Api.as("carol").get(BASE + "/" + policyId, JSON).status()).isEqualTo(404);
    }

    private static String messageAt(Api.Response response, String pointer) {
        for (JsonNode error : response.json().path("errors")) {
            if (error.path("pointer").asString().equals(pointer)) {
                return error.path("message").asString();
            }
        }
        throw new AssertionError("No error at " + pointer + " in " + response);
    }

    private static String abbreviated(Api.Response response) {
        String text = response.toString();
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}

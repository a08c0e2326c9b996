package io.meshport.governance;

import static io.meshport.governance.ApiPolicies.BASE;
import static io.meshport.governance.ApiPolicies.JSON;
import static io.meshport.governance.ApiPolicies.LONG_PURPOSE;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Governance writes, previews, reads and retires policies through {@code /api/v1/policies}. */
@MeshportTest
class PolicyApiTest {

    @Autowired
    JdbcClient jdbc;

    final ApiPolicies policies = new ApiPolicies();

    @AfterEach
    void retirePolicies() {
        policies.retireAll();
    }

    @Test
    void carol_creates_replaces_and_retires_a_policy_and_each_step_is_in_its_history() {
        String id = policies.policyId("loop");
        ObjectNode definition = policies.purposePolicy("advisory");
        definition.put("enabled", false);

        Api.Response created = ApiPolicies.put("carol", id, ApiPolicies.json(definition));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(BASE + "/" + id);
        JsonNode policy = created.json();
        assertThat(created.header("ETag"))
                .isEqualTo("\"" + policy.path("revision").asLong() + "\"");
        assertThat(policy.path("id").asString()).isEqualTo(id);
        assertThat(policy.path("title").asString()).isEqualTo("Purpose of substance " + policies.tag);
        assertThat(policy.path("severity").asString()).isEqualTo("high");
        assertThat(policy.path("mode").asString()).isEqualTo("advisory");
        assertThat(policy.path("enforceOn").asString()).isEqualTo("publish");
        assertThat(strings(policy.path("scope").path("tags"))).containsExactly(policies.tag);
        assertThat(strings(policy.path("scope").path("domains"))).isEmpty();
        assertThat(policy.path("rule").asString()).isEqualTo(ApiPolicies.PURPOSE_RULE);
        assertThat(policy.path("path").asString()).isEqualTo("/description/purpose");
        assertThat(policy.path("enabled").asBoolean()).isFalse();
        assertThat(policy.path("builtIn").asBoolean()).isFalse();
        assertThat(policy.path("updatedBy").asString()).isNotBlank();
        assertThat(policy.path("inScope").asLong()).isZero();
        assertThat(policy.path("passRate").asDouble()).isEqualTo(1.0);

        Api.Response read = Api.as("dave").get(BASE + "/" + id, JSON);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(policy);
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));

        // What GET answers can be sent back as it is, with a change.
        ObjectNode changed = (ObjectNode) read.json();
        changed.put("mode", "enforced");
        changed.put("enabled", true);
        Api.Response stale = Api.as("carol")
                .header("If-Match", "\"" + (policy.path("revision").asLong() + 7) + "\"")
                .put(BASE + "/" + id, ApiPolicies.json(changed), JSON);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(Api.as("carol")
                        .get(BASE + "/" + id, JSON)
                        .json()
                        .path("mode")
                        .asString())
                .isEqualTo("advisory");

        Api.Response replaced = Api.as("carol")
                .header("If-Match", read.header("ETag"))
                .put(BASE + "/" + id, ApiPolicies.json(changed), JSON);
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("mode").asString()).isEqualTo("enforced");
        assertThat(replaced.json().path("revision").asLong())
                .isGreaterThan(policy.path("revision").asLong());
        assertThat(replaced.header("ETag"))
                .isEqualTo("\"" + replaced.json().path("revision").asLong() + "\"");

        List<String> listed = new ArrayList<>();
        Api.as("alice")
                .get(BASE, JSON)
                .json()
                .forEach(p -> listed.add(p.path("id").asString()));
        assertThat(listed).contains(id);

        Api.Response retired = Api.as("carol").delete(BASE + "/" + id);
        assertThat(retired.status()).as(retired.toString()).isEqualTo(204);
        assertThat(Api.as("carol").delete(BASE + "/" + id).status()).isEqualTo(404);
        Api.Response after = Api.as("bob").get(BASE + "/" + id, JSON);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().path("retiredAt").isNull()).isFalse();
        assertThat(after.json().path("enabled").asBoolean()).isFalse();
        List<String> stillListed = new ArrayList<>();
        Api.as("alice")
                .get(BASE, JSON)
                .json()
                .forEach(p -> stillListed.add(p.path("id").asString()));
        assertThat(stillListed).doesNotContain(id);

        JsonNode history =
                Api.as("dave").get(BASE + "/" + id + "/history", JSON).json();
        assertThat(strings(history, "action")).containsExactly("retired", "enabled", "created");
        JsonNode enabled = history.get(1);
        assertThat(enabled.path("actor").asString()).isNotBlank();
        assertThat(enabled.path("at").asString()).isNotBlank();
        assertThat(enabled.path("summary").asString()).contains("nabled");
        assertThat(enabled.path("before").path("mode").asString()).isEqualTo("advisory");
        assertThat(enabled.path("after").path("mode").asString()).isEqualTo("enforced");
        assertThat(history.get(2).path("before").isNull()).isTrue();
    }

    @Test
    void a_policy_written_in_yaml_is_stored_as_the_same_json_shows_it() {
        String id = policies.policyId("yaml");
        String yaml = """
                title: Support channel %s
                description: |
                  Consumers need **somewhere** to ask.
                severity: low
                mode: advisory
                enforceOn: activation
                scope:
                  tags: [%s]
                  statuses: [active, deprecated]
                rule: has(product.support) && size(product.support) > 0
                enabled: false
                """.formatted(policies.tag, policies.tag);
        Api.Response created = Api.as("carol").put(BASE + "/" + id, yaml, "application/yaml");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode policy = Api.as("alice").get(BASE + "/" + id, JSON).json();
        assertThat(policy.path("description").asString()).isEqualTo("Consumers need **somewhere** to ask.\n");
        assertThat(policy.path("enforceOn").asString()).isEqualTo("activation");
        assertThat(strings(policy.path("scope").path("statuses"))).containsExactly("active", "deprecated");
        assertThat(policy.path("path").isNull()).isTrue();
        assertThat(policy.path("message").isNull()).isTrue();
    }

    @Test
    void an_unknown_policy_is_a_404_problem_for_every_read_and_for_retiring() {
        String id = policies.policyId("none");
        for (String path : List.of(BASE + "/" + id, BASE + "/" + id + "/history")) {
            Api.Response response = Api.as("bob").get(path, JSON);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().path("detail").asString()).contains(id);
        }
        assertThat(Api.as("carol").delete(BASE + "/" + id).status()).isEqualTo(404);
        assertThat(Api.as("bob")
                        .get("/api/v1/data-products/no-such-" + policies.tag + "/compliance", JSON)
                        .status())
                .isEqualTo(404);
        assertThat(Api.as("bob")
                        .get("/api/v1/data-products/no-such-" + policies.tag + "/trust", JSON)
                        .status())
                .isEqualTo(404);
    }

    /**
     * The preview's counts are what enabling produces: the same products violate, by the same
     * teams, in the stored results, the list's counts and each product's compliance.
     */
    @Test
    void the_dry_run_counts_equal_what_enabling_the_policy_produces() {
        Map<String, String> teams = new LinkedHashMap<>();
        Map<String, Boolean> keeps = new LinkedHashMap<>();
        product("sales-good-1", "alice", "sales", true, teams, keeps);
        product("sales-good-2", "alice", "sales", true, teams, keeps);
        product("sales-bad-1", "alice", "sales", false, teams, keeps);
        product("mkt-good-1", "bob", "marketing", true, teams, keeps);
        product("mkt-bad-1", "bob", "marketing", false, teams, keeps);
        product("mkt-bad-2", "bob", "marketing", false, teams, keeps);
        PendingEvents.awaitHandled(jdbc, policies.tag);
        String id = policies.policyId("dry");
        ObjectNode definition = policies.purposePolicy("advisory");

        Api.Response preview = Api.as("carol").post(BASE + "/" + id + "/preview", ApiPolicies.json(definition), JSON);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode effect = preview.json();
        assertThat(effect.path("evaluated").asLong()).isEqualTo(6);
        assertThat(effect.path("passing").asLong()).isEqualTo(3);
        assertThat(effect.path("violating").asLong()).isEqualTo(3);
        assertThat(effect.path("exempt").asLong()).isZero();
        assertThat(effect.path("errors").asLong()).isZero();
        assertThat(effect.path("truncated").asBoolean()).isFalse();
        Map<String, List<Long>> byTeam = new TreeMap<>();
        effect.path("byTeam")
                .forEach(team -> byTeam.put(
                        team.path("team").asString(),
                        List.of(
                                team.path("evaluated").asLong(),
                                team.path("violating").asLong())));
        assertThat(byTeam)
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "marketing", List.of(3L, 2L),
                        "sales", List.of(3L, 1L))));
        assertThat(effect.path("byTeam").get(0).path("team").asString())
                .as("the team with most violations first")
                .isEqualTo("marketing");
        List<String> previewed = new ArrayList<>();
        effect.path("violations").forEach(violation -> {
            previewed.add(violation.path("productId").asString());
            assertThat(violation.path("team").asString())
                    .isEqualTo(teams.get(violation.path("productId").asString()));
            assertThat(violation.path("productName").asString()).startsWith("Product ");
            assertThat(violation.path("message").asString())
                    .isEqualTo("Say in 40 characters or more what the product is for.");
        });
        assertThat(Api.as("carol").get(BASE + "/" + id, JSON).status())
                .as("a preview stores nothing")
                .isEqualTo(404);

        Api.Response enabled = ApiPolicies.save(id, definition);
        JsonNode saved = enabled.json();
        assertThat(saved.path("inScope").asLong())
                .isEqualTo(effect.path("evaluated").asLong());
        assertThat(saved.path("failing").asLong())
                .isEqualTo(effect.path("violating").asLong());
        assertThat(saved.path("passing").asLong())
                .isEqualTo(effect.path("passing").asLong());
        assertThat(saved.path("passRate").asDouble()).isEqualTo(0.5);
        JsonNode listed = null;
        for (JsonNode policy : Api.as("dave").get(BASE, JSON).json()) {
            if (policy.path("id").asString().equals(id)) {
                listed = policy;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("failing").asLong())
                .isEqualTo(effect.path("violating").asLong());
        assertThat(listed.path("inScope").asLong())
                .isEqualTo(effect.path("evaluated").asLong());

        List<String> stored = new ArrayList<>();
        Map<String, List<Long>> storedByTeam = new TreeMap<>();
        for (String product : teams.keySet()) {
            JsonNode results = Api.as("dave")
                    .get("/api/v1/data-products/" + product + "/compliance", JSON)
                    .json();
            JsonNode result = resultOf(results, id);
            assertThat(result.path("passed").asBoolean()).as(product).isEqualTo(keeps.get(product));
            List<Long> counts = storedByTeam.getOrDefault(teams.get(product), List.of(0L, 0L));
            storedByTeam.put(
                    teams.get(product),
                    List.of(
                            counts.get(0) + 1,
                            counts.get(1) + (result.path("passed").asBoolean() ? 0 : 1)));
            if (!result.path("passed").asBoolean()) {
                stored.add(product);
            }
        }
        assertThat(stored).containsExactlyInAnyOrderElementsOf(previewed);
        assertThat(storedByTeam).isEqualTo(byTeam);
    }

    @Test
    void compliance_answers_the_spec_shape_and_trust_explains_each_point() {
        String id = policies.policyId("shape");
        ApiPolicies.save(id, policies.purposePolicy("advisory"));
        String product = policies.productId("shape");
        policies.published("alice", product, "sales", "short");

        Api.Response response = Api.as("dave").get("/api/v1/data-products/" + product + "/compliance", JSON);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode result = resultOf(response.json(), id);
        assertThat(result.path("passed").asBoolean()).isFalse();
        assertThat(result.path("message").asString())
                .isEqualTo("Say in 40 characters or more what the product is for.");
        assertThat(result.has("exemptUntil")).as("only while exempt").isFalse();
        assertThat(result.has("exemptionReason")).isFalse();
        assertThat(result.path("title").asString()).isEqualTo("Purpose of substance " + policies.tag);
        assertThat(result.path("severity").asString()).isEqualTo("high");
        assertThat(result.path("mode").asString()).isEqualTo("advisory");
        assertThat(result.path("enforceOn").asString()).isEqualTo("publish");
        assertThat(result.path("path").asString()).isEqualTo("/description/purpose");
        assertThat(result.path("since").asString()).isNotBlank();
        assertThat(result.path("evaluatedAt").asString()).isNotBlank();

        JsonNode trust = Api.as("dave")
                .get("/api/v1/data-products/" + product + "/trust", JSON)
                .json();
        assertThat(strings(trust.path("points"), "component"))
                .containsExactly("policies", "sla", "review", "documentation", "agreements");
        long sum = 0;
        for (JsonNode point : trust.path("points")) {
            assertThat(point.path("earned").asInt())
                    .isBetween(0, point.path("max").asInt());
            assertThat(point.path("reason").asString()).isNotBlank();
            sum += point.path("earned").asInt();
        }
        assertThat(trust.path("score").asLong()).isEqualTo(sum);
        assertThat(trust.path("points").get(0).path("earned").asInt())
                .as("the broken policy costs points")
                .isLessThan(trust.path("points").get(0).path("max").asInt());
        assertThat(trust.path("evaluatedAt").asString()).isNotBlank();
    }

    @Test
    void a_product_not_evaluated_yet_has_no_score_and_no_points() {
        String product = policies.productId("unscored");
        policies.published("alice", product, "sales", LONG_PURPOSE);
        PendingEvents.awaitHandled(jdbc, product);
        jdbc.sql("delete from product_trust where product_id = :id")
                .param("id", product)
                .update();

        Api.Response trust = Api.as("bob").get("/api/v1/data-products/" + product + "/trust", JSON);
        assertThat(trust.status()).isEqualTo(200);
        assertThat(trust.json().path("score").isNull()).isTrue();
        assertThat(trust.json().path("evaluatedAt").isNull()).isTrue();
        assertThat(trust.json().path("points").isEmpty()).isTrue();
    }

    @Test
    void the_openapi_document_lists_every_policy_call() {
        JsonNode paths = Api.as("dave").get("/v3/api-docs", JSON).json().path("paths");
        assertThat(paths.path("/api/v1/policies").has("get")).isTrue();
        JsonNode one = paths.path("/api/v1/policies/{id}");
        assertThat(one.has("put")).isTrue();
        assertThat(one.has("get")).isTrue();
        assertThat(one.has("delete")).isTrue();
        assertThat(one.path("put").path("requestBody").path("content").has("application/yaml"))
                .isTrue();
        assertThat(one.path("put").path("responses").has("409")).isTrue();
        assertThat(paths.path("/api/v1/policies/{id}/history").has("get")).isTrue();
        assertThat(paths.path("/api/v1/policies/{id}/preview").has("post")).isTrue();
        assertThat(paths.path("/api/v1/data-products/{id}/compliance").has("get"))
                .isTrue();
        assertThat(paths.path("/api/v1/data-products/{id}/trust").has("get")).isTrue();
    }

    private void product(
            String stem, String user, String team, boolean keeps, Map<String, String> teams, Map<String, Boolean> all) {
        String id = policies.productId(stem);
        policies.published(user, id, team, keeps ? LONG_PURPOSE : "Too short.");
        teams.put(id, team);
        all.put(id, keeps);
    }

    /** The policy's result among a product's compliance (policies of other tests cover other products only). */
    private static JsonNode resultOf(JsonNode compliance, String policy) {
        for (JsonNode result : compliance) {
            if (result.path("policy").asString().equals(policy)) {
                return result;
            }
        }
        throw new AssertionError("No result of " + policy + " in " + compliance);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.path(field).asString()));
        return values;
    }
}

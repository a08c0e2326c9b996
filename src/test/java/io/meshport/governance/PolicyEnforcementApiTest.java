package io.meshport.governance;

import static io.meshport.governance.ApiPolicies.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Policies written through the API at work on the catalog's API: an enforced one refuses a
 * product or contract write that breaks it, naming itself and pointing at its path, and nothing
 * of the write is kept; an advisory one lets the write through and the product's compliance shows
 * the violation.
 */
@MeshportTest
class PolicyEnforcementApiTest {

    final ApiPolicies policies = new ApiPolicies();

    @AfterEach
    void retirePolicies() {
        policies.retireAll();
    }

    @Test
    void an_enforced_policy_refuses_a_product_put_that_breaks_it_naming_its_title_at_its_path() {
        ApiPolicies.save(policies.policyId("enforced"), policies.purposePolicy("enforced"));
        String product = policies.productId("refused");

        Api.Response refused = policies.publish("alice", product, "sales", "Too short.");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.path("type").asString()).endsWith("/problems/policy-violation");
        assertThat(refused.pointers()).containsExactly("/description/purpose");
        assertThat(problem.path("errors").get(0).path("message").asString())
                .contains("Purpose of substance " + policies.tag)
                .contains("Say in 40 characters or more");
        assertThat(Api.as("alice").get("/api/v1/data-products/" + product, JSON).status())
                .as("nothing is stored")
                .isEqualTo(404);

        policies.published("alice", product, "sales", ApiPolicies.LONG_PURPOSE);
        Api.Response shortened = policies.publish("alice", product, "sales", "Too short.");
        assertThat(shortened.status()).as(shortened.toString()).isEqualTo(400);
        assertThat(Api.as("alice")
                        .get("/api/v1/data-products/" + product, JSON)
                        .json()
                        .path("description")
                        .path("purpose")
                        .asString())
                .as("the product is as it was")
                .isEqualTo(ApiPolicies.LONG_PURPOSE);
    }

    @Test
    void an_advisory_policy_lets_the_put_through_and_compliance_shows_the_failure() {
        String policy = policies.policyId("advisory");
        ApiPolicies.save(policy, policies.purposePolicy("advisory"));
        String product = policies.productId("advised");

        Api.Response published = policies.publish("bob", product, "marketing", "Too short.");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        JsonNode result = null;
        for (JsonNode each : Api.as("bob")
                .get("/api/v1/data-products/" + product + "/compliance", JSON)
                .json()) {
            if (each.path("policy").asString().equals(policy)) {
                result = each;
            }
        }
        assertThat(result).isNotNull();
        assertThat(result.path("passed").asBoolean()).isFalse();
        assertThat(result.path("message").asString())
                .isEqualTo("Say in 40 characters or more what the product is for.");
        assertThat(result.path("mode").asString()).isEqualTo("advisory");
    }

    @Test
    void a_contract_put_that_takes_from_an_offering_product_what_an_enforced_policy_requires_is_refused() {
        String contract = policies.productId("contract");
        String product = policies.productId("offering");
        publish("/api/v1/data-contracts/" + contract, contract(contract, true));
        publish("/api/v1/data-products/" + product, """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: Offering %s
                status: active
                tags: [%s]
                description: {purpose: Orders with an availability promise.}
                team: {name: sales}
                outputPorts:
                  - {name: orders, version: 1.0.0, contractId: %s}
                """.formatted(product, product, policies.tag, contract));
        ObjectNode definition = policies.definition(
                "Availability promised " + policies.tag,
                "enforced",
                "size(contracts) > 0 && contracts.all(c, has(c.slaProperties)"
                        + " && c.slaProperties.exists(s, s.property == 'availability'))",
                "/outputPorts");
        definition.put("message", "Every output port's contract promises an availability.");
        Api.Response saved = ApiPolicies.save(policies.policyId("availability"), definition);
        assertThat(saved.json().path("failing").asLong()).isZero();
        assertThat(saved.json().path("inScope").asLong()).isEqualTo(1);

        Api.Response refused = Api.as("alice")
                .put("/api/v1/data-contracts/" + contract, contract(contract, false), "application/yaml");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).endsWith("/problems/policy-violation");
        assertThat(refused.pointers()).containsExactly("/outputPorts");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .contains("Availability promised " + policies.tag);
        JsonNode kept =
                Api.as("alice").get("/api/v1/data-contracts/" + contract, JSON).json();
        assertThat(kept.path("slaProperties").get(0).path("property").asString())
                .as("the contract is as it was")
                .isEqualTo("availability");
    }

    private static void publish(String path, String yaml) {
        Api.Response response = Api.as("alice").put(path, yaml, "application/yaml");
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    private static String contract(String id, boolean availability) {
        return """
                apiVersion: v3.1.0
                kind: DataContract
                id: %s
                name: Orders %s
                version: 1.0.0
                status: active
                team: {name: sales}
                schema:
                  - name: orders
                    properties:
                      - {name: order_id, logicalType: string}
                """.formatted(id, id)
                + (availability
                        ? "slaProperties:\n  - {property: availability, value: 99.5, unit: percent}\n"
                        : "slaProperties:\n  - {property: latency, value: 1, unit: d}\n");
    }
}

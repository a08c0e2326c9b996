package io.meshport.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Policies and products through the REST API for one test: every policy it writes covers only the
 * products tagged with the test's own tag, and {@link #retireAll()} retires them afterwards, so no
 * other test's product ever meets them.
 */
final class ApiPolicies {

    static final String BASE = "/api/v1/policies";
    static final String JSON = "application/json";
    static final String PURPOSE_RULE = "has(product.description) && has(product.description.purpose)"
            + " && size(product.description.purpose.trim()) >= 40";
    static final String LONG_PURPOSE = "A purpose long enough to tell a consumer what this product is for.";

    private static final JsonMapper MAPPER = JsonMapper.shared();

    final String tag = "gapi-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> ids = new ArrayList<>();

    /** A fresh policy id of this test, retired afterwards whatever happens to it. */
    String policyId(String stem) {
        String id = stem + "-" + tag;
        ids.add(id);
        return id;
    }

    /** A product id of this test. */
    String productId(String stem) {
        return stem + "-" + tag;
    }

    /** The purpose policy's definition, scoped to this test's tag. */
    ObjectNode purposePolicy(String mode) {
        return definition("Purpose of substance " + tag, mode, PURPOSE_RULE, "/description/purpose");
    }

    ObjectNode definition(String title, String mode, String rule, @Nullable String path) {
        ObjectNode definition = MAPPER.createObjectNode();
        definition.put("title", title);
        definition.put("description", "A consumer decides from the purpose whether the product fits.");
        definition.put("severity", "high");
        definition.put("mode", mode);
        definition.putObject("scope").putArray("tags").add(tag);
        definition.put("rule", rule);
        if (path != null) {
            definition.put("path", path);
        }
        definition.put("message", "Say in 40 characters or more what the product is for.");
        return definition;
    }

    static String json(ObjectNode node) {
        return MAPPER.writeValueAsString(node);
    }

    static Api.Response put(String user, String id, String body) {
        return Api.as(user).put(BASE + "/" + id, body, JSON);
    }

    /** Carol (governance) saves the policy; it must be stored. */
    static Api.Response save(String id, ObjectNode definition) {
        Api.Response response = put("carol", id, json(definition));
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }

    /** A product of this test, tagged with its tag, published by a member of {@code team}. */
    Api.Response publish(String user, String id, String team, String purpose) {
        return Api.as(user).put("/api/v1/data-products/" + id, product(id, team, purpose), "application/yaml");
    }

    void published(String user, String id, String team, String purpose) {
        Api.Response response = publish(user, id, team, purpose);
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    String product(String id, String team, String purpose) {
        return """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: Product %s
                status: draft
                tags: [%s]
                description:
                  purpose: "%s"
                team:
                  name: %s
                """.formatted(id, id, tag, purpose, team);
    }

    /** Retires, as governance, every policy of this test that is still in force or drafted. */
    void retireAll() {
        for (String id : ids) {
            Api.Response policy = Api.as("carol").get(BASE + "/" + id, JSON);
            if (policy.status() == 200 && policy.json().path("retiredAt").isNull()) {
                Api.Response retired = Api.as("carol").delete(BASE + "/" + id);
                assertThat(retired.status()).as(retired.toString()).isEqualTo(204);
            }
        }
    }
}

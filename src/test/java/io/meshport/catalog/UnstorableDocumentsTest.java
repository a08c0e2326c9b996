package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A NUL character, an unpaired surrogate or a number beyond a float in a document is bad input:
 * 400 with a pointer to it (in JSON and YAML, products and contracts), nothing stored; never 409
 * "someone else changed this", which a retrying pipeline would loop on.
 */
@MeshportTest
class UnstorableDocumentsTest {

    static final AtomicInteger NEXT = new AtomicInteger();

    @Test
    void a_nul_character_in_a_json_product_is_a_400_pointing_at_it() {
        assertRefusedProduct(json("\"name\": \"Orders\\u0000Daily\""), "application/json", "/name");
    }

    @Test
    void an_unpaired_surrogate_in_a_json_product_is_a_400_pointing_at_it() {
        assertRefusedProduct(
                json("\"name\": \"Orders\", \"description\": {\"purpose\": \"half \\ud800 a character\"}"),
                "application/json",
                "/description/purpose");
    }

    @Test
    void a_number_beyond_a_float_in_a_json_product_is_a_400_pointing_at_it() {
        assertRefusedProduct(
                json("\"name\": \"Orders\", \"customProperties\": [{\"property\": \"rows\", \"value\": 1e999999}]"),
                "application/json",
                "/customProperties/0/value");
    }

    @Test
    void the_same_in_yaml_products() {
        assertRefusedProduct(yaml("name: \"Orders\\0Daily\"\n"), "application/yaml", "/name");
        assertRefusedProduct(
                yaml("name: Orders\ncustomProperties:\n  - property: rows\n    value: 1e999999\n"),
                "application/yaml",
                "/customProperties/0/value");
        // The YAML reader itself refuses an infinity: a 400 for the whole document.
        assertRefusedProduct(
                yaml("name: Orders\ncustomProperties:\n  - property: rows\n    value: .inf\n"), "application/yaml", "");
    }

    @Test
    void the_same_in_contracts_json_and_yaml() {
        assertRefusedContract(
                contractJson("\"schema\": [{\"name\": \"orders\", \"properties\": [{\"name\": \"id\\u0000\"}]}]"),
                "application/json",
                "/schema/0/properties/0/name");
        assertRefusedContract(
                contractJson("\"slaProperties\": [{\"property\": \"availability\", \"value\": 1e999999}]"),
                "application/json",
                "/slaProperties/0/value");
        assertRefusedContract(
                contractYaml("description:\n  purpose: \"half \\uD800 a character\"\n"),
                "application/yaml",
                "/description/purpose");
    }

    private static String nextId(String kind) {
        return "unstorable-" + kind + "-" + NEXT.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    private String productId;
    private String contractId;

    private String json(String fields) {
        productId = nextId("p");
        return """
                {"apiVersion": "v1.0.0", "kind": "DataProduct", "id": "%s", "status": "draft",
                 "team": {"name": "sales"}, %s}""".formatted(productId, fields);
    }

    private String yaml(String fields) {
        productId = nextId("p");
        return "apiVersion: v1.0.0\nkind: DataProduct\nid: " + productId + "\nstatus: draft\nteam:\n  name: sales\n"
                + fields;
    }

    private String contractJson(String fields) {
        contractId = nextId("c");
        return """
                {"apiVersion": "v3.1.0", "kind": "DataContract", "id": "%s", "version": "1.0.0",
                 "status": "active", "team": {"name": "sales"}, %s}""".formatted(contractId, fields);
    }

    private String contractYaml(String fields) {
        contractId = nextId("c");
        return "apiVersion: v3.1.0\nkind: DataContract\nid: " + contractId
                + "\nversion: 1.0.0\nstatus: active\nteam:\n  name: sales\n" + fields;
    }

    private void assertRefusedProduct(String body, String type, String pointer) {
        assertRefused("/api/v1/data-products/" + productId, body, type, pointer);
    }

    private void assertRefusedContract(String body, String type, String pointer) {
        assertRefused("/api/v1/data-contracts/" + contractId, body, type, pointer);
    }

    private static void assertRefused(String path, String body, String type, String pointer) {
        Api.Response response = Api.as("alice").put(path, body, type);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.pointers()).as(response.toString()).contains(pointer);
        assertThat(Api.as("alice").get(path, "application/json").status()).isEqualTo(404);
    }
}

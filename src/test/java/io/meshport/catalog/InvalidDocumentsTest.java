package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad documents get a 4xx with the reasons, pointing at the field; the stored product stays as
 * it was.
 */
@MeshportTest
class InvalidDocumentsTest {

    static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    String id;
    String path;
    String valid;
    static final String TEMPLATE = """
            apiVersion: v1.0.0
            kind: DataProduct
            id: invalid-docs-target
            name: Invalid Docs Target
            status: draft
            tags: [test]
            team:
              name: sales
            """;

    String stored;

    @BeforeEach
    void aValidProductIsStored() {
        id = "invalid-docs-" + NEXT.incrementAndGet();
        path = "/api/v1/data-products/" + id;
        valid = TEMPLATE.replace("id: invalid-docs-target", "id: " + id);
        Api.Response put = Api.as("alice").put(path, valid, "application/yaml");
        assertThat(put.status()).isIn(200, 201);
        stored = Api.as("alice").get(path, "application/yaml").body();
    }

    @Test
    void a_missing_status_points_at_status() {
        assertRefused(valid.replace("status: draft\n", ""), 400, "/status");
    }

    @Test
    void a_wrong_type_points_at_the_field() {
        assertRefused(valid.replace("tags: [test]", "tags: not-a-list"), 400, "/tags");
    }

    @Test
    void an_unknown_api_version_points_at_it() {
        assertRefused(valid.replace("v1.0.0", "v7.0.0"), 400, "/apiVersion");
    }

    @Test
    void an_unknown_status_points_at_it() {
        assertRefused(valid.replace("status: draft", "status: live"), 400, "/status");
    }

    @Test
    void an_unknown_property_points_at_it() {
        assertRefused(valid + "colour: blue\n", 400, "/colour");
    }

    @Test
    void an_id_other_than_the_urls_points_at_id() {
        assertRefused(valid.replace("id: " + id, "id: someone-else"), 400, "/id");
    }

    @Test
    void going_back_from_deprecated_to_draft_is_refused() {
        String deprecated = valid.replace("status: draft", "status: deprecated");
        assertThat(Api.as("alice").put(path, deprecated, "application/yaml").status())
                .isEqualTo(200);
        stored = Api.as("alice").get(path, "application/yaml").body();
        assertRefused(valid, 400, "/status");
    }

    @Test
    void duplicate_output_ports_point_at_the_second() {
        String ports = """
                outputPorts:
                  - {name: orders, version: 1.0.0}
                  - {name: orders, version: 1.0.0}
                """;
        assertRefused(valid + ports, 400, "/outputPorts/1/name");
    }

    @Test
    void active_without_what_it_needs_lists_every_gap() {
        Api.Response response =
                Api.as("alice").put(path, valid.replace("status: draft", "status: active"), "application/yaml");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.pointers()).contains("/description/purpose", "/outputPorts");
        assertUnchanged();
    }

    @Test
    void malformed_yaml_says_where() {
        Api.Response response = Api.as("alice").put(path, "id: [unclosed\nname: x", "application/yaml");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).contains("line");
        assertUnchanged();
    }

    @Test
    void malformed_json_is_refused() {
        assertThat(Api.as("alice").put(path, "{\"id\": ", "application/json").status())
                .isEqualTo(400);
        assertUnchanged();
    }

    @Test
    void duplicate_keys_are_refused() {
        assertThat(Api.as("alice")
                        .put(path, valid + "status: active\n", "application/yaml")
                        .status())
                .isEqualTo(400);
        assertThat(Api.as("alice")
                        .put(path, "{\"id\":\"" + id + "\",\"id\":\"x\"}", "application/json")
                        .status())
                .isEqualTo(400);
        assertUnchanged();
    }

    @Test
    void a_scalar_or_a_list_is_not_a_document() {
        assertThat(Api.as("alice").put(path, "just text", "application/yaml").status())
                .isEqualTo(400);
        assertThat(Api.as("alice").put(path, "[1, 2]", "application/json").status())
                .isEqualTo(400);
        assertThat(Api.as("alice").put(path, "", "application/json").status()).isEqualTo(400);
        assertUnchanged();
    }

    @Test
    void a_huge_document_is_refused_with_413() {
        String huge =
                valid + "customProperties:\n  - property: padding\n    value: \"" + "x".repeat(2_000_000) + "\"\n";
        Api.Response response = Api.as("alice").put(path, huge, "application/yaml");
        assertThat(response.status()).isEqualTo(413);
        assertUnchanged();
    }

    @Test
    void invalid_utf8_is_refused() {
        byte[] body = (valid + "# \u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Api.as("alice").putBytes(path, body, "application/yaml").status())
                .isEqualTo(400);
        assertUnchanged();
    }

    @Test
    void an_unknown_media_type_is_refused_with_415() {
        assertThat(Api.as("alice").put(path, valid, "text/plain").status()).isEqualTo(415);
        assertUnchanged();
    }

    @Test
    void yaml_alias_bombs_are_refused() {
        StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char previous = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            bomb.append(("*" + previous + ",").repeat(9))
                    .append("*")
                    .append(previous)
                    .append("]\n");
        }
        Api.Response response = Api.as("alice").put(path, bomb.toString(), "application/yaml");
        assertThat(response.status()).isEqualTo(400);
        assertUnchanged();
    }

    @Test
    void a_missing_product_is_404_as_a_problem() {
        Api.Response response = Api.as("alice").get("/api/v1/data-products/no-such-product", "application/json");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    private void assertRefused(String document, int status, String pointer) {
        Api.Response response = Api.as("alice").put(path, document, "application/yaml");
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.pointers()).as(response.toString()).contains(pointer);
        assertUnchanged();
    }

    private void assertUnchanged() {
        assertThat(Api.as("alice").get(path, "application/yaml").body()).isEqualTo(stored);
    }
}

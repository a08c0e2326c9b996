package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@MeshportTest
class OpenApiDocumentTest {

    @Test
    void the_openapi_document_describes_the_catalog_api_for_any_valid_token() {
        assertThat(Api.anonymous().get("/v3/api-docs", "application/json").status())
                .isEqualTo(401);

        Api.Response response = Api.as("dave").get("/v3/api-docs", "application/json");
        assertThat(response.status()).isEqualTo(200);
        JsonNode paths = response.json().path("paths");
        assertThat(paths.has("/api/v1/data-products/{id}")).isTrue();
        assertThat(paths.path("/api/v1/data-products/{id}").has("put")).isTrue();
        assertThat(paths.path("/api/v1/data-products/{id}").has("delete")).isTrue();
        assertThat(paths.has("/api/v1/data-contracts/{id}")).isTrue();
        assertThat(response.json().path("openapi").asString()).startsWith("3.");
    }

    @Test
    void the_openapi_document_describes_contract_versions_and_the_acknowledgement() {
        JsonNode paths =
                Api.as("dave").get("/v3/api-docs", "application/json").json().path("paths");

        assertThat(paths.path("/api/v1/data-contracts/{id}/versions").has("get"))
                .isTrue();
        assertThat(parameters(paths.path("/api/v1/data-contracts/{id}").path("get")))
                .contains("version");
        assertThat(parameters(paths.path("/api/v1/data-contracts/{id}").path("put")))
                .contains("acknowledgeBreaking");
        assertThat(paths.path("/api/v1/data-contracts/{id}")
                        .path("put")
                        .path("responses")
                        .path("409")
                        .path("description")
                        .asString())
                .contains("breaking-change");
    }

    private static java.util.List<String> parameters(JsonNode operation) {
        return operation
                .path("parameters")
                .valueStream()
                .map(parameter -> parameter.path("name").asString())
                .toList();
    }
}

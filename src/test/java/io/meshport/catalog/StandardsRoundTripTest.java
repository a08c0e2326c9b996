package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The standards' own example documents (not written by us, vendored with their licences in
 * {@code src/test/resources/standards-examples}) import through the API, validate, and come back
 * out as they went in.
 */
@MeshportTest
class StandardsRoundTripTest {

    static final String STANDARDS = "/standards-examples/";
    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Path> contracts() throws IOException {
        return fixtures("odcs");
    }

    static Stream<Path> products() throws IOException {
        return fixtures("odps");
    }

    static Stream<Path> fixtures(String standard) throws IOException {
        URL folder = StandardsRoundTripTest.class.getResource(STANDARDS + standard);
        assertThat(folder).as("the vendored examples of " + standard).isNotNull();
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            examples =
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        // An empty folder would make the parameterised tests pass by running nothing.
        assertThat(examples).as("examples of " + standard).isNotEmpty();
        return examples.stream();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void every_official_contract_example_imports_and_exports_unchanged(Path file) throws IOException {
        String yaml = Files.readString(file);
        JsonNode original = YAML.readTree(yaml);
        String id = original.path("id").asString();
        boolean namesTeam = original.path("team").path("name").isString();
        String path = "/api/v1/data-contracts/" + id + (namesTeam ? "" : "?team=finance");

        Api.Response put = Api.as("carol").put(path, yaml, "application/yaml");
        assertThat(put.status()).as(put.toString()).isIn(200, 201);
        assertThat(put.header("ETag")).isNotBlank();

        Api.Response asYaml = Api.as("dave").get("/api/v1/data-contracts/" + id, "application/yaml");
        assertThat(asYaml.status()).isEqualTo(200);
        assertThat(asYaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(asYaml.body()).isEqualTo(yaml);

        Api.Response asJson = Api.as("dave").get("/api/v1/data-contracts/" + id, "application/json");
        assertThat(JSON.readTree(asJson.body())).isEqualTo(original);
    }

    @ParameterizedTest
    @MethodSource("products")
    void every_official_product_example_imports_and_exports_unchanged(Path file) throws IOException {
        String yaml = Files.readString(file);
        JsonNode original = YAML.readTree(yaml);
        String id = original.path("id").asString();
        // An active product's output contracts must be in the catalog, with an SLA: publish them.
        for (JsonNode port : original.path("outputPorts")) {
            String contractId = port.path("contractId").asString();
            Api.Response contract = Api.as("alice")
                    .put("/api/v1/data-contracts/" + contractId, contractWithSla(contractId), "application/yaml");
            assertThat(contract.status()).as(contract.toString()).isIn(200, 201);
        }

        Api.Response put = Api.as("alice").put("/api/v1/data-products/" + id, yaml, "application/yaml");
        assertThat(put.status()).as(put.toString()).isIn(200, 201);

        Api.Response asYaml = Api.as("bob").get("/api/v1/data-products/" + id, "application/yaml");
        assertThat(asYaml.body()).isEqualTo(yaml);
        Api.Response asJson = Api.as("bob").get("/api/v1/data-products/" + id, "application/json");
        assertThat(JSON.readTree(asJson.body())).isEqualTo(original);
        assertThat(asJson.header("ETag")).isEqualTo(put.header("ETag"));
    }

    @Test
    void a_json_document_comes_back_as_json_and_as_equivalent_yaml() {
        String json = """
                {"apiVersion":"v1.0.0","kind":"DataProduct","id":"json-round-trip","status":"draft",
                 "name":"JSON Round Trip","team":{"name":"sales"},
                 "customProperties":[{"property":"costCenter","value":{"code":42,"shared":true}}],
                 "outputPorts":[{"name":"out","version":"1.0.0","type":"table"}]}""";
        assertThat(Api.as("alice")
                        .put("/api/v1/data-products/json-round-trip", json, "application/json")
                        .status())
                .isEqualTo(201);
        Api.Response asJson = Api.as("alice").get("/api/v1/data-products/json-round-trip", "application/json");
        assertThat(asJson.body()).isEqualTo(json);
        Api.Response asYaml = Api.as("alice").get("/api/v1/data-products/json-round-trip", "application/yaml");
        assertThat(YAML.readTree(asYaml.body())).isEqualTo(JSON.readTree(json));
    }

    static String contractWithSla(String id) {
        return """
                apiVersion: v3.1.0
                kind: DataContract
                id: %s
                version: 1.0.0
                status: active
                team:
                  name: sales
                slaProperties:
                  - property: availability
                    value: 99.9
                    unit: percent
                """.formatted(id);
    }
}

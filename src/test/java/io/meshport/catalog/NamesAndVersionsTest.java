package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the form refuses the API refuses too: names of at most 200 characters, versions that are
 * semantic versions, and a second product named like another team's only when asked for.
 */
@MeshportTest
class NamesAndVersionsTest {

    static final AtomicInteger NEXT = new AtomicInteger();

    static String product(String id, String name, String version, String team) {
        return """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: "%s"
                version: "%s"
                status: draft
                team:
                  name: %s
                outputPorts:
                  - name: out
                    version: 1.0.0
                """.formatted(id, name, version, team);
    }

    static String contract(String id, String name, String version) {
        return """
                apiVersion: v3.1.0
                kind: DataContract
                id: %s
                name: "%s"
                version: "%s"
                status: active
                team:
                  name: sales
                """.formatted(id, name, version);
    }

    static String id() {
        return "names-versions-" + NEXT.incrementAndGet();
    }

    @Test
    void a_ten_thousand_character_name_is_refused_with_a_pointer_and_two_hundred_are_accepted() {
        String id = id();
        Api.Response refused = Api.as("alice")
                .put(
                        "/api/v1/data-products/" + id,
                        product(id, "n".repeat(10_000), "1.0.0", "sales"),
                        "application/yaml");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.pointers()).containsExactly("/name");
        assertThat(refused.body()).contains("at most 200 characters");
        assertThat(Api.as("alice")
                        .get("/api/v1/data-products/" + id, "application/json")
                        .status())
                .isEqualTo(404);

        Api.Response accepted = Api.as("alice")
                .put("/api/v1/data-products/" + id, product(id, "n".repeat(200), "1.0.0", "sales"), "application/yaml");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    }

    @Test
    void a_contract_name_over_two_hundred_characters_is_refused() {
        String id = id();
        Api.Response refused = Api.as("alice")
                .put("/api/v1/data-contracts/" + id, contract(id, "c".repeat(201), "1.0.0"), "application/yaml");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.pointers()).containsExactly("/name");
    }

    @Test
    void versions_that_are_not_semantic_are_refused_for_products_ports_and_contracts() {
        for (String version : new String[] {"one.two", "not a version", "1.0", "1.0.0.0", "01.0.0"}) {
            String id = id();
            Api.Response product = Api.as("alice")
                    .put(
                            "/api/v1/data-products/" + id,
                            product(id, "Versioned " + id, version, "sales"),
                            "application/yaml");
            assertThat(product.status()).as(version + ": " + product).isEqualTo(400);
            assertThat(product.pointers()).as(version).containsExactly("/version");

            Api.Response port = Api.as("alice")
                    .put(
                            "/api/v1/data-products/" + id,
                            product(id, "Versioned " + id, "1.0.0", "sales")
                                    .replace("    version: 1.0.0", "    version: \"" + version + "\""),
                            "application/yaml");
            assertThat(port.status()).as(version + ": " + port).isEqualTo(400);
            assertThat(port.pointers()).as(version).containsExactly("/outputPorts/0/version");

            Api.Response contract = Api.as("alice")
                    .put("/api/v1/data-contracts/" + id, contract(id, "Contract " + id, version), "application/yaml");
            assertThat(contract.status()).as(version + ": " + contract).isEqualTo(400);
            assertThat(contract.pointers()).as(version).containsExactly("/version");
            assertThat(Api.as("alice")
                            .get("/api/v1/data-contracts/" + id, "application/json")
                            .status())
                    .isEqualTo(404);
        }
        String id = id();
        assertThat(Api.as("alice")
                        .put(
                                "/api/v1/data-products/" + id,
                                product(id, "Versioned " + id, "2.1.0-beta.1+build.7", "sales"),
                                "application/yaml")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void another_teams_product_name_is_refused_unless_the_caller_allows_a_duplicate() {
        String original = id();
        String name = "Look-alike Orders " + original;
        assertThat(Api.as("alice")
                        .put(
                                "/api/v1/data-products/" + original,
                                product(original, name, "1.0.0", "sales"),
                                "application/yaml")
                        .status())
                .isEqualTo(201);

        String sameTeam = id();
        assertThat(Api.as("alice")
                        .put(
                                "/api/v1/data-products/" + sameTeam,
                                product(sameTeam, name, "1.0.0", "sales"),
                                "application/yaml")
                        .status())
                .as("a team may name two of its own products alike")
                .isEqualTo(201);

        String copy = id();
        Api.Response refused = Api.as("bob")
                .put(
                        "/api/v1/data-products/" + copy,
                        product(copy, name.toUpperCase(java.util.Locale.ROOT), "1.0.0", "marketing"),
                        "application/yaml");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.pointers()).containsExactly("/name");
        assertThat(refused.body()).contains("sales").contains(original).contains("allowDuplicateName=true");
        assertThat(Api.as("bob")
                        .get("/api/v1/data-products/" + copy, "application/json")
                        .status())
                .isEqualTo(404);

        Api.Response allowed = Api.as("bob")
                .put(
                        "/api/v1/data-products/" + copy + "?allowDuplicateName=true",
                        product(copy, name, "1.0.0", "marketing"),
                        "application/yaml");
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(201);
        // Once published, saving it again under the same name needs no new permission.
        assertThat(Api.as("bob")
                        .put(
                                "/api/v1/data-products/" + copy,
                                product(copy, name, "1.0.1", "marketing"),
                                "application/yaml")
                        .status())
                .isEqualTo(200);
    }
}

package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every published version of a contract is kept and readable, through the API and the service:
 * one per version label (a later revision of a label replaces what it holds), newest first, each
 * with its semantic changes from the version before.
 */
@MeshportTest
class ContractVersionsTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    private final String id =
            "versions-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    @Test
    void each_published_version_is_listed_newest_first_with_its_changes() {
        assertThat(put(contract("1.0.0", "      - name: note\n        logicalType: string\n"))
                        .status())
                .isEqualTo(201);
        assertThat(put(contract("1.1.0", "")).status()).isEqualTo(200);

        Api.Response versions = Api.as("bob").get(versionsPath(), "application/json");

        assertThat(versions.status()).as(versions.toString()).isEqualTo(200);
        JsonNode list = versions.json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("version").asString()).isEqualTo("1.1.0");
        assertThat(list.get(0).path("publishedBy").asString()).isEqualTo("Alice Andersen");
        assertThat(list.get(0).path("publishedAt").asString()).isNotBlank();
        assertThat(list.get(0).path("breaking").asBoolean())
                .as("removing a property breaks readers")
                .isTrue();
        assertThat(list.get(0).path("changes").get(0).path("kind").asString()).isEqualTo("PROPERTY_REMOVED");
        assertThat(list.get(0).path("changes").get(0).path("line").asString())
                .isEqualTo("Removed property orders.note (breaking)");
        assertThat(list.get(1).path("version").asString()).isEqualTo("1.0.0");
        assertThat(list.get(1).path("changes")).isEmpty();
        assertThat(list.get(1).path("breaking").asBoolean()).isFalse();
    }

    @Test
    void an_earlier_version_is_answered_in_json_and_yaml() {
        put(contract("1.0.0", "      - name: note\n        logicalType: string\n"));
        put(contract("2.0.0", ""));

        Api.Response yaml = Api.as("dave").get(path() + "?version=1.0.0", "application/yaml");
        assertThat(yaml.status()).as(yaml.toString()).isEqualTo(200);
        assertThat(yaml.body()).contains("version: 1.0.0").contains("name: note");
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");

        Api.Response json = Api.as("dave").get(path() + "?version=1.0.0", "application/json");
        assertThat(json.json().path("version").asString()).isEqualTo("1.0.0");

        assertThat(Api.as("dave")
                        .get(path(), "application/json")
                        .json()
                        .path("version")
                        .asString())
                .as("without version=, the current one")
                .isEqualTo("2.0.0");
    }

    @Test
    void republishing_the_same_version_replaces_what_it_holds_and_history_keeps_both() {
        put(contract("1.0.0", ""));
        put(contract("1.1.0", ""));
        put(contract("1.1.0", "      - name: added\n        logicalType: string\n"));

        List<ContractVersionSummary> versions = RunAs.user("dave", List.of(), () -> catalog.contractVersions(id));

        assertThat(versions).extracting(ContractVersionSummary::version).containsExactly("1.1.0", "1.0.0");
        assertThat(versions.getFirst().changes())
                .as("compared with the version before the label, not with the previous revision")
                .extracting(ContractChange::line)
                .containsExactly("Added property orders.added");
        assertThat(Api.as("dave")
                        .get(path() + "?version=1.1.0", "application/yaml")
                        .body())
                .contains("name: added");
        assertThat(jdbc.sql("select count(*) from change_record where subject_type = 'contract' and subject_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void the_diff_between_two_versions_is_served_by_the_service() {
        put(contract("1.0.0", "      - name: note\n        logicalType: string\n"));
        put(contract("2.0.0", ""));

        List<ContractChange> diff = RunAs.user("dave", List.of(), () -> catalog.contractDiff(id, "1.0.0", "2.0.0"));
        List<ContractChange> back = RunAs.user("dave", List.of(), () -> catalog.contractDiff(id, "2.0.0", "1.0.0"));

        assertThat(diff).extracting(ContractChange::kind).containsExactly(ContractChange.Kind.PROPERTY_REMOVED);
        assertThat(back).extracting(ContractChange::kind).containsExactly(ContractChange.Kind.PROPERTY_ADDED);
    }

    @Test
    void an_unknown_contract_or_version_is_a_404_problem() {
        put(contract("1.0.0", ""));

        Api.Response noContract =
                Api.as("dave").get("/api/v1/data-contracts/" + id + "-none/versions", "application/json");
        assertThat(noContract.status()).isEqualTo(404);
        assertThat(noContract.header("Content-Type")).startsWith("application/problem+json");

        Api.Response noVersion = Api.as("dave").get(path() + "?version=9.9.9", "application/json");
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.json().path("detail").asString()).contains("no version '9.9.9'");
        assertThat(Api.as("dave")
                        .get("/api/v1/data-contracts/" + id + "-none?version=1.0.0", "application/json")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void odd_version_parameters_are_4xx_problems_never_5xx() {
        put(contract("1.0.0", ""));
        List<String> odd = List.of(
                "version=",
                "version=%20",
                "version=" + "9".repeat(10_000),
                "version=" + URLEncoder.encode("1.0.0-ß✓😀", StandardCharsets.UTF_8),
                "version=" + URLEncoder.encode("ünïcödé", StandardCharsets.UTF_8),
                "version=1.0.0&version=1.0.0",
                "version=1.0.0,2.0.0",
                "version=%00");
        for (String query : odd) {
            Api.Response response = Api.as("dave").get(path() + "?" + query, "application/json");
            assertThat(response.status())
                    .as(query.length() > 60 ? query.substring(0, 60) : query)
                    .isBetween(400, 499);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(Api.as("dave")
                        .get(path() + "?version=1.0.0", "application/json")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void the_migration_gave_every_contract_stored_before_it_a_version() {
        assertThat(jdbc.sql("""
                        select count(*) from data_contract c
                         where not exists (select 1 from contract_version v
                                            where v.contract_id = c.id and v.version = c.version)
                        """).query(Long.class).single()).isZero();
    }

    // ------------------------------------------------------------------ helpers

    private Api.Response put(String yaml) {
        Api.Response response = Api.as("alice").put(path(), yaml, "application/yaml");
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response;
    }

    private String path() {
        return "/api/v1/data-contracts/" + id;
    }

    private String versionsPath() {
        return path() + "/versions";
    }

    /** An ODCS 3.1 contract owned by sales, with an id and an amount, and more properties as given. */
    private String contract(String version, String moreProperties) {
        return """
                apiVersion: v3.1.0
                kind: DataContract
                id: %s
                name: Orders %s
                version: %s
                status: active
                team:
                  name: sales
                schema:
                  - name: orders
                    properties:
                      - name: id
                        logicalType: string
                        required: true
                      - name: amount
                        logicalType: number
                """.formatted(id, id, version) + moreProperties;
    }
}

package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A breaking change to a contract that other teams read (their products' input ports, approved
 * agreements) needs a new major version or an explicit acknowledgement; whatever is published,
 * each consumer team is told once, with the changes.
 */
@MeshportTest
class BreakingChangesTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    private final String s = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final String contract = "cv-" + s;

    // ------------------------------------------------------------------ the rule

    @Test
    void a_breaking_change_under_the_same_major_version_is_refused_with_409_naming_changes_and_teams() {
        withConsumers();
        String storedBefore = document();

        Api.Response refused = put(contractYaml("1.1.0", false), "");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.path("type").asString()).isEqualTo("/problems/breaking-change");
        assertThat(problem.path("breakingChanges").get(0).asString())
                .isEqualTo("Removed property orders.note (breaking)");
        assertThat(problem.path("consumerTeams").valueStream().map(JsonNode::asString))
                .containsExactly("finance", "marketing");
        assertThat(problem.path("detail").asString())
                .contains("Removed property orders.note")
                .contains("finance, marketing")
                .contains("Publish it as version 2.0.0 or acknowledge");
        assertThat(problem.path("nextMajorVersion").asString()).isEqualTo("2.0.0");

        // Nothing of the refused document is stored.
        assertThat(document()).isEqualTo(storedBefore);
        assertThat(versions()).containsExactly("1.0.0");
        assertThat(changeRecords()).isEqualTo(1);
        assertThat(notifications()).isZero();
    }

    @Test
    void a_breaking_change_as_a_new_major_version_is_published() {
        withConsumers();

        Api.Response published = put(contractYaml("2.0.0", false), "");

        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(versions()).containsExactly("2.0.0", "1.0.0");
        assertThat(RunAs.user("dave", List.of(), () -> catalog.contractVersions(contract))
                        .getFirst()
                        .breaking())
                .isTrue();
    }

    @Test
    void a_breaking_change_acknowledged_through_the_api_is_published_under_the_same_major() {
        withConsumers();

        Api.Response published = put(contractYaml("1.1.0", false), "?acknowledgeBreaking=true");

        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(versions()).containsExactly("1.1.0", "1.0.0");
    }

    @Test
    void an_acknowledgement_that_is_not_a_boolean_is_a_400_problem() {
        withConsumers();

        for (String odd : List.of("maybe", "", "%E2%9C%93", "1".repeat(5000))) {
            Api.Response response = put(contractYaml("1.1.0", false), "?acknowledgeBreaking=" + odd);
            assertThat(response.status())
                    .as(odd.length() > 20 ? odd.substring(0, 20) : odd)
                    .isBetween(400, 409);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(versions()).containsExactly("1.0.0");
    }

    @Test
    void a_non_breaking_change_to_a_contract_with_consumers_publishes_as_before() {
        withConsumers();

        Api.Response published = put(contractYaml("1.0.1", true).replace("        required: true\n", ""), "");

        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(versions()).containsExactly("1.0.1", "1.0.0");
    }

    @Test
    void a_breaking_change_to_a_contract_nobody_else_reads_publishes_as_before() {
        assertThat(put(contractYaml("1.0.0", true), "").status()).isEqualTo(201);

        assertThat(put(contractYaml("1.0.1", false), "").status()).isEqualTo(200);

        assertThat(versions()).containsExactly("1.0.1", "1.0.0");
    }

    @Test
    void the_product_form_path_refuses_without_the_acknowledgement_and_publishes_with_it() {
        withConsumers();
        String provider = "cv-provider-" + s;
        String product = "{\"apiVersion\":\"v1.0.0\",\"kind\":\"DataProduct\",\"id\":\"" + provider
                + "\",\"name\":\"Provider " + s + "\",\"status\":\"draft\",\"team\":{\"name\":\"sales\"},"
                + "\"outputPorts\":[{\"name\":\"out\",\"version\":\"1.0.0\",\"contractId\":\"" + contract + "\"}]}";
        String changed = asJson(contractYaml("1.1.0", false));

        assertThatThrownBy(() -> RunAs.user(
                        "alice",
                        List.of("sales"),
                        () -> catalog.publishWithContracts(product, List.of(changed), null, null, false, false)))
                .isInstanceOf(BreakingChangeException.class)
                .hasMessageContaining("Publish it as version 2.0.0 or acknowledge");
        assertThat(RunAs.user("dave", List.of(), () -> catalog.exportContract(contract, DocumentFormat.JSON))
                        .orElseThrow()
                        .content())
                .contains("\"note\"");
        assertThat(RunAs.user("dave", List.of(), () -> catalog.find(provider))).isEmpty();
        assertThat(versions()).containsExactly("1.0.0");

        RunAs.user(
                "alice",
                List.of("sales"),
                () -> catalog.publishWithContracts(product, List.of(changed), null, null, false, true));

        assertThat(versions()).containsExactly("1.1.0", "1.0.0");
        assertThat(RunAs.user("dave", List.of(), () -> catalog.find(provider))).isPresent();
    }

    // ------------------------------------------------------------------ who is told

    @Test
    void a_breaking_version_tells_every_consumer_team_once_with_the_changes() {
        withConsumers();
        // A second marketing product reads it too, and marketing has an agreement: still told once.
        publishReader("cv-reader2-" + s, "bob", "marketing");
        agreement("marketing");

        assertThat(put(contractYaml("2.0.0", false), "").status()).isEqualTo(200);
        PendingEvents.awaitHandled(jdbc, contract);

        List<Notice> told = told();
        assertThat(told).extracting(Notice::team).containsExactlyInAnyOrder("marketing", "finance");
        assertThat(told).allSatisfy(notice -> {
            assertThat(notice.kind()).isEqualTo("CONTRACT_CHANGED");
            assertThat(notice.message())
                    .startsWith("Breaking version 2.0.0 of contract Orders " + s + " (" + contract + ")")
                    .contains("published by Alice Andersen (team sales)")
                    .endsWith(": Removed property orders.note (breaking).");
            assertThat(notice.link()).isEqualTo("contracts/" + contract);
        });
        assertThat(told.stream().filter(notice -> notice.team().equals("marketing")))
                .singleElement()
                .satisfies(notice -> assertThat(notice.message())
                        .contains("which Product cv-reader-" + s + ", Product cv-reader2-" + s + " read,"));
        assertThat(told.stream().filter(notice -> notice.team().equals("finance")))
                .singleElement()
                .satisfies(notice -> assertThat(notice.message()).contains("which team finance reads,"));
    }

    @Test
    void a_non_breaking_version_tells_the_consumer_teams_without_calling_it_breaking() {
        withConsumers();

        assertThat(put(contractYaml("1.1.0", true) + "      - name: added\n        logicalType: string\n", "")
                        .status())
                .isEqualTo(200);
        PendingEvents.awaitHandled(jdbc, contract);

        List<Notice> told = told();
        assertThat(told).extracting(Notice::team).containsExactlyInAnyOrder("marketing", "finance");
        assertThat(told).allSatisfy(notice -> assertThat(notice.message())
                .startsWith("Version 1.1.0 of contract Orders " + s)
                .endsWith(": Added property orders.added.")
                .doesNotContainIgnoringCase("breaking"));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The contract (sales, 1.0.0), a marketing product whose input port reads it, and an approved
     * agreement of team finance on a port that offers it.
     */
    private void withConsumers() {
        assertThat(put(contractYaml("1.0.0", true), "").status()).isEqualTo(201);
        publishReader("cv-reader-" + s, "bob", "marketing");
        agreement("finance");
    }

    private void agreement(String consumerTeam) {
        Long someone =
                jdbc.sql("select min(id) from app_user").query(Long.class).single();
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into access_agreement (id, product_id, output_port, output_port_version, contract_id,
                               contract_version, provider_team, consumer_team, purpose, starts_on, status,
                               requested_by, requested_by_name, requested_at, updated_at)
                        values (:id, :product, 'out', '1.0.0', :contract, '1.0.0', 'sales', :team,
                                'Month-end reports', :today, 'approved', :by, 'Carol', :now, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("product", "cv-provider-" + s)
                .param("contract", contract)
                .param("team", consumerTeam)
                .param("today", LocalDate.now())
                .param("by", someone)
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    private void publishReader(String id, String user, String team) {
        String yaml = TestDocuments.product(id, team, "draft")
                + "inputPorts:\n  - name: in\n    version: 1.0.0\n    contractId: " + contract + "\n";
        Api.Response response = Api.as(user).put("/api/v1/data-products/" + id, yaml, "application/yaml");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private Api.Response put(String yaml, String query) {
        return Api.as("alice").put("/api/v1/data-contracts/" + contract + query, yaml, "application/yaml");
    }

    private String document() {
        return Api.as("dave")
                .get("/api/v1/data-contracts/" + contract, "application/yaml")
                .body();
    }

    private List<String> versions() {
        return RunAs.user("dave", List.of(), () -> catalog.contractVersions(contract)).stream()
                .map(ContractVersionSummary::version)
                .toList();
    }

    private long changeRecords() {
        return jdbc.sql("select count(*) from change_record where subject_type = 'contract' and subject_id = ?")
                .param(contract)
                .query(Long.class)
                .single();
    }

    private long notifications() {
        return told().size();
    }

    record Notice(String team, String kind, String message, String link) {}

    private List<Notice> told() {
        return jdbc.sql("select team, kind, message, link from notification where dedup_key like :key order by id")
                .param("key", "contract:" + contract + ":%")
                .query(Notice.class)
                .list();
    }

    private static String asJson(String yaml) {
        return tools.jackson.databind.json.JsonMapper.shared()
                .writeValueAsString(tools.jackson.dataformat.yaml.YAMLMapper.builder()
                        .build()
                        .readTree(yaml));
    }

    /** The contract, owned by sales; with or without the property {@code note}. */
    private String contractYaml(String version, boolean withNote) {
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
                """.formatted(contract, s, version)
                + (withNote ? "      - name: note\n        logicalType: string\n" : "");
    }
}

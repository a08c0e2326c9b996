package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What history records: a change per real change (an identical re-publish records nothing and
 * keeps the revision), each with the fields it changed, and a contract's changes beside those of
 * the products that provide it.
 */
@MeshportTest
class HistoryTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_identical_re_put_answers_200_with_the_same_revision_and_records_nothing() {
        String id = OwnershipTest.newId();
        String document = product(id, "Orders of the day.", "1.0.0");
        Api.Response created = Api.as("alice").put(OwnershipTest.path(id), document, "application/yaml");
        assertThat(created.status()).isEqualTo(201);
        long changesBefore = changeRecords("product", id);

        Api.Response again = Api.as("alice").put(OwnershipTest.path(id), document, "application/yaml");

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(again.json().path("revision").asLong())
                .isEqualTo(created.json().path("revision").asLong());
        assertThat(changeRecords("product", id)).isEqualTo(changesBefore);
        assertThat(Api.as("alice")
                        .header("If-Match", created.header("ETag"))
                        .put(OwnershipTest.path(id), document, "application/yaml")
                        .status())
                .as("the entity tag the client holds is still current")
                .isEqualTo(200);
    }

    @Test
    void the_same_content_in_another_format_is_no_change_either() {
        String id = OwnershipTest.newId();
        Api.Response created = Api.as("alice")
                .put(OwnershipTest.path(id), product(id, "Orders of the day.", "1.0.0"), "application/yaml");
        assertThat(created.status()).isEqualTo(201);
        String json =
                Api.as("alice").get(OwnershipTest.path(id), "application/json").body();

        Api.Response again = Api.as("alice").put(OwnershipTest.path(id), json, "application/json");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(changeRecords("product", id)).isOne();
    }

    @Test
    void an_identical_contract_re_put_records_nothing() {
        String contract = OwnershipTest.newId() + "-same-v1";
        String document = IdRulesTest.contract(contract);
        Api.Response created = Api.as("alice").put("/api/v1/data-contracts/" + contract, document, "application/yaml");
        assertThat(created.status()).isEqualTo(201);

        Api.Response again = Api.as("alice").put("/api/v1/data-contracts/" + contract, document, "application/yaml");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(changeRecords("contract", contract)).isOne();
    }

    @Test
    void a_change_lists_the_fields_it_changed_with_old_and_new_values() {
        String id = OwnershipTest.newId();
        put(id, product(id, "Orders of the day.", "1.0.0"));
        put(id, product(id, "Orders of the day, with returns.", "1.1.0"));

        ChangeEntry latest = historyOf(id).getFirst();

        assertThat(latest.changes())
                .extracting(FieldChange::toString)
                .containsExactly(
                        "description.purpose: \"Orders of the day.\" → \"Orders of the day, with returns.\"",
                        "outputPorts[0].version: 1.0.0 → 1.1.0");
        assertThat(latest.summary()).isEqualTo("changed description.purpose, outputPorts[0].version");
        assertThat(latest.changes().getFirst().pointer()).isEqualTo("/description/purpose");
    }

    @Test
    void a_contracts_change_is_in_the_history_of_the_products_that_provide_it() {
        String contract = OwnershipTest.newId() + "-hist-v1";
        String original = IdRulesTest.contract(contract);
        assertThat(Api.as("alice")
                        .put("/api/v1/data-contracts/" + contract, original, "application/yaml")
                        .status())
                .isEqualTo(201);
        String id = OwnershipTest.newId();
        put(id, ContractClaimsTest.providing(id, "sales", contract));

        assertThat(Api.as("alice")
                        .put(
                                "/api/v1/data-contracts/" + contract,
                                original.replace("value: 99.9", "value: 99.5"),
                                "application/yaml")
                        .status())
                .isEqualTo(200);

        ChangeEntry latest = historyOf(id).getFirst();
        assertThat(latest.ofContract()).isTrue();
        assertThat(latest.subjectId()).isEqualTo(contract);
        assertThat(latest.changes())
                .extracting(FieldChange::toString)
                .containsExactly("slaProperties[0].value: 99.9 → 99.5");
        assertThat(historyOf(id)).extracting(ChangeEntry::action).containsExactly("replaced", "created");
    }

    // ------------------------------------------------------------------ helpers

    private void put(String id, String yaml) {
        Api.Response response = Api.as("alice").put(OwnershipTest.path(id), yaml, "application/yaml");
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    private List<ChangeEntry> historyOf(String id) {
        return RunAs.user("dave", List.of(), () -> catalog.history(id));
    }

    private long changeRecords(String type, String id) {
        return jdbc.sql("select count(*) from change_record where subject_type = :type and subject_id = :id")
                .param("type", type)
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private static String product(String id, String purpose, String portVersion) {
        return TestDocuments.product(id, "sales", "draft")
                + "description:\n  purpose: \"" + purpose + "\"\n"
                + "outputPorts:\n  - {name: out, version: " + portVersion + "}\n";
    }
}

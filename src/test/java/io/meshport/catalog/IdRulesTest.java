package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ids of contracts follow the rules of product ids (ASCII, URL-safe, at most 200 characters), and
 * no id of either may differ from another only in case. A refused write stores nothing.
 */
@MeshportTest
class IdRulesTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_contract_id_with_a_space_is_refused_with_400_and_nothing_is_stored() {
        String id = OwnershipTest.newId() + " c";
        Api.Response refused = Api.as("alice")
                .put("/api/v1/data-contracts/" + id.replace(" ", "%20"), contract(id), "application/yaml");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.pointers()).containsExactly("/id");
        assertThat(contractsNamed(id)).isZero();
    }

    @Test
    void a_contract_id_of_20000_characters_is_refused_with_400_and_nothing_is_stored() {
        String id = OwnershipTest.newId() + "-" + "c".repeat(20_000);
        Api.Response refused = Api.as("alice").put("/api/v1/data-contracts/" + id, contract(id), "application/yaml");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.pointers()).containsExactly("/id");
        assertThat(contractsNamed(id)).isZero();
    }

    @Test
    void a_contract_id_that_is_not_ascii_is_refused() {
        String id = OwnershipTest.newId() + "-caf\u00e9";
        Api.Response refused = Api.as("alice")
                .put("/api/v1/data-contracts/" + id.replace("\u00e9", "%C3%A9"), contract(id), "application/yaml");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(contractsNamed(id)).isZero();
    }

    @Test
    void a_valid_contract_id_answers_201_with_its_location() {
        String id = OwnershipTest.newId() + "-v1.0:orders_c";
        Api.Response created = Api.as("alice").put("/api/v1/data-contracts/" + id, contract(id), "application/yaml");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/data-contracts/" + id);
        assertThat(contractsNamed(id)).isOne();
    }

    @Test
    void a_product_id_that_differs_from_another_only_in_case_is_refused() {
        String id = OwnershipTest.newId() + "-sales-a";
        assertThat(Api.as("alice")
                        .put(OwnershipTest.path(id), TestDocuments.product(id, "sales", "draft"), "application/yaml")
                        .status())
                .isEqualTo(201);
        String lookAlike = id.toUpperCase(java.util.Locale.ROOT);

        Api.Response refused = Api.as("alice")
                .put(
                        OwnershipTest.path(lookAlike),
                        TestDocuments.product(lookAlike, "sales", "draft"),
                        "application/yaml");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains(id);
        assertThat(jdbc.sql("select count(*) from data_product where lower(id) = lower(:id)")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(RunAs.user(
                        "alice",
                        List.of("sales"),
                        () -> catalog.checkProduct(
                                TestDocuments.product(lookAlike, "sales", "draft"), DocumentFormat.YAML, null)))
                .extracting(Violation::pointer)
                .as("the form says so before saving")
                .contains("/id");
    }

    @Test
    void a_contract_id_that_differs_from_another_only_in_case_is_refused() {
        String id = OwnershipTest.newId() + "-orders-c";
        assertThat(Api.as("alice")
                        .put("/api/v1/data-contracts/" + id, contract(id), "application/yaml")
                        .status())
                .isEqualTo(201);
        String lookAlike = id.toUpperCase(java.util.Locale.ROOT);

        Api.Response refused =
                Api.as("alice").put("/api/v1/data-contracts/" + lookAlike, contract(lookAlike), "application/yaml");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(contractsNamed(lookAlike)).isZero();
    }

    @Test
    void the_database_refuses_a_look_alike_id_too() {
        String id = OwnershipTest.newId() + "-db";
        assertThat(Api.as("alice")
                        .put(OwnershipTest.path(id), TestDocuments.product(id, "sales", "draft"), "application/yaml")
                        .status())
                .isEqualTo(201);

        assertThatThrownBy(() -> jdbc.sql("""
                        insert into data_product (id, api_version, name, status, owner_team, document, source,
                                                  source_format, created_at, updated_at)
                        select upper(id), api_version, name, status, owner_team, document, source, source_format,
                               created_at, updated_at
                          from data_product where id = :id
                        """).param("id", id).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private long contractsNamed(String id) {
        return jdbc.sql("select count(*) from data_contract where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    static String contract(String id) {
        return StandardsRoundTripTest.contractWithSla(id);
    }
}

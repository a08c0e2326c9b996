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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Lineage integrity: a product provides (output ports) only contracts its own team owns, or one
 * not in the catalog that no other team provides first, so that no team can put itself upstream
 * of another team's consumers. alice is in sales, bob in marketing, carol is governance.
 */
@MeshportTest
class ContractClaimsTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void providing_another_teams_contract_is_refused_with_403_naming_the_owning_team_and_nothing_is_stored() {
        String contract = salesContract();
        String id = OwnershipTest.newId();

        Api.Response refused =
                Api.as("bob").put(OwnershipTest.path(id), providing(id, "marketing", contract), "application/yaml");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("detail").asString()).contains("'sales'").contains(contract);
        assertThat(Api.as("bob").get(OwnershipTest.path(id), "application/json").status())
                .isEqualTo(404);
        assertThat(providers(contract)).isEmpty();
    }

    @Test
    void governance_cannot_make_one_team_provide_another_teams_contract_either() {
        String contract = salesContract();
        String id = OwnershipTest.newId();

        assertThatThrownBy(() -> RunAs.user(
                        "carol",
                        List.of("finance", "mesh-admins"),
                        () -> catalog.publishProduct(
                                id, providing(id, "marketing", contract), DocumentFormat.YAML, null, null)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("'sales'");
    }

    @Test
    void the_form_is_told_the_same_at_the_port() {
        String contract = salesContract();
        String id = OwnershipTest.newId();

        List<Violation> violations = RunAs.user(
                "bob",
                List.of("marketing"),
                () -> catalog.checkProduct(providing(id, "marketing", contract), DocumentFormat.YAML, null));

        assertThat(violations)
                .filteredOn(violation -> violation.pointer().equals("/outputPorts/0/contractId"))
                .singleElement()
                .extracting(Violation::message)
                .asString()
                .contains("'sales'");
    }

    @Test
    void the_owning_team_provides_its_contract() {
        String contract = salesContract();
        String id = OwnershipTest.newId();

        assertThat(Api.as("alice")
                        .put(OwnershipTest.path(id), providing(id, "sales", contract), "application/yaml")
                        .status())
                .isEqualTo(201);
        assertThat(providers(contract)).containsExactly(id);
    }

    @Test
    void the_first_team_to_provide_a_contract_not_in_the_catalog_reserves_it() {
        String contract = OwnershipTest.newId() + "-reserved-v1";
        String first = OwnershipTest.newId();
        assertThat(Api.as("alice")
                        .put(OwnershipTest.path(first), providing(first, "sales", contract), "application/yaml")
                        .status())
                .isEqualTo(201);

        String second = OwnershipTest.newId();
        Api.Response otherProduct = Api.as("bob")
                .put(OwnershipTest.path(second), providing(second, "marketing", contract), "application/yaml");
        assertThat(otherProduct.status()).as(otherProduct.toString()).isEqualTo(403);
        assertThat(otherProduct.json().path("detail").asString()).contains("'sales'");

        Api.Response otherContract = Api.as("bob")
                .put(
                        "/api/v1/data-contracts/" + contract,
                        IdRulesTest.contract(contract).replace("name: sales", "name: marketing"),
                        "application/yaml");
        assertThat(otherContract.status()).as(otherContract.toString()).isEqualTo(403);
        assertThat(otherContract.json().path("detail").asString()).contains("'sales'");
        assertThat(Api.as("bob")
                        .get("/api/v1/data-contracts/" + contract, "application/json")
                        .status())
                .isEqualTo(404);

        assertThat(Api.as("alice")
                        .put("/api/v1/data-contracts/" + contract, IdRulesTest.contract(contract), "application/yaml")
                        .status())
                .as("the reserving team publishes it")
                .isEqualTo(201);
        String alsoSales = OwnershipTest.newId();
        assertThat(Api.as("alice")
                        .put(OwnershipTest.path(alsoSales), providing(alsoSales, "sales", contract), "application/yaml")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void claims_from_before_the_rule_stay_and_governance_sees_them_listed() {
        String contract = salesContract();
        String id = OwnershipTest.newId();
        assertThat(Api.as("bob")
                        .put(
                                OwnershipTest.path(id),
                                TestDocuments.product(id, "marketing", "draft"),
                                "application/yaml")
                        .status())
                .isEqualTo(201);
        // An output port stored before the rule existed.
        jdbc.sql("""
                        insert into product_output_port (product_id, position, name, version, contract_id)
                        values (:id, 0, 'out', '1.0.0', :contract)
                        """).param("id", id).param("contract", contract).update();

        Api.Response listed = Api.as("carol").get("/api/v1/governance/contract-conflicts", "application/json");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json()
                        .valueStream()
                        .filter(conflict ->
                                conflict.path("productId").asString().equals(id))
                        .toList())
                .singleElement()
                .satisfies(conflict -> {
                    assertThat(conflict.path("contractId").asString()).isEqualTo(contract);
                    assertThat(conflict.path("productTeam").asString()).isEqualTo("marketing");
                    assertThat(conflict.path("contractOwner").asString()).isEqualTo("sales");
                    assertThat(conflict.path("outputPort").asString()).isEqualTo("out");
                });
        assertThat(Api.as("alice")
                        .get("/api/v1/governance/contract-conflicts", "application/json")
                        .status())
                .as("governance only")
                .isEqualTo(403);

        assertThat(Api.as("bob")
                        .put(OwnershipTest.path(id), providing(id, "marketing", contract), "application/yaml")
                        .status())
                .as("its owners may still change the product, keeping what it provided")
                .isEqualTo(200);
        assertThat(providers(contract)).containsExactly(id);
    }

    // ------------------------------------------------------------------ helpers

    /** A contract in the catalog, owned by sales. */
    private static String salesContract() {
        String contract = OwnershipTest.newId() + "-owned-v1";
        Api.Response created = Api.as("alice")
                .put("/api/v1/data-contracts/" + contract, IdRulesTest.contract(contract), "application/yaml");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return contract;
    }

    private List<String> providers(String contract) {
        return jdbc.sql("select product_id from product_output_port where contract_id = :contract order by 1")
                .param("contract", contract)
                .query(String.class)
                .list();
    }

    static String providing(String id, String team, String contract) {
        return TestDocuments.product(id, team, "draft") + "outputPorts:\n  - {name: out, version: 1.0.0, contractId: "
                + contract + "}\n";
    }
}

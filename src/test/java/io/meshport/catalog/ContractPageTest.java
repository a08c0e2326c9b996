package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a contract's page and the list of contracts read through {@link ContractCatalog}: every
 * part of the document, who provides and who declares to read the contract, whether the caller
 * may edit it; odd ids are no contract, never an error.
 */
@MeshportTest
class ContractPageTest {

    @Autowired
    ContractCatalog contracts;

    static <T> T asDave(Supplier<T> work) {
        return RunAs.user("dave", List.of(), work);
    }

    /** A sales contract with two objects, nested properties, quality, servers, team and support. */
    static String contract(String id) {
        return """
                apiVersion: v3.1.0
                kind: DataContract
                id: %s
                name: Page Orders %s
                version: 1.2.0
                status: active
                domain: sales
                description:
                  purpose: Every order, *once*.
                  usage: Join on order_id.
                tags: [orders, daily]
                team:
                  name: sales
                  members:
                    - username: alice
                      name: Alice
                      role: owner
                servers:
                  - server: warehouse
                    type: postgres
                    host: db.example
                    port: 5432
                    database: sales
                    schema: public
                schema:
                  - name: orders
                    physicalName: orders_v1
                    physicalType: table
                    description: One row per order.
                    quality:
                      - metric: rowCount
                        mustBeGreaterThan: 10
                        dimension: completeness
                    properties:
                      - name: order_id
                        logicalType: string
                        physicalType: varchar(32)
                        required: true
                        primaryKey: true
                        description: Identifier.
                      - name: customer_email
                        logicalType: string
                        classification: restricted
                        quality:
                          - metric: nullValues
                            mustBe: 0
                      - name: address
                        logicalType: object
                        properties:
                          - name: city
                            logicalType: string
                            classification: internal
                  - name: refunds
                    properties:
                      - name: refund_id
                        logicalType: string
                slaProperties:
                  - property: availability
                    value: 99.5
                    unit: percent
                support:
                  - channel: '#orders'
                    tool: slack
                customProperties:
                  - property: costCenter
                    value: CC-7
                  - property: owners
                    value: [a, b]
                """.formatted(id, id);
    }

    static void publish(String user, String path, String yaml) {
        Api.Response response = Api.as(user).put(path, yaml, "application/yaml");
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    /** The contract, a sales product providing it and a marketing product reading it. */
    static String contractWithProviderAndReader() {
        String id = "page-" + UUID.randomUUID().toString().substring(0, 8);
        publish("alice", "/api/v1/data-contracts/" + id, contract(id));
        publish("alice", "/api/v1/data-products/" + id + "-provider", """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s-provider
                name: Provider %s
                status: draft
                team: {name: sales}
                outputPorts:
                  - {name: orders, version: 1.0.0, contractId: %s}
                """.formatted(id, id, id));
        publish("bob", "/api/v1/data-products/" + id + "-reader", """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s-reader
                name: Reader %s
                status: draft
                team: {name: marketing}
                inputPorts:
                  - {name: orders-in, version: 1.0.0, contractId: %s}
                """.formatted(id, id, id));
        return id;
    }

    @Test
    void a_visitor_reads_every_part_of_the_contract() {
        String id = contractWithProviderAndReader();

        ContractDetails page = asDave(() -> contracts.details(id)).orElseThrow();

        assertThat(page.name()).isEqualTo("Page Orders " + id);
        assertThat(page.ownerTeam()).isEqualTo("sales");
        assertThat(page.purpose()).isEqualTo("Every order, *once*.");
        assertThat(page.usage()).isEqualTo("Join on order_id.");
        assertThat(page.tags()).containsExactly("orders", "daily");
        assertThat(page.schema()).extracting(ContractDetails.SchemaObject::name).containsExactly("orders", "refunds");
        assertThat(page.schema().getFirst().properties())
                .containsExactly(
                        new ContractDetails.SchemaProperty(
                                "order_id", "string", "varchar(32)", true, true, null, "Identifier."),
                        new ContractDetails.SchemaProperty(
                                "customer_email", "string", null, false, false, "restricted", null),
                        new ContractDetails.SchemaProperty("address", "object", null, false, false, null, null),
                        new ContractDetails.SchemaProperty(
                                "address.city", "string", null, false, false, "internal", null));
        assertThat(page.quality())
                .extracting(ContractDetails.QualityRule::on, ContractDetails.QualityRule::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders", "rowCount mustBeGreaterThan 10"),
                        org.assertj.core.groups.Tuple.tuple("orders.customer_email", "nullValues mustBe 0"));
        assertThat(page.servers())
                .containsExactly(new ContractDetails.Server(
                        "warehouse", "postgres", null, "host=db.example, port=5432, database=sales, schema=public"));
        assertThat(page.sla()).extracting(SlaProperty::property).containsExactly("availability");
        assertThat(page.team()).containsExactly(new ContractDetails.Member("alice", "Alice", "owner"));
        assertThat(page.support())
                .extracting(ProductDetails.SupportChannel::channel)
                .containsExactly("#orders");
        assertThat(page.customProperties())
                .containsExactly(
                        new ContractDetails.Property("costCenter", "CC-7"),
                        new ContractDetails.Property("owners", "[\"a\",\"b\"]"));
        assertThat(page.yaml()).isEqualTo(contract(id));
        assertThat(page.editable()).isFalse();
    }

    @Test
    void the_page_names_the_products_that_provide_the_contract_and_those_that_declare_they_read_it() {
        String id = contractWithProviderAndReader();

        ContractDetails page = asDave(() -> contracts.details(id)).orElseThrow();

        assertThat(page.providers())
                .containsExactly(
                        new ContractDetails.Provider(id + "-provider", "Provider " + id, "sales", "orders", "1.0.0"));
        assertThat(page.readers())
                .containsExactly(new ContractDetails.Reader(id + "-reader", "Reader " + id, "marketing", "orders-in"));
    }

    @Test
    void only_the_owning_team_and_governance_may_edit_the_contract() {
        String id = contractWithProviderAndReader();

        assertThat(RunAs.user("alice", List.of("sales"), () -> contracts.mayEdit(id)))
                .isTrue();
        assertThat(RunAs.user("carol", List.of("finance", "mesh-admins"), () -> contracts.mayEdit(id)))
                .isTrue();
        assertThat(RunAs.user("bob", List.of("marketing"), () -> contracts.mayEdit(id)))
                .isFalse();
        assertThat(asDave(() -> contracts.mayEdit(id))).isFalse();
        assertThat(RunAs.user("alice", List.of("sales"), () -> contracts.details(id))
                        .orElseThrow()
                        .editable())
                .isTrue();
    }

    @Test
    void ids_no_contract_has_are_no_contract_whatever_they_hold() {
        for (String odd : List.of(
                "no-such-contract",
                "Ünïcødé-契約-🙂",
                "x".repeat(10_000),
                "nul\u0000byte",
                "lone\uD800",
                "",
                "%",
                "../..")) {
            assertThat(asDave(() -> contracts.details(odd))).as(odd).isEmpty();
            assertThat(asDave(() -> contracts.mayEdit(odd))).as(odd).isFalse();
        }
    }

    @Test
    void the_list_is_paged_and_narrowed_by_id_name_or_team_with_counts_of_providers_and_readers() {
        String id = contractWithProviderAndReader();
        String prefix = id.substring(0, 9);

        List<ContractSummary> found = asDave(() -> contracts.list(prefix.toUpperCase(), 0, 50));

        assertThat(found)
                .containsExactly(new ContractSummary(id, "Page Orders " + id, "1.2.0", "active", "sales", 1, 1));
        assertThat(asDave(() -> contracts.list("page orders " + id, 0, 50))).hasSize(1);
        assertThat(asDave(() -> contracts.list("", 0, 3))).hasSize(3);
        List<ContractSummary> firstSix = asDave(() -> contracts.list("", 0, 6));
        assertThat(asDave(() -> contracts.list("", 3, 3))).isEqualTo(firstSix.subList(3, 6));
        assertThat(asDave(() -> contracts.list("%", 0, 50))).isEmpty();
        assertThat(asDave(() -> contracts.list("_", 0, 50))).isEmpty();
        assertThat(asDave(() -> contracts.list("\u0000", 0, 50))).isEmpty();
    }
}

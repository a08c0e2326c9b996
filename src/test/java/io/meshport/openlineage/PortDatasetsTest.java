package io.meshport.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The datasets of output ports, kept in step with every write of the catalog and resolved in one
 * look-up: what the ingest asks when an event names datasets.
 */
@MeshportTest
class PortDatasetsTest {

    @Autowired
    PortDatasets datasets;

    @Autowired
    PortDatasetMaintenance maintenance;

    @Autowired
    JdbcClient jdbc;

    String s;
    String host;

    @BeforeEach
    void freshNames() {
        s = "pd-" + UUID.randomUUID().toString().substring(0, 8);
        host = s + ".db.example";
    }

    static String contract(String id, String version, String host, String database) {
        return """
                apiVersion: v3.1.0
                kind: DataContract
                id: %s
                name: Orders %s
                version: %s
                status: active
                team:
                  name: sales
                servers:
                  - server: warehouse
                    type: postgres
                    host: %s
                    port: 5432
                    database: %s
                    schema: public
                schema:
                  - name: orders
                    physicalName: orders_v1
                    properties:
                      - name: order_id
                        logicalType: string
                """.formatted(id, id, version, host, database);
    }

    static String product(String id, String contractId, String extraPortLines) {
        return """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: Product %s
                status: draft
                team:
                  name: sales
                outputPorts:
                  - name: orders
                    version: 1.0.0
                    contractId: %s
                %s""".formatted(id, id, contractId, extraPortLines);
    }

    private static Api.Response putContract(String id, String yaml) {
        return Api.as("alice").put("/api/v1/data-contracts/" + id, yaml, "application/yaml");
    }

    private static Api.Response putProduct(String id, String yaml) {
        return Api.as("alice").put("/api/v1/data-products/" + id, yaml, "application/yaml");
    }

    @Test
    void aPortIsTheDatasetItsContractNamesWithTheTeamThatOwnsIt() {
        assertThat(putContract(s + "-c", contract(s + "-c", "1.0.0", host, "shop"))
                        .status())
                .isLessThan(300);
        assertThat(putProduct(s + "-p", product(s + "-p", s + "-c", "")).status())
                .isLessThan(300);

        DatasetName table = new DatasetName("postgres://" + host + ":5432", "shop.public.orders_v1");
        DatasetName unknown = new DatasetName("postgres://" + host + ":5432", "shop.public.nothing");
        assertThat(datasets.resolve(List.of(table, unknown)))
                .isEqualTo(Map.of(table, List.of(new PortDatasets.PortRef(s + "-p", "orders", s + "-c", "sales"))));
    }

    @Test
    void aContractPublishedAfterTheProductGivesItsPortsTheirDatasets() {
        assertThat(putProduct(s + "-p", product(s + "-p", s + "-c", "")).status())
                .isLessThan(300);
        DatasetName table = new DatasetName("postgres://" + host + ":5432", "shop.public.orders_v1");
        assertThat(datasets.resolve(List.of(table))).isEmpty();

        assertThat(putContract(s + "-c", contract(s + "-c", "1.0.0", host, "shop"))
                        .status())
                .isLessThan(300);

        assertThat(datasets.resolve(List.of(table))).containsOnlyKeys(table);
    }

    @Test
    void aNewContractVersionMovesThePortToItsNewDataset() {
        putContract(s + "-c", contract(s + "-c", "1.0.0", host, "shop"));
        putProduct(s + "-p", product(s + "-p", s + "-c", ""));
        DatasetName before = new DatasetName("postgres://" + host + ":5432", "shop.public.orders_v1");
        DatasetName after = new DatasetName("postgres://" + host + ":5432", "shop2.public.orders_v1");

        Api.Response moved = Api.as("alice")
                .put(
                        "/api/v1/data-contracts/" + s + "-c?acknowledgeBreaking=true",
                        contract(s + "-c", "2.0.0", host, "shop2"),
                        "application/yaml");
        assertThat(moved.status()).as(moved.body()).isLessThan(300);

        assertThat(datasets.resolve(List.of(before, after))).containsOnlyKeys(after);
    }

    @Test
    void anExplicitMappingNamesWhatNoContractDoes() {
        String mapping = """
                    customProperties:
                      - property: openlineageDatasets
                        value:
                          - namespace: salesforce://%s
                            name: Account
                """.formatted(host);
        assertThat(putProduct(s + "-p", product(s + "-p", s + "-none", mapping)).status())
                .isLessThan(300);

        DatasetName account = new DatasetName("salesforce://" + host, "Account");
        assertThat(datasets.resolve(List.of(account)))
                .isEqualTo(
                        Map.of(account, List.of(new PortDatasets.PortRef(s + "-p", "orders", s + "-none", "sales"))));
        assertThat(datasets.ofProduct(s + "-p"))
                .extracting(PortDatasets.Row::source)
                .containsExactly("mapping");
    }

    @Test
    void aBadExplicitMappingIsRefusedWithA400AtItsPointerAndNothingIsStored() {
        String bad = """
                    customProperties:
                      - property: openlineageDatasets
                        value:
                          - namespace: salesforce://%s
                """.formatted(host);
        Api.Response refused = putProduct(s + "-p", product(s + "-p", s + "-none", bad));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("pointer").asString())
                .isEqualTo("/outputPorts/0/customProperties/0/value/0/name");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .isEqualTo("A dataset needs a name.");
        assertThat(Api.as("alice")
                        .get("/api/v1/data-products/" + s + "-p", "application/json")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aMappingThatIsNotAListIsRefusedAtItsValue() {
        String bad = """
                    customProperties:
                      - property: openlineageDatasets
                        value: postgres://%s:5432/shop.public.orders
                """.formatted(host);
        Api.Response refused = putProduct(s + "-p", product(s + "-p", s + "-none", bad));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("pointer").asString())
                .isEqualTo("/outputPorts/0/customProperties/0/value");
    }

    @Test
    void aDeletedProductsDatasetsGoWithIt() {
        putContract(s + "-c", contract(s + "-c", "1.0.0", host, "shop"));
        putProduct(s + "-p", product(s + "-p", s + "-c", ""));
        DatasetName table = new DatasetName("postgres://" + host + ":5432", "shop.public.orders_v1");
        assertThat(datasets.resolve(List.of(table))).containsOnlyKeys(table);

        Api.Response deleted = Api.as("alice").delete("/api/v1/data-products/" + s + "-p");
        assertThat(deleted.status()).as(deleted.body()).isLessThan(300);

        assertThat(datasets.resolve(List.of(table))).isEmpty();
    }

    @Test
    void twoProductsNamingTheSameTableAreBothItsPorts() {
        putContract(s + "-c", contract(s + "-c", "1.0.0", host, "shop"));
        putProduct(s + "-p", product(s + "-p", s + "-c", ""));
        putProduct(s + "-q", product(s + "-q", s + "-c", ""));
        DatasetName table = new DatasetName("postgres://" + host + ":5432", "shop.public.orders_v1");

        assertThat(datasets.resolve(List.of(table)).get(table))
                .extracting(PortDatasets.PortRef::productId)
                .containsExactly(s + "-p", s + "-q");
    }

    @Test
    void theStartUpFillNamesTheProductsAlreadyStoredOnceForTheCurrentRules() {
        putContract(s + "-c", contract(s + "-c", "1.0.0", host, "shop"));
        putProduct(s + "-p", product(s + "-p", s + "-c", ""));
        DatasetName table = new DatasetName("postgres://" + host + ":5432", "shop.public.orders_v1");
        // As if the product had been stored before this module kept its datasets.
        jdbc.sql("delete from port_dataset where product_id = :id")
                .param("id", s + "-p")
                .update();
        jdbc.sql("delete from port_dataset_rules").update();
        assertThat(datasets.resolve(List.of(table))).isEmpty();

        assertThat(maintenance.fillIfOutdated()).isPositive();
        assertThat(datasets.resolve(List.of(table))).containsOnlyKeys(table);

        assertThat(maintenance.fillIfOutdated())
                .as("the rules filled it already")
                .isZero();
    }
}

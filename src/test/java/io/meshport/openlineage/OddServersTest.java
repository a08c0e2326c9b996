package io.meshport.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever a contract's servers and physical names say, naming its datasets never fails: a server
 * that cannot be named names nothing, and a name too long to be a port is skipped; a product's
 * explicit mapping too long to store is a 400 at its pointer. Publishing never answers 5xx.
 */
@MeshportTest
class OddServersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> TYPES = List.of(
            "postgres",
            "postgresql",
            "mysql",
            "sqlserver",
            "mssql",
            "synapse",
            "oracle",
            "db2",
            "trino",
            "hive",
            "redshift",
            "snowflake",
            "bigquery",
            "databricks",
            "unity",
            "unitycatalog",
            "athena",
            "glue",
            "kafka",
            "s3",
            "gcs",
            "azure",
            "local",
            "file",
            "hdfs",
            "custom",
            "no-such-type");

    private static final List<String> FIELDS = List.of(
            "host",
            "port",
            "database",
            "schema",
            "catalog",
            "project",
            "dataset",
            "account",
            "region",
            "regionName",
            "serviceName",
            "location",
            "path",
            "topic");

    @Autowired
    PortDatasets datasets;

    /** Random CJK characters: three UTF-8 bytes each, and nothing a compressor shortens much. */
    static String cjk(int characters) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < characters; i++) {
            text.appendCodePoint(ThreadLocalRandom.current().nextInt(0x4E00, 0x9FFF));
        }
        return text.toString();
    }

    static List<String> oddValues() {
        return List.of(
                "",
                " ",
                ",",
                ",,",
                ":::",
                ":",
                ".",
                "..",
                "orders.",
                ".orders",
                "\"",
                "`",
                "[",
                "{model}",
                "*",
                "s3://",
                "://",
                "@",
                "/",
                "a@",
                "wasbs://@/",
                "abfss://x@/",
                "x.redshift",
                "🚀",
                "数据",
                "a".repeat(5_000),
                cjk(1_000));
    }

    @Test
    void naming_a_server_of_any_type_with_odd_fields_never_throws_and_names_only_storable_datasets() {
        List<String> tables = new ArrayList<>(oddValues());
        tables.add("orders");
        tables.add("public.orders");
        for (String type : TYPES) {
            for (String value : oddValues()) {
                ObjectNode everyField = JSON.createObjectNode().put("type", type);
                FIELDS.forEach(field -> everyField.put(field, value));
                ObjectNode hostOnly = JSON.createObjectNode().put("type", type).put("host", value);
                ObjectNode numbers = JSON.createObjectNode().put("type", type);
                FIELDS.forEach(field -> numbers.put(field, 42));
                for (ObjectNode server : List.of(everyField, hostOnly, numbers)) {
                    for (List<String> names : List.of(tables, List.of(value), List.<String>of())) {
                        assertThatCode(() -> assertThat(DatasetNaming.ofServer(server, names))
                                        .allMatch(DatasetNaming::storable))
                                .as(type + " " + server)
                                .doesNotThrowAnyException();
                    }
                }
            }
        }
    }

    private static Api.Response putContract(String id, String servers, String physicalName) {
        String yaml = """
                apiVersion: v3.1.0
                kind: DataContract
                id: %s
                name: Odd %s
                version: 1.0.0
                status: active
                servers:
                %s
                schema:
                  - name: orders
                    physicalName: %s
                """.formatted(id, id, servers, JSON.writeValueAsString(physicalName));
        return Api.as("alice").put("/api/v1/data-contracts/" + id, yaml, "application/yaml");
    }

    private static Api.Response putProduct(String id, String contractId, String portLines) {
        String yaml = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: Odd %s
                status: draft
                team:
                  name: sales
                outputPorts:
                  - name: out
                    version: 1.0.0
                    contractId: %s
                %s""".formatted(id, id, contractId, portLines);
        return Api.as("alice").put("/api/v1/data-products/" + id, yaml, "application/yaml");
    }

    @Test
    void publishing_contracts_with_odd_servers_and_huge_physical_names_never_answers_5xx() {
        String host = "odd-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        record Case(String servers, String physicalName) {}
        List<Case> cases = List.of(
                new Case("  - server: k\n    type: kafka\n    host: ','", "orders"),
                new Case("  - server: k\n    type: kafka\n    host: ':::'", "orders"),
                new Case(
                        "  - server: p\n    type: postgres\n    host: " + host
                                + "\n    port: 5432\n    database: db\n    schema: s",
                        cjk(1_000)),
                new Case(
                        "  - server: p\n    type: postgres\n    host: " + host
                                + "\n    port: 5432\n    database: db\n    schema: s",
                        "t" + UUID.randomUUID() + "a".repeat(3_000)),
                new Case(
                        "  - server: e\n    type: postgres\n    host: ''\n    port: 5432\n    database: db\n    schema: s",
                        "orders"));
        for (Case odd : cases) {
            String id = "odd-" + UUID.randomUUID().toString().substring(0, 8);
            // The product first, so that the contract's publication names its datasets; then the
            // other way round, so that the product's does.
            Api.Response product = putProduct(id + "-p", id + "-c", "");
            assertThat(product.status()).as(product.body()).isLessThan(500);
            Api.Response contract = putContract(id + "-c", odd.servers(), odd.physicalName());
            // Valid contracts, so that their datasets are named (a contract the schema refuses never is).
            assertThat(contract.status()).as(odd + ": " + contract.body()).isLessThan(300);
            Api.Response again = putProduct(id + "-q", id + "-c", "");
            assertThat(again.status()).as(odd + ": " + again.body()).isLessThan(500);
            assertThat(datasets.ofProduct(id + "-p")).allMatch(row -> DatasetNaming.storable(row.dataset()));
        }
    }

    @Test
    void an_explicit_mapping_longer_than_a_port_may_store_is_refused_at_its_pointer() {
        String id = "odd-" + UUID.randomUUID().toString().substring(0, 8);
        String mapping = """
                    customProperties:
                      - property: openlineageDatasets
                        value:
                          - namespace: odd://%s
                            name: %s
                """.formatted(id, cjk(1_000));

        Api.Response refused = putProduct(id, id + "-none", mapping);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("pointer").asString())
                .isEqualTo("/outputPorts/0/customProperties/0/value/0/name");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .contains("bytes (UTF-8)");
    }
}

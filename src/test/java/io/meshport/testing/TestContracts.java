package io.meshport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** A data contract with every part a contract page shows, and products around it, for tests of the contract pages. */
public final class TestContracts {

    private TestContracts() {}

    /** A sales contract with two objects, nested properties, quality, servers, team and support. */
    public static String contract(String id) {
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

    public static void publish(String user, String path, String yaml) {
        Api.Response response = Api.as(user).put(path, yaml, "application/yaml");
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    /** The contract, a sales product providing it and a marketing product reading it. */
    public static String withProviderAndReader() {
        String id = "page-" + UUID.randomUUID().toString().substring(0, 8);
        publish("alice", "/api/v1/data-contracts/" + id, contract(id));
        publish("alice", "/api/v1/data-products/" + id + "-provider", """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s-provider
                name: Provider %s
                status: active
                description: {purpose: Orders for the contract page tests.}
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
}

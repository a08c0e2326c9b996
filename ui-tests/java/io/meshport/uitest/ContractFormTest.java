package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Editing a product through the form edits its contracts' documents: what the form does not
 * show is kept, a change others consume is confirmed first, and the toast and History say what
 * happened. Typed key by key, as a person types.
 */
@MeshportTest
class ContractFormTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    static final AtomicInteger NEXT = new AtomicInteger();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path FULL_EXAMPLE = Path.of("src/test/resources/fixtures/odcs/full-example.odcs.yaml");

    /** A sales product offering a contract with servers, quality and SLA; a marketing product reads it. */
    String providerWithAConsumer() {
        String id = "contract-form-" + NEXT.incrementAndGet();
        String contract = id + "-v1";
        assertThat(Api.as("alice")
                        .put("/api/v1/data-contracts/" + contract, """
                                apiVersion: v3.1.0
                                kind: DataContract
                                id: %s
                                name: Form Orders
                                version: 2.4.0
                                status: active
                                team:
                                  name: sales
                                servers:
                                  - server: warehouse
                                    type: postgres
                                    host: db.example
                                    port: 5432
                                    database: sales
                                    schema: public
                                tags: [orders]
                                schema:
                                  - name: orders
                                    physicalName: orders_v1
                                    logicalType: object
                                    description: One row per order.
                                    quality:
                                      - metric: rowCount
                                        mustBeGreaterThan: 10
                                    properties:
                                      - name: order_id
                                        logicalType: string
                                        physicalType: varchar(32)
                                        required: true
                                        primaryKey: true
                                        description: Identifier of the order.
                                      - name: amount
                                        logicalType: number
                                        description: Net amount.
                                        classification: internal
                                      - name: placed_at
                                        logicalType: timestamp
                                customProperties:
                                  - property: costCenter
                                    value: CC-1
                                slaProperties:
                                  - property: availability
                                    value: 99.9
                                    unit: percent
                                  - property: latency
                                    value: 1
                                    unit: d
                                    element: orders.placed_at
                                """.formatted(contract), "application/yaml")
                        .status())
                .isEqualTo(201);
        assertThat(Api.as("alice")
                        .put("/api/v1/data-products/" + id, """
                                apiVersion: v1.0.0
                                kind: DataProduct
                                id: %s
                                name: Form Orders %s
                                version: 1.0.0
                                status: active
                                description:
                                  purpose: Orders for the form test.
                                team:
                                  name: sales
                                outputPorts:
                                  - name: orders
                                    version: 1.0.0
                                    type: table
                                    description: Daily.
                                    contractId: %s
                                """.formatted(id, id, contract), "application/yaml")
                        .status())
                .isEqualTo(201);
        assertThat(Api.as("bob")
                        .put(
                                "/api/v1/data-products/" + id + "-reader",
                                """
                                apiVersion: v1.0.0
                                kind: DataProduct
                                id: %s-reader
                                name: Orders Reader %s
                                version: 1.0.0
                                status: draft
                                team:
                                  name: marketing
                                inputPorts:
                                  - name: orders
                                    version: 1.0.0
                                    contractId: %s
                                """.formatted(id, id, contract),
                                "application/yaml")
                        .status())
                .isEqualTo(201);
        return id;
    }

    static JsonNode stored(String path) {
        Api.Response response = Api.as("alice").get(path, "application/json");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    void type(Locator field, String text) {
        typeAsPerson(field, text, () -> {
            field.press("Tab");
            BrowserSupport.awaitVaadin(page);
        });
    }

    Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void editing_the_port_of_an_existing_contract_and_saving_keeps_the_contract() {
        String id = providerWithAConsumer();
        JsonNode contractBefore = stored("/api/v1/data-contracts/" + id + "-v1");

        openAs("/products/" + id + "/edit", "alice");
        // The contract opens with its fields, not as an empty definition.
        assertThat(page.getByLabel("Field name")).hasCount(3);
        assertThat(page.getByLabel("Field name").nth(0)).hasValue("order_id");
        assertThat(page.getByLabel("Contract version")).hasValue("2.4.0");
        assertThat(page.getByLabel("Contract id")).hasValue(id + "-v1");

        type(page.getByLabel("Port description"), " Loaded at six.");
        button("Save").click();

        page.waitForURL(TestInfrastructure.portalUrl() + "/products/" + id);
        assertThat(page.getByText("Saved " + id, new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.locator("#impact-confirmation")).hasCount(0);
        JsonNode contractAfter = stored("/api/v1/data-contracts/" + id + "-v1");
        assertThat(contractAfter).isEqualTo(contractBefore);
        assertThat(stored("/api/v1/data-products/" + id)
                        .path("outputPorts")
                        .path(0)
                        .path("description")
                        .asString())
                .isEqualTo("Daily. Loaded at six.");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Ports and contracts"))
                .click();
        assertThat(page.getByText("order_id", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.getByText("placed_at", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
    }

    @Test
    void changing_a_contract_another_team_reads_is_confirmed_first_and_said_in_the_toast_and_history() {
        String id = providerWithAConsumer();
        String contractId = id + "-v1";
        JsonNode before = stored("/api/v1/data-contracts/" + contractId);

        openAs("/products/" + id + "/edit", "alice");
        type(
                page.getByLabel("Description", new Page.GetByLabelOptions().setExact(true))
                        .nth(1),
                " Tax excluded.");
        button("Save").click();

        Locator impact = page.locator("#impact-products");
        assertThat(impact.getByText("Orders Reader " + id, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        page.locator("#impact-acknowledged").click();
        page.locator("#impact-proceed").click();

        page.waitForURL(TestInfrastructure.portalUrl() + "/products/" + id);
        assertThat(page.getByText(
                        "Saved " + id + "; contract " + contractId + " updated",
                        new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        JsonNode after = stored("/api/v1/data-contracts/" + contractId);
        assertThat(after.path("schema")
                        .path(0)
                        .path("properties")
                        .path(1)
                        .path("description")
                        .asString())
                .isEqualTo("Net amount. Tax excluded.");
        // Everything else is as it was: servers, quality, tags, custom properties, SLA, version.
        ((tools.jackson.databind.node.ObjectNode)
                        after.path("schema").path(0).path("properties").path(1))
                .put("description", "Net amount.");
        assertThat(after).isEqualTo(before);

        // The reading team hears of it.
        assertThat(jdbc.sql("select message from notification where team = 'marketing' and product_id = ?")
                        .param(id + "-reader")
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("Version 2.4.0 of contract Form Orders (" + contractId + "), which Orders Reader " + id
                        + " reads, was revised by");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("History"))
                .click();
        assertThat(page.locator("#product-history")).containsText("contract " + contractId + " updated");
        assertThat(page.locator("#product-history")).not().containsText("Saved without changes");
    }

    @Test
    void
            a_breaking_change_to_a_contract_read_by_agreement_names_the_team_and_is_acknowledged_by_the_impact_confirmation() {
        String id = providerWithAConsumer();
        String contractId = id + "-v1";
        // Only an approved agreement of team finance reads it now: no product is downstream.
        assertThat(Api.as("bob")
                        .delete("/api/v1/data-products/" + id + "-reader")
                        .status())
                .isEqualTo(204);
        jdbc.sql("""
                        insert into access_agreement (id, product_id, output_port, output_port_version, contract_id,
                               contract_version, provider_team, consumer_team, purpose, starts_on, status,
                               requested_by, requested_by_name, requested_at, updated_at)
                        values (gen_random_uuid(), :product, 'orders', '1.0.0', :contract, '2.4.0', 'sales', 'finance',
                                'Month-end reports', current_date, 'approved', (select min(id) from app_user), 'Carol',
                                now(), now())
                        """).param("product", id).param("contract", contractId).update();
        JsonNode before = stored("/api/v1/data-contracts/" + contractId);

        openAs("/products/" + id + "/edit", "alice");
        type(page.getByLabel("Field name").nth(2), "_utc");
        button("Save").click();
        // The agreement's team is downstream (decision 0025): the impact confirmation names it, and
        // confirming it acknowledges the breaking change too (decision 0022).
        Locator impact =
                page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("1 team downstream of " + id));
        assertThat(impact.locator("#impact-products").getByText("Team finance")).isVisible();
        impact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"))
                .click();
        assertThat(page.locator("#impact-proceed")).hasCount(0);
        assertThat(stored("/api/v1/data-contracts/" + contractId)).isEqualTo(before);

        button("Save").click();
        acknowledgeImpactOnTeamFinance(id);

        page.waitForURL(TestInfrastructure.portalUrl() + "/products/" + id);
        assertThat(stored("/api/v1/data-contracts/" + contractId)
                        .path("schema")
                        .path(0)
                        .path("properties")
                        .path(2)
                        .path("name")
                        .asString())
                .isEqualTo("placed_at_utc");
    }

    @Test
    void importing_the_official_odcs_full_example_stores_every_field_of_it() throws Exception {
        // The example's team is my-team; governance (carol) creates a product of that team for it.
        String id = "quantum-views-" + NEXT.incrementAndGet();
        assertThat(Api.as("carol")
                        .put("/api/v1/data-products/" + id, """
                                apiVersion: v1.0.0
                                kind: DataProduct
                                id: %s
                                name: Quantum Views %s
                                status: draft
                                team:
                                  name: my-team
                                """.formatted(id, id), "application/yaml")
                        .status())
                .isEqualTo(201);
        // Other tests store the example under its own id; this one gets an id of its own, the
        // only change made to the official file.
        String original = Files.readString(FULL_EXAMPLE);
        String officialId = "53581432-6c55-4ba2-a65f-72344a91553a";
        assertThat(original).contains("id: " + officialId + "\n");
        String contractId = officialId + "-" + id;
        Path file = Files.createTempFile("full-example", ".odcs.yaml");
        Files.writeString(file, original.replace("id: " + officialId + "\n", "id: " + contractId + "\n"));
        JsonNode example = YAMLMapper.builder().build().readTree(Files.readString(file));

        openAs("/products/" + id + "/edit", "carol");
        button("Import ODPS/ODCS…").click();
        page.locator("vaadin-upload input[type=file]").setInputFiles(file);
        assertThat(page.getByLabel("Document (YAML or JSON)"))
                .hasValue(java.util.regex.Pattern.compile(".*ClimateQuantumInc.*", java.util.regex.Pattern.DOTALL));
        button("Fill the form").click();
        BrowserSupport.awaitVaadin(page);

        // Both schema objects keep their own fields; the version stays the example's.
        assertThat(page.getByLabel("Port name")).hasValue("tbl");
        assertThat(page.getByLabel("Contract version")).hasValue("1.1.0");
        assertThat(page.locator(".schema-object")).hasCount(2);
        assertThat(page.locator(".schema-object").nth(0).getByLabel("Field name"))
                .hasCount(3);
        assertThat(page.locator(".schema-object").nth(1).getByLabel("Field name"))
                .hasCount(4);

        button("Save as draft").click();
        page.waitForURL(TestInfrastructure.portalUrl() + "/products/" + id);
        assertThat(page.getByText(
                        "Saved draft " + id + "; contract " + contractId + " created",
                        new Page.GetByTextOptions().setExact(true)))
                .isVisible();

        assertThat(stored("/api/v1/data-contracts/" + contractId))
                .isEqualTo(JSON.readTree(JSON.writeValueAsString(example)));
        assertThat(stored("/api/v1/data-products/" + id)
                        .path("outputPorts")
                        .path(0)
                        .path("contractId")
                        .asString())
                .isEqualTo(contractId);
    }

    /** The impact confirmation names team finance, which reads the port through an agreement; go on. */
    private void acknowledgeImpactOnTeamFinance(String productId) {
        Locator impact = page.getByRole(
                AriaRole.DIALOG, new Page.GetByRoleOptions().setName("1 team downstream of " + productId));
        assertThat(impact.locator("#impact-products").getByText("Team finance")).isVisible();
        impact.locator("#impact-acknowledged").click();
        impact.locator("#impact-proceed").click();
    }
}

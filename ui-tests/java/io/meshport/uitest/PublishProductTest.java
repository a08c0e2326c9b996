package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An owner publishes through the form; a non-owner cannot edit; a YAML file fills the form. */
@MeshportTest
class PublishProductTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void alice_publishes_a_product_with_a_contract_and_an_sla_and_sees_it_on_its_page() {
        openAs("/create", "alice");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Regional Sales Targets");
        assertThat(page.getByLabel("Id", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("regional-sales-targets");
        page.getByLabel("Domain").fill("sales");
        page.getByLabel("Domain").press("Enter");
        page.getByLabel("Purpose (Markdown)").fill("Quarterly **targets** per sales region.");
        page.getByLabel("Port name").fill("targets");
        page.getByLabel("Port name").press("Tab");
        assertThat(page.getByLabel("Contract id")).hasValue("regional-sales-targets-targets-v1");

        Locator fieldNames = page.getByLabel("Field name");
        Locator addField = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add schema field"));
        BrowserSupport.awaitVaadin(page);
        addField.click();
        assertThat(fieldNames).hasCount(1);
        addField.click();
        assertThat(fieldNames).hasCount(2);
        fieldNames.nth(0).fill("region");
        fieldNames.nth(1).fill("target_eur");
        page.getByLabel("Availability (%)").fill("99.5");
        page.getByLabel("Availability (%)").press("Tab");
        BrowserSupport.awaitVaadin(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish"))
                .click();

        page.waitForURL(TestInfrastructure.portalUrl() + "/products/regional-sales-targets");
        BrowserSupport.awaitVaadin(page);
        assertThat(page).hasTitle("Regional Sales Targets · Meshport");
        assertThat(page.locator(".status-badge.status-active")).isVisible();
        assertThat(page.locator("strong").getByText("targets")).isVisible();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Ports and contracts"))
                .click();
        assertThat(page.getByText("region", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.getByText("target_eur", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.getByText("99.5 percent")).isVisible();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/product-ports.png"))
                .setFullPage(true));

        assertThat(jdbc.sql("select status from data_product where id = 'regional-sales-targets'")
                        .query(String.class)
                        .single())
                .isEqualTo("active");
        assertThat(jdbc.sql(
                                "select count(*) from contract_schema_field where contract_id = 'regional-sales-targets-targets-v1'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void bob_sees_no_edit_button_on_a_sales_product_and_is_refused_at_its_edit_url() {
        String salesProduct = jdbc.sql("select id from data_product where owner_team = 'sales' order by id limit 1")
                .query(String.class)
                .single();
        openAs("/products/" + salesProduct, "bob");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export YAML")))
                .hasCount(0);
        assertThat(page.getByText("Export YAML")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit")))
                .hasCount(0);

        page.navigate(TestInfrastructure.portalUrl() + "/products/" + salesProduct + "/edit");
        BrowserSupport.awaitVaadin(page);
        assertThat(page.getByText("You may not edit this product")).isVisible();
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .hasCount(0);
    }

    @Test
    void importing_a_yaml_file_fills_the_form() throws Exception {
        Path file = Files.createTempFile("imported", ".odps.yaml");
        Files.writeString(file, """
                apiVersion: v1.0.0
                kind: DataProduct
                id: imported-footfall
                name: Store Footfall
                status: draft
                domain: sales
                tags: [stores, footfall]
                description:
                  purpose: Visitors counted per store and hour.
                team:
                  name: sales
                outputPorts:
                  - name: footfall_hourly
                    version: 2.0.0
                    type: table
                """);
        openAs("/create", "alice");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import ODPS/ODCS…"))
                .click();
        page.locator("vaadin-upload input[type=file]").setInputFiles(file);
        assertThat(page.getByLabel("Document (YAML or JSON)"))
                .hasValue(java.util.regex.Pattern.compile(".*Store Footfall.*", java.util.regex.Pattern.DOTALL));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fill the form"))
                .click();
        BrowserSupport.awaitVaadin(page);

        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Store Footfall");
        assertThat(page.getByLabel("Id", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("imported-footfall");
        assertThat(page.getByLabel("Purpose (Markdown)")).hasValue("Visitors counted per store and hour.");
        assertThat(page.getByLabel("Port name")).hasValue("footfall_hourly");
        assertThat(page.getByLabel("Port version")).hasValue("2.0.0");
    }

    @Test
    void a_second_owner_saving_over_a_newer_version_is_refused_with_an_offer_to_reload() {
        String id = "concurrent-ui-edit";
        jdbc.sql("delete from data_product where id = ?").param(id).update();
        io.meshport.testing.Api.Response created = io.meshport.testing.Api.as("alice")
                .put(
                        "/api/v1/data-products/" + id,
                        "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: Before\nstatus: draft\n"
                                + "team:\n  name: sales\n",
                        "application/yaml");
        assertThat(created.status()).isEqualTo(201);

        openAs("/products/" + id + "/edit", "carol");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Before");

        // Meanwhile alice saves a newer version through the API.
        assertThat(io.meshport.testing.Api.as("alice")
                        .put(
                                "/api/v1/data-products/" + id,
                                "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: Alice's\nstatus: draft\n"
                                        + "team:\n  name: sales\n",
                                "application/yaml")
                        .status())
                .isEqualTo(200);

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Carol's");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as draft"))
                .click();
        assertThat(page.getByText("Someone else saved this product")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reload the newer version")))
                .isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep my edits"))
                .click();
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Carol's");
        assertThat(jdbc.sql("select name from data_product where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Alice's");
    }
}

package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestInfrastructure;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deprecating a product that others consume first shows who is affected, down the whole
 * lineage, and goes ahead only once the owner says they have seen it.
 */
@MeshportTest
class ImpactConfirmationTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogService catalog;

    @Test
    void alice_sees_every_downstream_product_before_deprecating_sales_orders_and_may_step_back() {
        openAs("/products/sales-orders/edit", "alice");
        Locator impact = deprecate("sales-orders");

        Locator products = impact.locator("#impact-products");
        assertThat(products).isVisible();
        // Direct consumers and, two hops away through customer-360, churn prediction.
        assertThat(products.getByText("Customer 360", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(products.getByText("Churn Prediction", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(products.getByText(
                        "sales-orders → customer-360 → churn-prediction",
                        new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        Locator proceed = impact.locator("#impact-proceed");
        assertThat(proceed).isDisabled();
        impact.locator("#impact-acknowledged").click();
        assertThat(proceed).isEnabled();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/impact-confirmation.png")));

        impact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"))
                .click();
        assertThat(impact.locator("#impact-proceed")).not().isVisible();
        assertThat(jdbc.sql("select status from data_product where id = 'sales-orders'")
                        .query(String.class)
                        .single())
                .isEqualTo("active");
    }

    @Test
    void alice_deprecates_after_seeing_the_impact_and_the_consuming_team_hears_of_it() {
        String s = "impact-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String orders = s + "-orders";
        String campaigns = s + "-campaigns";
        publishProvider(orders, "Orders " + s, s + "-orders-v1");
        publishConsumer(campaigns, "Campaigns " + s, s + "-orders-v1");

        openAs("/products/" + orders + "/edit", "alice");
        Locator impact = deprecate(orders);
        assertThat(impact.locator("#impact-products").getByText("Campaigns " + s))
                .isVisible();
        assertThat(impact.locator("#impact-products")
                        .getByText("marketing", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        impact.getByText("I have seen who is affected by this change").click();
        impact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deprecate"))
                .click();

        // Alice is taken to the product, which now reads as deprecated.
        assertThat(impact.locator("#impact-proceed")).not().isVisible();
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/products/" + orders);
        assertThat(page.locator(".status-badge.status-deprecated").first()).hasText("deprecated");
        assertThat(jdbc.sql("select status from data_product where id = ?")
                        .param(orders)
                        .query(String.class)
                        .single())
                .isEqualTo("deprecated");

        // Team marketing, whose product reads it, is told.
        context.close();
        context = browser.newContext();
        page = context.newPage();
        openAs("/", "bob");
        page.locator("#notification-bell").click();
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Orders " + s + ", which Campaigns " + s + " reads, is now deprecated")))
                .isVisible();
    }

    @Test
    void the_impact_tab_lists_every_downstream_product_of_a_port_and_offers_them_as_csv() {
        openAs("/products/sales-orders", "dave");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Impact"))
                .click();
        Locator table = page.locator("#impact-table");
        assertThat(table.getByText("Retention Offers", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.locator("#impact-summary")).containsText("products downstream");
        assertThat(page.locator("#impact-csv")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/impact.png")));
    }

    /**
     * Deprecate… then Deprecate in its dialog, and the impact dialog that follows. Each dialog is
     * found by its title: on a busy machine the first may still be closing when the second opens,
     * and both have a Cancel.
     */
    private Locator deprecate(String productId) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deprecate…"))
                .click();
        Locator deprecation =
                page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Deprecate " + productId));
        deprecation
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deprecate"))
                .click();
        Locator impact = page.getByRole(
                AriaRole.DIALOG,
                new Page.GetByRoleOptions()
                        // ids are [a-z0-9-]: nothing to escape (Pattern.quote writes \Q..\E, which JavaScript lacks)
                        .setName(Pattern.compile("^[0-9]+\\+? products? downstream of " + productId + "$")));
        // The dialog element itself has no box of its own; its content is what a person sees.
        assertThat(impact.locator("#impact-proceed")).isVisible();
        return impact;
    }

    private void publishProvider(String id, String name, String contract) {
        String contractYaml = "apiVersion: v3.1.0\nkind: DataContract\nid: " + contract
                + "\nversion: 1.0.0\nstatus: active\nslaProperties:\n  - property: latency\n    value: '1'\n    unit: 'd'\n";
        String product = "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: \"" + name
                + "\"\nstatus: active\ndomain: impact-tests\ndescription:\n  purpose: Orders for the impact test.\n"
                + "team:\n  name: sales\noutputPorts:\n  - name: out\n    version: 1.0.0\n    contractId: " + contract
                + "\n";
        RunAs.user("alice", List.of("sales"), () -> {
            catalog.publishContract(null, contractYaml, DocumentFormat.YAML, "sales", null);
            return catalog.publishProduct(id, product, DocumentFormat.YAML, null, null);
        });
    }

    private void publishConsumer(String id, String name, String contract) {
        String product = "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: \"" + name
                + "\"\nstatus: draft\ndomain: impact-tests\nteam:\n  name: marketing\n"
                + "inputPorts:\n  - name: in\n    version: 1.0.0\n    contractId: " + contract + "\n";
        RunAs.user(
                "bob",
                List.of("marketing"),
                () -> catalog.publishProduct(id, product, DocumentFormat.YAML, null, null));
    }
}

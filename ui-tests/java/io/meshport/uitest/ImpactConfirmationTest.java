package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.testing.MeshportTest;
import java.nio.file.Path;
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

    @Test
    void alice_sees_every_downstream_product_before_deprecating_sales_orders_and_may_step_back() {
        openAs("/products/sales-orders/edit", "alice");
        BrowserSupport.awaitVaadin(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deprecate…"))
                .click();
        page.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deprecate"))
                .click();

        Locator impact = page.locator("#impact-products");
        assertThat(impact).isVisible();
        // Direct consumers and, two hops away through customer-360, churn prediction.
        assertThat(impact.getByText("Customer 360", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(impact.getByText("Churn Prediction", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(impact.getByText(
                        "sales-orders → customer-360 → churn-prediction",
                        new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        Locator proceed = page.locator("#impact-proceed");
        assertThat(proceed).isDisabled();
        page.locator("#impact-acknowledged").click();
        assertThat(proceed).isEnabled();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/impact-confirmation.png")));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel"))
                .click();
        assertThat(impact).not().isVisible();
        assertThat(jdbc.sql("select status from data_product where id = 'sales-orders'")
                        .query(String.class)
                        .single())
                .isEqualTo("active");
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
}

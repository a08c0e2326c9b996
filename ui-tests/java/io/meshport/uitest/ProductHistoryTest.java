package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A consumer reads in a product's History what changed, field by field: the product's own changes
 * and those of the contract it provides.
 */
@MeshportTest
class ProductHistoryTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    @Test
    void dave_reads_which_fields_changed_in_the_product_and_in_its_contract() {
        String s = "history-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String contract = s + "-v1";
        String contractYaml = """
                apiVersion: v3.1.0
                kind: DataContract
                id: %s
                version: 1.0.0
                status: active
                team:
                  name: sales
                slaProperties:
                  - property: availability
                    value: 99.9
                    unit: percent
                """.formatted(contract);
        asSales(() -> catalog.publishContract(null, contractYaml, DocumentFormat.YAML, null, null));
        asSales(() ->
                catalog.publishProduct(null, product(s, "Daily orders.", contract), DocumentFormat.YAML, null, null));
        asSales(() -> catalog.publishProduct(
                null, product(s, "Daily orders, returns included.", contract), DocumentFormat.YAML, null, null));
        asSales(() -> catalog.publishContract(
                null, contractYaml.replace("value: 99.9", "value: 99.5"), DocumentFormat.YAML, null, null));

        openAs("/products/" + s, "dave");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("History"))
                .click();
        BrowserSupport.awaitVaadin(page);

        Locator history = page.locator("#product-history");
        Locator contractChange = history.locator("vaadin-details")
                .filter(new Locator.FilterOptions()
                        .setHasText("contract " + contract + " changed: slaProperties[0].value"));
        assertThat(contractChange).isVisible();
        contractChange.locator("vaadin-details-summary").click();
        assertThat(contractChange.getByText("slaProperties[0].value:")).isVisible();
        assertThat(contractChange.locator(".diff-line")).hasText("slaProperties[0].value: 99.9 → 99.5");

        Locator productChange = history.locator("vaadin-details")
                .filter(new Locator.FilterOptions().setHasText("changed description.purpose"));
        productChange.locator("vaadin-details-summary").click();
        assertThat(productChange.locator(".diff-line"))
                .hasText("description.purpose: \"Daily orders.\" → \"Daily orders, returns included.\"");
    }

    private static String product(String id, String purpose, String contract) {
        return """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: "History %s"
                status: draft
                domain: history-tests
                team:
                  name: sales
                description:
                  purpose: "%s"
                outputPorts:
                  - name: out
                    version: 1.0.0
                    contractId: %s
                """.formatted(id, id, purpose, contract);
    }

    private static <T> T asSales(java.util.function.Supplier<T> work) {
        return RunAs.user("ui-history-publisher", List.of("sales"), work);
    }
}

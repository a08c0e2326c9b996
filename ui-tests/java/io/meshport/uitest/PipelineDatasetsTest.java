package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.openlineage.IngestTables;
import io.meshport.testing.MeshportTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Governance finds a dataset pipelines report that no product offers, and starts a product from
 * it: Create opens with an id, a name and an output port suggested from the dataset.
 */
@MeshportTest
class PipelineDatasetsTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_dataset_seen_in_events_but_not_in_the_catalog_starts_a_product() {
        String host = "ui-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        IngestTables ingest = new IngestTables(jdbc);
        long orders = ingest.dataset(
                "postgres://" + host + ":5432", "erp.public.purchase_orders", Instant.now(), Instant.now());
        ingest.touches("airflow-" + host, "erp.load_purchase_orders", orders, "output");
        ingest.touches("airflow-" + host, "finance.reconcile", orders, "input");

        openAs("/datasets", "carol");
        assertThat(page).hasTitle("Pipeline datasets · Meshport");
        Locator cells = page.locator("#seen-datasets vaadin-grid-cell-content");
        typeAsPerson(page.getByLabel("Filter"), host, () -> assertThat(
                        cells.filter(new Locator.FilterOptions().setHasText("erp.public.purchase_orders")))
                .hasCount(1));
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("postgres://" + host + ":5432")))
                .hasCount(1);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("airflow-" + host + "/finance.reconcile")))
                .hasCount(1);
        assertThat(cells.filter(
                        new Locator.FilterOptions().setHasText("airflow-" + host + "/erp.load_purchase_orders")))
                .hasCount(1);

        // The grid keeps recycled cells of rows the filter removed: the link of this dataset's row.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start a product"))
                .and(page.locator("[title*='" + host + "']"))
                .click();
        page.waitForURL(url -> url.contains("/create?"));
        BrowserSupport.awaitVaadin(page);

        assertThat(page).hasTitle("Create · Meshport");
        assertThat(page.getByLabel("Id", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("purchase-orders");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Purchase orders");
        assertThat(page.getByLabel("Port name")).hasValue("purchase-orders");
    }
}

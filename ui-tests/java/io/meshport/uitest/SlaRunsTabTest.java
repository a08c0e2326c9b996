package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.openlineage.DatasetName;
import io.meshport.openlineage.PortDataset;
import io.meshport.openlineage.RunObserved;
import io.meshport.openlineage.RunState;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A pipeline's runs reach the SLA tab: the data was updated by a completed run (freshness met,
 * saying which run), and a later run that failed is listed as failed, in words.
 */
@MeshportTest
class SlaRunsTabTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Test
    void the_sla_tab_shows_an_update_measured_from_a_run_and_a_failed_run() {
        String id = "ui-runs-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        publishProduct(id);
        Instant now = Instant.now();
        DatasetName table = new DatasetName("postgres://db-" + id + ":5432", "analytics.public.orders");
        PortDataset orders = new PortDataset(id, "orders", id + "-orders-v1", table, List.of());
        PortDataset checked = new PortDataset(
                id,
                "orders",
                id + "-orders-v1",
                table,
                List.of(new PortDataset.QualityAssertion("not_null", true, "order_id")));
        publish(new RunObserved(
                "run-ok-" + id,
                "airflow",
                "load_orders",
                RunState.COMPLETE,
                now.minus(Duration.ofMinutes(40)),
                List.of(),
                List.of(checked),
                "sales-ci"));
        publish(new RunObserved(
                "run-bad-" + id,
                "airflow",
                "load_orders",
                RunState.FAIL,
                now.minus(Duration.ofMinutes(5)),
                List.of(),
                List.of(orders),
                "sales-ci"));

        openAs("/products/" + id, "alice");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("SLA")).click();
        BrowserSupport.awaitVaadin(page);

        // Freshness from the completed run: met, the failed one did not count as an update.
        Locator freshness = page.locator(".sla-objective[data-property='latency']");
        assertThat(freshness.locator(".sla-declared")).hasText("freshness ≤ 4 h");
        assertThat(freshness.locator(".sla-status").first()).hasText("✓ Met");
        assertThat(freshness).containsText("last update 40 min ago");

        Locator runs = page.locator("#sla-runs");
        assertThat(runs.getByRole(AriaRole.HEADING)).hasText("Recent pipeline runs");
        Locator rows = runs.locator("tr.sla-run");
        assertThat(rows).hasCount(2);
        // Newest first: the failed run, said in words and with a symbol, not by colour alone.
        assertThat(rows.nth(0)).containsText("run-bad-" + id);
        assertThat(rows.nth(0)).containsText("airflow/load_orders");
        assertThat(rows.nth(0).locator(".sla-run-state")).hasText("✕ Failed");
        assertThat(rows.nth(1).locator(".sla-run-state")).hasText("✓ Complete");

        Locator observations = page.locator("#sla-observations tr.sla-observation");
        Locator update = observations.and(page.locator("[data-kind='updated']"));
        assertThat(update).hasCount(1);
        assertThat(update).containsText("run of job airflow/load_orders run-ok-" + id);
        Locator quality = observations.and(page.locator("[data-kind='quality']"));
        assertThat(quality).containsText("quality: not_null (order_id)");
        assertThat(quality).containsText("✓ passed");
        runs.scrollIntoViewIfNeeded();
        page.locator("#sla-panel")
                .screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target/screenshots/sla-tab-runs.png")));
    }

    private void publish(RunObserved run) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(run));
    }

    private void publishProduct(String id) {
        String contract = """
                apiVersion: v3.1.0
                kind: DataContract
                id: %s-orders-v1
                version: 1.0.0
                status: active
                slaProperties:
                  - property: latency
                    value: '4'
                    unit: 'h'
                """.formatted(id);
        String product = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: Orders %s
                status: draft
                domain: ui-tests
                team:
                  name: sales
                outputPorts:
                  - name: orders
                    version: 1.0.0
                    contractId: %s-orders-v1
                """.formatted(id, id, id);
        RunAs.user("carol", List.of("finance", "mesh-admins"), () -> {
            catalog.publishContract(null, contract, DocumentFormat.YAML, "sales", null);
            return catalog.publishProduct(id, product, DocumentFormat.YAML, null, null);
        });
    }
}

package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestInfrastructure;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The journey, end to end: alice creates an API key for sales in Team settings; the sales
 * pipeline (this test) runs the real OpenLineage Java client with that key and no Meshport code,
 * reading the orders table and a marketing table and writing the order insights table; alice then
 * sees the run in the lineage graph (the declared edge seen both ways, the marketing read drawn as
 * observed only), a drift warning above it, and the drift on My products.
 */
@MeshportTest
class PipelineJourneyTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    @Test
    void alice_creates_a_key_the_pipeline_reports_a_run_and_she_sees_observed_lineage_and_drift() throws Exception {
        String s = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String host = "warehouse-" + s + ".example";
        String orders = "journey-orders-" + s;
        String leads = "journey-leads-" + s;
        String insights = "journey-insights-" + s;
        publish(orders, "Journey Orders " + s, "sales", host, "orders", null);
        publish(leads, "Journey Leads " + s, "marketing", host, "leads", null);
        publish(insights, "Journey Insights " + s, "sales", host, "order_insights", orders + "-v1");

        // Alice creates the pipeline's key, typing its name as a person does.
        openAs("/teams", "alice");
        assertThat(page).hasURL(Pattern.compile(".*/teams/sales$"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API key"))
                .click();
        Locator create = page.locator("#create-api-key-dialog");
        typeAsPerson(create.getByLabel("Name"), "insights pipeline " + s, () -> BrowserSupport.awaitVaadin(page));
        create.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create"))
                .click();
        BrowserSupport.awaitVaadin(page);
        Locator shown = page.locator("#api-key-secret-dialog");
        assertThat(shown).containsText("will not be shown again");
        String secret = shown.getByLabel("Secret").inputValue();
        shown.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("I have stored it"))
                .click();
        BrowserSupport.awaitVaadin(page);

        // The pipeline: the OpenLineage client as any Spark or Airflow job carries it, with the key.
        String namespace = "postgres://" + host + ":5432";
        OpenLineage ol = new OpenLineage(URI.create("https://github.com/meshport/journeys/insights"));
        UUID runId = UUID.randomUUID();
        ZonedDateTime started =
                ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).minusMinutes(20);
        try (OpenLineageClient client = client(secret)) {
            client.emit(ol.newRunEventBuilder()
                    .eventType(OpenLineage.RunEvent.EventType.START)
                    .eventTime(started)
                    .run(ol.newRunBuilder().runId(runId).build())
                    .job(ol.newJobBuilder()
                            .namespace("airflow")
                            .name("build_insights_" + s)
                            .build())
                    .inputs(List.of(
                            ol.newInputDatasetBuilder()
                                    .namespace(namespace)
                                    .name("mesh.public.orders")
                                    .build(),
                            ol.newInputDatasetBuilder()
                                    .namespace(namespace)
                                    .name("mesh.public.leads")
                                    .build()))
                    .outputs(List.of())
                    .build());
            client.emit(ol.newRunEventBuilder()
                    .eventType(OpenLineage.RunEvent.EventType.COMPLETE)
                    .eventTime(started.plusMinutes(7))
                    .run(ol.newRunBuilder().runId(runId).build())
                    .job(ol.newJobBuilder()
                            .namespace("airflow")
                            .name("build_insights_" + s)
                            .build())
                    .inputs(List.of())
                    .outputs(List.of(ol.newOutputDatasetBuilder()
                            .namespace(namespace)
                            .name("mesh.public.order_insights")
                            .build()))
                    .build());
        }

        // The graph: orders → insights declared and seen (both), leads → insights seen only.
        page.navigate(portalUrl() + "/products/" + insights + "/lineage");
        BrowserSupport.awaitVaadin(page);
        Locator graph = page.locator("#lineage-graph[data-ready='true']");
        assertThat(graph).isVisible();
        assertThat(graph).hasAttribute("data-node-count", "3");
        assertThat(graph).hasAttribute("data-observed-edge-count", "1");
        assertThat(graph).hasAttribute("data-both-edge-count", "1");
        org.assertj.core.api.Assertions.assertThat(
                        graph.evaluate("(g, id) => g.drawnStyle(id).lineStyle", leads + "->" + insights))
                .as("the edge only runs show is drawn dashed")
                .isEqualTo("dashed");
        org.assertj.core.api.Assertions.assertThat(BrowserSupport.hasInk(graph))
                .as("the canvas shows the graph")
                .isTrue();
        Locator notice = page.locator("#lineage-drift");
        assertThat(notice).isVisible();
        assertThat(notice).containsText("Runs read port 'out' of Journey Leads " + s);
        page.screenshot(
                new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/pipeline-journey-lineage.png")));

        // My products: the drift is there, and counts as needing attention.
        page.navigate(portalUrl() + "/my");
        BrowserSupport.awaitVaadin(page);
        typeAsPerson(page.getByLabel("Filter by name or id"), "Journey Insights " + s, () -> assertThat(
                        page.locator("#my-products vaadin-grid-cell-content:visible")
                                .getByRole(
                                        AriaRole.LINK,
                                        new Locator.GetByRoleOptions()
                                                .setName("Journey Insights " + s)
                                                .setExact(true)))
                .hasCount(1));
        Locator mark = page.locator("#my-products vaadin-grid-cell-content:visible")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Lineage drift: 1"));
        assertThat(mark).hasCount(1);
        page.getByLabel("Needs attention only").check();
        BrowserSupport.awaitVaadin(page);
        assertThat(mark).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/pipeline-journey-my.png")));
    }

    private static OpenLineageClient client(String apiKey) {
        HttpConfig config = new HttpConfig();
        config.setUrl(URI.create(TestInfrastructure.portalUrl()));
        ApiKeyTokenProvider key = new ApiKeyTokenProvider();
        key.setApiKey(apiKey);
        config.setAuth(key);
        config.setCompression(HttpConfig.Compression.GZIP);
        return OpenLineageClient.builder().transport(new HttpTransport(config)).build();
    }

    /**
     * A product with one output port 'out' whose contract names its PostgreSQL table, reading
     * {@code consumes} if given.
     */
    private void publish(String id, String name, String team, String host, String table, @Nullable String consumes) {
        String contract = """
                apiVersion: v3.0.2
                kind: DataContract
                id: %s-v1
                version: 1.0.0
                status: active
                servers:
                  - server: warehouse
                    type: postgres
                    host: %s
                    port: 5432
                    database: mesh
                    schema: public
                schema:
                  - name: %s
                    physicalName: %s
                    properties:
                      - {name: id, logicalType: string}
                """.formatted(id, host, table, table);
        String product = "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: " + name
                + "\nstatus: draft\ndomain: pipeline-journey\nteam:\n  name: " + team
                + "\ndescription:\n  purpose: Part of the pipeline journey, reported by its runs.\n"
                + "outputPorts:\n  - {name: out, version: 1.0.0, contractId: " + id + "-v1}\n"
                + (consumes == null
                        ? ""
                        : "inputPorts:\n  - {name: in, version: 1.0.0, contractId: " + consumes + "}\n");
        RunAs.user("carol", List.of("finance", "mesh-admins"), () -> {
            catalog.publishContract(id + "-v1", contract, DocumentFormat.YAML, team, null);
            return catalog.publishProduct(id, product, DocumentFormat.YAML, team, null);
        });
    }
}

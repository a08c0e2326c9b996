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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pipeline runs read sales' orders to build a product that declares it (the edge is seen both
 * ways) and an audit product that declares nothing: bob sees the observed edge drawn dashed and
 * labelled, the one seen both ways thick from a diamond, a legend saying so, and "Declared only"
 * hides the observed consumer; the table says each row's provenance.
 */
@MeshportTest
class ObservedLineageJourneyTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void bob_sees_an_observed_edge_dashed_beside_the_declared_and_hides_it_with_declared_only() {
        String s = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String orders = "observed-orders-" + s;
        String insights = "observed-insights-" + s;
        String audit = "observed-audit-" + s;
        publish(orders, "Observed Orders " + s, "sales", null, orders + "-v1");
        publish(insights, "Order Insights " + s, "sales", orders + "-v1", insights + "-v1");
        publish(audit, "Order Audit " + s, "marketing", null, audit + "-v1");
        observe(orders, insights, Instant.parse("2026-11-20T06:00:00Z"));
        observe(orders, audit, Instant.parse("2026-11-21T06:30:00Z"));

        openAs("/products/" + orders + "/lineage", "bob");
        Locator graph = awaitGraph();
        assertThat(graph).hasAttribute("data-node-count", "3");
        assertThat(graph).hasAttribute("data-observed-edge-count", "1");
        assertThat(graph).hasAttribute("data-both-edge-count", "1");
        assertThat(page.locator("#lineage-summary"))
                .hasText("0 upstream and 2 downstream products shown, 1 edge only observed in runs.");

        // What cytoscape drew: observed dashed and labelled, both ways thick and solid from a diamond.
        org.assertj.core.api.Assertions.assertThat(drawn(graph, orders + "->" + audit))
                .containsEntry("kind", "observed")
                .containsEntry("provenance", "observed")
                .containsEntry("lineStyle", "dashed")
                .containsEntry("label", "observed");
        Map<String, String> both = drawn(graph, orders + "->" + insights);
        org.assertj.core.api.Assertions.assertThat(both)
                .containsEntry("provenance", "both")
                .containsEntry("lineStyle", "solid")
                .containsEntry("sourceArrow", "diamond");
        org.assertj.core.api.Assertions.assertThat(
                        Double.parseDouble(both.get("width").replace("px", "")))
                .isGreaterThan(3);
        // And on the screen: the observed edge's teal is painted.
        org.assertj.core.api.Assertions.assertThat(paintedPixels(graph, 0x0f, 0x76, 0x6e))
                .as("pixels of the observed edge's colour on the canvas")
                .isGreaterThan(20);
        Locator legend = graph.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Legend"));
        assertThat(legend).containsText("Observed in pipeline runs only (short-dashed teal line, labelled “observed”)");
        assertThat(legend).containsText("Declared and observed (thick solid line from a diamond)");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/lineage-observed.png")));

        // Declared only: the audit product, which only runs show reading the orders, is gone.
        Locator show = page.locator("#lineage-show");
        assertThat(show).containsText("Show");
        show.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Declared only"))
                .check();
        BrowserSupport.awaitVaadin(page);
        assertThat(graph).hasAttribute("data-node-count", "2");
        graph = awaitGraph();
        assertThat(graph).hasAttribute("data-observed-edge-count", "0");
        org.assertj.core.api.Assertions.assertThat(graph.evaluate("(g, id) => g.drawnStyle(id)", orders + "->" + audit))
                .as("the observed edge is not drawn")
                .isNull();
        assertThat(page).hasURL(Pattern.compile(".*show=declared.*"));

        // Observed and declared again, as a table: each row's provenance and last observation.
        show.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Declared and observed"))
                .check();
        BrowserSupport.awaitVaadin(page);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Table"))
                .check();
        BrowserSupport.awaitVaadin(page);
        Locator table = page.locator("#lineage-table");
        assertThat(table).hasJSProperty("size", 2);
        assertThat(table.getByText("Provenance", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(table.getByText("observed in runs", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(table.getByText("both", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(table.getByText("2026-11-21 06:30 UTC")).isVisible();

        // Impact analysis names the observed consumer, and says it does.
        page.navigate(portalUrl() + "/products/" + orders);
        BrowserSupport.awaitVaadin(page);
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Impact"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#impact-summary"))
                .hasText("2 products downstream (1 only observed in pipeline runs).");
        assertThat(page.locator("#impact-provenance")).hasText("Includes consumers observed in pipeline runs.");
        assertThat(page.locator("#impact-table").getByText("observed in runs")).isVisible();
        page.getByText("Include consumers observed in pipeline runs").click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#impact-summary")).hasText("1 product downstream.");
    }

    private Locator awaitGraph() {
        Locator graph = page.locator("#lineage-graph[data-ready='true']");
        assertThat(graph).isVisible();
        return graph;
    }

    /** A run that read the provider's port out0 and wrote the consumer's, as the ingest publishes it. */
    private void observe(String provider, String consumer, Instant at) {
        RunObserved run = new RunObserved(
                UUID.randomUUID().toString(),
                "journey",
                "build-" + consumer,
                RunState.COMPLETE,
                at,
                List.of(port(provider)),
                List.of(port(consumer)),
                "journey");
        transactions.executeWithoutResult(status -> events.publishEvent(run));
    }

    private static PortDataset port(String product) {
        return new PortDataset(
                product,
                "out0",
                product + "-v1",
                new DatasetName("postgres://" + product + ".test:5432", "public.out0"),
                List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> drawn(Locator graph, String id) {
        Map<String, String> style = (Map<String, String>) graph.evaluate("(g, id) => g.drawnStyle(id)", id);
        org.assertj.core.api.Assertions.assertThat(style).as("%s is drawn", id).isNotNull();
        return style;
    }

    /** How many canvas pixels are (nearly) of this colour. */
    private static int paintedPixels(Locator graph, int red, int green, int blue) {
        return ((Number) graph.evaluate("""
                        (g, [r, gr, b]) => {
                          let n = 0;
                          for (const c of g.querySelectorAll('canvas')) {
                            if (!c.width || !c.height) continue;
                            const p = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                            for (let i = 0; i < p.length; i += 4) {
                              if (p[i + 3] > 200 && Math.abs(p[i] - r) < 24 && Math.abs(p[i + 1] - gr) < 24
                                  && Math.abs(p[i + 2] - b) < 24) n++;
                            }
                          }
                          return n;
                        }""", List.of(red, green, blue))).intValue();
    }

    /** A draft product reading {@code consumes} (if any) and offering {@code provides} on out0. */
    private void publish(String id, String name, String team, @Nullable String consumes, String provides) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: %s
                status: draft
                domain: observed-journey
                team:
                  name: %s
                """.formatted(id, name, team));
        if (consumes != null) {
            yaml.append("inputPorts:\n  - name: in0\n    version: 1.0.0\n    contractId: ")
                    .append(consumes)
                    .append('\n');
        }
        yaml.append("outputPorts:\n  - name: out0\n    version: 1.0.0\n    contractId: ")
                .append(provides)
                .append('\n');
        RunAs.user(
                "carol",
                List.of("finance", "mesh-admins"),
                () -> catalog.publishProduct(id, yaml.toString(), DocumentFormat.YAML, null, null));
    }
}

package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestInfrastructure;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A consumer explores a product's lineage: the graph opens one hop each way, grows upstream from a
 * node, leads to another product, and the same lineage reads as a table by keyboard.
 */
@MeshportTest
class LineageViewTest extends BrowserTest {

    @Test
    void open_the_lineage_expand_upstream_and_open_a_nodes_product() {
        openAs("/products/customer-360/lineage", "dave");
        assertThat(page).hasTitle("Lineage of Customer 360 · Meshport");
        Locator graph = awaitGraph();
        // One hop each way: four inputs and one consumer around the product itself.
        assertThat(graph).hasAttribute("data-node-count", "6");
        assertThat(page.locator("#lineage-summary")).hasText("4 upstream and 1 downstream products shown.");

        // Marketing Leads derives from Marketing Campaigns, which is not shown yet.
        clickNode(graph, "marketing-leads");
        Locator popup = graph.getByRole(AriaRole.DIALOG);
        assertThat(popup.getByRole(AriaRole.LINK)).hasText("Marketing Leads");
        popup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("◀ Expand upstream"))
                .click();
        BrowserSupport.awaitVaadin(page);
        graph = awaitGraph();
        assertThat(graph).hasAttribute("data-node-count", "7");
        assertThat(page.locator("#lineage-summary")).hasText("5 upstream and 1 downstream products shown.");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/lineage-expanded.png")));

        // The new node's name opens its product.
        clickNode(graph, "marketing-campaigns");
        graph.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Marketing Campaigns"))
                .click();
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/products/marketing-campaigns");
        assertThat(page).hasTitle("Marketing Campaigns · Meshport");
    }

    @Test
    void the_product_pages_lineage_tab_draws_the_graph_in_a_fresh_session() {
        // Straight to the product page: the full-screen lineage page was never opened in this session.
        openAs("/products/revenue-analytics", "dave");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Lineage"))
                .click();
        Locator graph = awaitGraph();
        assertThat(graph).hasAttribute("data-node-count", "4");

        // What a person sees: a canvas of a real size with every product drawn inside it.
        Locator canvas = graph.locator(".lineage-canvas");
        BoundingBox box = canvas.boundingBox();
        org.assertj.core.api.Assertions.assertThat(box.width).isGreaterThan(300);
        org.assertj.core.api.Assertions.assertThat(box.height).isGreaterThan(200);
        for (String id : new String[] {"revenue-analytics", "general-ledger", "sales-orders", "financial-forecasts"}) {
            Map<String, Number> at = nodePosition(graph, id);
            org.assertj.core.api.Assertions.assertThat(at)
                    .as("node %s is drawn", id)
                    .isNotNull();
            org.assertj.core.api.Assertions.assertThat(at.get("x").doubleValue())
                    .as("node %s within the canvas", id)
                    .isBetween(box.x, box.x + box.width);
            org.assertj.core.api.Assertions.assertThat(at.get("y").doubleValue())
                    .as("node %s within the canvas", id)
                    .isBetween(box.y, box.y + box.height);
        }
        org.assertj.core.api.Assertions.assertThat(BrowserSupport.hasInk(graph))
                .as("the canvas shows the graph")
                .isTrue();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/product-lineage-tab.png")));
    }

    @Test
    void the_product_pages_lineage_tab_reads_as_a_table_by_keyboard() {
        openAs("/products/revenue-analytics", "dave");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Lineage"))
                .click();
        assertThat(awaitGraph()).hasAttribute("data-node-count", "4");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open full screen")))
                .isVisible();

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Table"))
                .check();
        BrowserSupport.awaitVaadin(page);
        Locator table = page.locator("#lineage-table");
        assertThat(table).hasAttribute("aria-label", "Lineage of Revenue Analytics as a table");
        assertThat(table).hasJSProperty("size", 3);
        for (String name : new String[] {"General Ledger", "Sales Orders", "Financial Forecasts"}) {
            assertThat(table.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)))
                    .isVisible();
        }

        // Keyboard only: from a cell of the first row to its product link, and along it.
        table.getByText("Upstream").first().click();
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowRight");
        page.keyboard().press("Enter");
        Locator focused = page.locator("#lineage-table a:focus");
        assertThat(focused).hasText("General Ledger");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/products/general-ledger");
    }

    @Test
    void deprecated_products_and_unresolved_inputs_are_marked_in_the_graph_and_the_table() {
        openAs("/products/general-ledger/lineage", "dave");
        Locator graph = awaitGraph();
        assertThat(graph).hasAttribute("data-node-count", "5");

        // Financial Forecasts also reads treasury's cash positions, whose FX input nobody provides.
        clickNode(graph, "financial-forecasts");
        graph.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("◀ Expand upstream"))
                .click();
        BrowserSupport.awaitVaadin(page);
        graph = awaitGraph();
        assertThat(graph).hasAttribute("data-node-count", "7");
        assertThat(page.locator("#lineage-summary"))
                .hasText("1 upstream and 3 downstream products shown, 1 related, 1 unresolved input.");
        assertThat(graph.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Legend")))
                .containsText("DEPRECATED (dashed orange border)");

        page.getByLabel("Group by domain").check();
        BrowserSupport.awaitVaadin(page);
        awaitGraph();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/lineage.png")));

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Table"))
                .check();
        assertThat(page)
                .hasURL(Pattern.compile(
                        ".*/products/general-ledger/lineage\\?(depth=1&view=table|view=table&depth=1)$"));
        Locator table = page.locator("#lineage-table");
        assertThat(table).hasJSProperty("size", 6);
        assertThat(table.getByText("external-fx-rates-v1")).isVisible();
        assertThat(table.getByRole(
                        AriaRole.LINK, new Locator.GetByRoleOptions().setName("Monthly Revenue Extract (deprecated)")))
                .isVisible();
    }

    private Locator awaitGraph() {
        Locator graph = page.locator("#lineage-graph[data-ready='true']");
        assertThat(graph).isVisible();
        return graph;
    }

    /** Clicks a node on the canvas where a person sees it. */
    private void clickNode(Locator graph, String id) {
        Map<String, Number> at = nodePosition(graph, id);
        page.mouse().click(at.get("x").doubleValue(), at.get("y").doubleValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> nodePosition(Locator graph, String id) {
        return (Map<String, Number>) graph.evaluate("(g, id) => g.nodeClientPosition(id)", id);
    }
}

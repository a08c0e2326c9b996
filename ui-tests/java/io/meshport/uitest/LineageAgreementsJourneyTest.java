package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.access.AccessRequest;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.access.Provisioning;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Marketing reads a sales product through approved agreements, once for one of its products and
 * once as a team: the lineage graph draws both as consumers, visibly unlike a declared input, the
 * table lists them with port, contract version and provisioning, and impact analysis names them.
 */
@MeshportTest
class LineageAgreementsJourneyTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    AccessService access;

    @Test
    void bob_sees_marketings_agreements_as_consumers_drawn_apart_from_declared_inputs_and_in_the_impact() {
        String s = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String orders = "agreed-orders-" + s;
        String insights = "order-insights-" + s;
        String campaigns = "campaign-attribution-" + s;
        contract(orders + "-v1");
        contract(orders + "-v2");
        publish(orders, "Agreed Orders " + s, "sales", "active", null, orders + "-v1", orders + "-v2");
        publish(insights, "Order Insights " + s, "sales", "draft", orders + "-v1");
        publish(campaigns, "Campaign Attribution " + s, "marketing", "draft", null);
        Agreement forProduct = agree(orders, "out0", campaigns);
        asAlice(() -> access.reportProvisioning(forProduct.id(), Provisioning.GRANTED, "role granted"));
        agree(orders, "out1", null);

        openAs("/products/" + orders + "/lineage", "bob");
        Locator graph = awaitGraph();
        assertThat(graph).hasAttribute("data-node-count", "4");
        assertThat(graph).hasAttribute("data-agreement-edge-count", "2");
        assertThat(graph).hasAttribute("data-team-node-count", "1");
        assertThat(page.locator("#lineage-summary"))
                .hasText("0 upstream and 2 downstream products shown, 1 consumer team, 2 agreements.");

        // What cytoscape drew: the declared input solid, the agreements dashed, from a circle,
        // labelled "agreement"; the team an ellipse where products are rounded boxes.
        Map<String, String> declared = drawn(graph, orders + "->" + insights);
        org.assertj.core.api.Assertions.assertThat(declared)
                .containsEntry("kind", "declared")
                .containsEntry("lineStyle", "solid")
                .containsEntry("sourceArrow", "none");
        for (String to : List.of(campaigns, "team:marketing")) {
            org.assertj.core.api.Assertions.assertThat(drawn(graph, orders + "->" + to + ":agreement"))
                    .as("the agreement edge to %s", to)
                    .containsEntry("kind", "agreement")
                    .containsEntry("lineStyle", "dashed")
                    .containsEntry("label", "agreement")
                    .containsEntry("sourceArrow", "circle");
        }
        org.assertj.core.api.Assertions.assertThat(drawn(graph, "team:marketing"))
                .containsEntry("kind", "TEAM")
                .containsEntry("shape", "ellipse")
                .containsEntry("borderStyle", "dashed");
        org.assertj.core.api.Assertions.assertThat(drawn(graph, campaigns)).containsEntry("shape", "round-rectangle");
        // And on the screen: the agreements' purple is painted, beside the declared edge's grey.
        org.assertj.core.api.Assertions.assertThat(paintedPixels(graph, 0x6d, 0x28, 0xd9))
                .as("pixels of the agreement colour on the canvas")
                .isGreaterThan(40);
        org.assertj.core.api.Assertions.assertThat(paintedPixels(graph, 0x8a, 0x99, 0xad))
                .as("pixels of the declared edge's colour on the canvas")
                .isGreaterThan(20);
        Locator legend = graph.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Legend"));
        assertThat(legend).containsText("Approved agreement (dashed purple line from a circle");
        assertThat(legend).containsText("Consumer team reading through an agreement (ellipse");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/lineage-agreements.png")));

        // The team is a leaf: its popup offers no expansion.
        clickNode(graph, "team:marketing");
        Locator popup = graph.getByRole(AriaRole.DIALOG);
        assertThat(popup).containsText("Team marketing");
        assertThat(popup).containsText("approved agreement");
        assertThat(popup.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Expand downstream ▶")))
                .hasCount(0);

        // The table: kind, port, contract version agreed and provisioning.
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Table"))
                .check();
        BrowserSupport.awaitVaadin(page);
        Locator table = page.locator("#lineage-table");
        assertThat(table).hasJSProperty("size", 3);
        assertThat(table.getByText("Team marketing")).isVisible();
        assertThat(table.getByText("declared input")).isVisible();
        assertThat(table.getByText("agreement", new Locator.GetByTextOptions().setExact(true)))
                .hasCount(2);
        assertThat(table.getByText("out0@1.0.0")).isVisible();
        assertThat(table.getByText("out1@1.0.0")).isVisible();
        assertThat(table.getByText("granted", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(table.getByText("pending", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(table.getByText("2.4.0", new Locator.GetByTextOptions().setExact(true)))
                .hasCount(2);

        // Impact analysis: who is hurt if Agreed Orders breaks, and how each consumes it.
        page.navigate(portalUrl() + "/products/" + orders);
        BrowserSupport.awaitVaadin(page);
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Impact"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#impact-summary"))
                .hasText("2 products downstream (1 through an agreement), and 1 team reading through an agreement.");
        Locator impact = page.locator("#impact-table");
        assertThat(impact).hasJSProperty("size", 3);
        assertThat(impact.getByText("Team marketing")).isVisible();
        assertThat(impact.getByText("agreement on out1@1.0.0 (contract 2.4.0)")).isVisible();
        assertThat(impact.getByText("agreement on out0@1.0.0 (contract 2.4.0)")).isVisible();
        assertThat(impact.getByText("declared input")).isVisible();
    }

    @Test
    void before_deprecating_alice_sees_the_team_and_the_product_reading_through_agreements() {
        String s = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String orders = "deprecated-orders-" + s;
        String campaigns = "campaign-reach-" + s;
        contract(orders + "-v1");
        contract(orders + "-v2");
        publish(orders, "Orders To Deprecate " + s, "sales", "active", null, orders + "-v1", orders + "-v2");
        publish(campaigns, "Campaign Reach " + s, "marketing", "draft", null);
        agree(orders, "out0", campaigns);
        agree(orders, "out1", null);

        openAs("/products/" + orders + "/edit", "alice");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deprecate…"))
                .click();
        page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Deprecate " + orders))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deprecate"))
                .click();
        // No product declares an input of it: without the agreements nobody would be named.
        Locator impact = page.getByRole(
                AriaRole.DIALOG, new Page.GetByRoleOptions().setName("1 product and 1 team downstream of " + orders));
        assertThat(impact.locator("#impact-proceed")).isVisible();
        Locator affected = impact.locator("#impact-products");
        assertThat(affected).hasJSProperty("size", 2);
        assertThat(affected.getByText("Team marketing", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(affected.getByText("Campaign Reach " + s)).isVisible();
        assertThat(affected.getByText("agreement on out0@1.0.0")).isVisible();
        assertThat(affected.getByText("agreement on out1@1.0.0")).isVisible();
        impact.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"))
                .click();
        assertThat(impact.locator("#impact-proceed")).not().isVisible();
    }

    private Locator awaitGraph() {
        Locator graph = page.locator("#lineage-graph[data-ready='true']");
        assertThat(graph).isVisible();
        return graph;
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

    @SuppressWarnings("unchecked")
    private void clickNode(Locator graph, String id) {
        Map<String, Number> at = (Map<String, Number>) graph.evaluate("(g, id) => g.nodeClientPosition(id)", id);
        page.mouse().click(at.get("x").doubleValue(), at.get("y").doubleValue());
    }

    /** Bob asks on behalf of marketing; alice, of the providing team, approves. */
    private Agreement agree(String product, String port, @Nullable String consumerProduct) {
        Agreement requested = RunAs.user(
                "bob",
                List.of("marketing"),
                () -> access.request(new AccessRequest(
                        product, port, null, "Campaign *attribution*", "marketing", consumerProduct, null, null)));
        return asAlice(() -> access.decide(requested.id(), AccessService.Decision.APPROVE, "Go ahead", null));
    }

    private void contract(String id) {
        String yaml = """
                apiVersion: v3.0.2
                kind: DataContract
                id: %s
                version: 2.4.0
                status: active
                slaProperties:
                  - property: latency
                    value: 4
                    unit: h
                """.formatted(id);
        asAlice(() -> catalog.publishContract(null, yaml, DocumentFormat.YAML, "sales", null));
    }

    /** A product reading {@code consumes} (if any) and offering each of {@code provides} on out0, out1, ... */
    private void publish(
            String id, String name, String team, String status, @Nullable String consumes, String... provides) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: %s
                status: %s
                domain: agreements-journey
                description:
                  purpose: Orders as the journey of agreements in lineage needs them.
                team:
                  name: %s
                """.formatted(id, name, status, team));
        if (consumes != null) {
            yaml.append("inputPorts:\n  - name: in0\n    version: 1.0.0\n    contractId: ")
                    .append(consumes)
                    .append('\n');
        }
        if (provides.length > 0) {
            yaml.append("outputPorts:\n");
            for (int i = 0; i < provides.length; i++) {
                yaml.append("  - name: out")
                        .append(i)
                        .append("\n    version: 1.0.0\n    contractId: ")
                        .append(provides[i])
                        .append('\n');
            }
        }
        RunAs.user(
                "carol",
                List.of("finance", "mesh-admins"),
                () -> catalog.publishProduct(id, yaml.toString(), DocumentFormat.YAML, null, null));
    }

    private static <T> T asAlice(Supplier<T> work) {
        return RunAs.user("alice", List.of("sales"), work);
    }
}

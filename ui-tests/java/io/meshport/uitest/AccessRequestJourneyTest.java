package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.access.AccessRequest;
import io.meshport.access.AccessService;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestInfrastructure;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access loop in the browser: a consumer asks for a port, the owner decides from the bell, and
 * the consumer sees the agreement approved with its provisioning still pending (approved is not
 * granted).
 */
@MeshportTest
class AccessRequestJourneyTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessService access;

    @Test
    void bob_requests_a_sales_port_alice_approves_from_her_notification_and_bob_sees_the_agreement() {
        String s = "acc" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String product = s + "-orders";
        publishSalesProduct(product, "Orders " + s, "owners");

        // Bob opens the sales product and asks for its port.
        openAs("/products/" + product + "?tab=ports-and-contracts", "bob");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request access to orders"))
                .click();
        Locator dialog = page.locator("#request-access-dialog");
        assertThat(dialog.getByLabel("Consuming team")).containsText("marketing");
        typeAsPerson(
                dialog.getByLabel("Purpose"),
                "Weekly campaign reports by region.",
                () -> BrowserSupport.awaitVaadin(page));
        dialog.getByText("Preview").click();
        assertThat(dialog.locator(".markdown")).containsText("Weekly campaign reports by region.");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send request"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#send-access-request")).isHidden();
        assertThat(page.locator(".port-access-state")).containsText("marketing: Requested — waiting for sales");

        // The providing team hears of it after the commit, on the listener's thread.
        PendingEvents.awaitHandled(jdbc, product);

        // Alice sees the request in her bell, opens it from there and approves it with a comment.
        signInAgainAs("/", "alice");
        assertThat(page.locator("#notification-count")).hasText(Pattern.compile("[1-9][0-9]*"));
        page.locator("#notification-bell").click();
        Locator notification = page.getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions()
                        .setName("Bob Brennan (marketing) asks for access to Orders " + s
                                + " · orders: waiting for your decision"));
        assertThat(notification).isVisible();
        notification.click();
        // A JavaScript regular expression: Pattern.quote's \Q..\E means nothing there.
        assertThat(page)
                .hasURL(Pattern.compile(
                        TestInfrastructure.portalUrl().replace(".", "\\.") + "/access\\?request=[0-9a-f-]{36}$"));
        BrowserSupport.awaitVaadin(page);
        Locator details = page.locator("#access-request-details");
        assertThat(details.locator("#access-request-state")).hasText("Requested — waiting for sales");
        assertThat(details).containsText("Weekly campaign reports by region.");
        details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                .click();
        Locator step = page.locator("#access-step-dialog");
        typeAsPerson(
                step.getByLabel("Comment (optional)"),
                "Fine for campaign reporting.",
                () -> BrowserSupport.awaitVaadin(page));
        step.locator("#access-step-confirm").click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#access-step-confirm")).isHidden();
        assertThat(page.locator("#access-request-state")).hasText("Approved — provisioning pending");
        assertThat(page.locator("#access-request-history")).containsText("Fine for campaign reporting.");

        PendingEvents.awaitHandled(jdbc, product);

        // Bob sees the agreement approved on /access, its provisioning still pending.
        signInAgainAs("/access", "bob");
        page.getByLabel("Status").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName("approved").setExact(true))
                .click();
        BrowserSupport.awaitVaadin(page);
        Locator grid = page.locator("#access-agreements");
        assertThat(grid.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Orders " + s)))
                .isVisible();
        String id = jdbc.sql("select id::text from access_agreement where product_id = ?")
                .param(product)
                .query(String.class)
                .single();
        grid.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(id.substring(0, 8)))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#access-request-state")).hasText("Approved — provisioning pending");
        assertThat(page.locator("#access-request-details")).containsText("Alice Andersen");

        // Lineage: the agreement makes marketing a consumer of the product, drawn as a team node
        // at the end of a dashed "agreement" edge, apart from declared inputs.
        page.navigate(TestInfrastructure.portalUrl() + "/products/" + product + "/lineage");
        Locator graph = page.locator("#lineage-graph[data-ready='true']");
        assertThat(graph).isVisible();
        assertThat(graph).hasAttribute("data-agreement-edge-count", "1");
        assertThat(graph).hasAttribute("data-team-node-count", "1");
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> drawn = (java.util.Map<String, String>)
                graph.evaluate("(g, id) => g.drawnStyle(id)", product + "->team:marketing:agreement");
        org.assertj.core.api.Assertions.assertThat(drawn)
                .containsEntry("kind", "agreement")
                .containsEntry("lineStyle", "dashed")
                .containsEntry("label", "agreement");
    }

    @Test
    void alice_rejects_on_the_products_access_tab_only_with_a_reason_and_dave_is_told_to_join_a_team() {
        String product = "acc" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + "-orders";
        publishSalesProduct(product, "Orders " + product, "owners");
        RunAs.user(
                "bob",
                List.of("marketing"),
                () -> access.request(
                        new AccessRequest(product, "orders", null, "Lead scoring", "marketing", null, null, null)));

        openAs("/products/" + product + "?tab=access", "alice");
        assertThat(page.locator("#product-access-summary"))
                .hasText("1 requests and agreements, 1 waiting for a decision.");
        Locator agreements = page.locator("#product-access-agreements");
        assertThat(agreements).containsText("requested");
        agreements
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject"))
                .click();
        Locator step = page.locator("#access-step-dialog");
        step.locator("#access-step-confirm").click();
        BrowserSupport.awaitVaadin(page);
        assertThat(step.getByText("Give a reason: the requesting team reads it."))
                .isVisible();
        typeAsPerson(step.getByLabel("Reason"), "Leads come from CRM.", () -> BrowserSupport.awaitVaadin(page));
        step.locator("#access-step-confirm").click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#access-step-confirm")).isHidden();
        assertThat(page.locator("#product-access-agreements .access-rejected")).hasText("rejected");
        assertThat(page.locator("#product-access-summary"))
                .hasText("1 requests and agreements, 0 waiting for a decision.");

        // Dave belongs to no team: instead of the button, he is told why he cannot ask.
        signInAgainAs("/products/" + product + "?tab=ports-and-contracts", "dave");
        assertThat(page.getByText("Join a team to request access")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request access to orders")))
                .hasCount(0);
    }

    @Test
    void bob_sees_the_services_rules_at_the_fields_and_a_port_that_decides_by_itself_approves_at_once() {
        String product = "acc" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36) + "-orders";
        publishSalesProduct(product, "Orders " + product, "automatic");

        openAs("/products/" + product + "?tab=ports-and-contracts", "bob");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request access to orders"))
                .click();
        Locator dialog = page.locator("#request-access-dialog");
        Locator end = dialog.getByLabel("End date (optional)");
        end.click();
        end.pressSequentially(
                LocalDate.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.ofPattern("M/d/yyyy")),
                new Locator.PressSequentiallyOptions().setDelay(80));
        end.press("Enter");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send request"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(dialog.getByText("Say what the data will be used for.")).isVisible();
        assertThat(dialog.getByText("The end lies before the start.")).isVisible();
        assertThat(page.locator("#send-access-request")).isVisible();

        end.clear();
        end.press("Enter");
        typeAsPerson(dialog.getByLabel("Purpose"), "Churn *signals*.", () -> BrowserSupport.awaitVaadin(page));
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send request"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#send-access-request")).isHidden();
        assertThat(page.locator(".port-access-state"))
                .containsText("marketing: Approved automatically — provisioning pending");
    }

    private void signInAgainAs(String path, String user) {
        context.close();
        context = browser.newContext();
        page = context.newPage();
        page.setDefaultTimeout(30_000);
        openAs(path, user);
    }

    private void publishSalesProduct(String id, String name, String accessApproval) {
        String yaml = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: "%s"
                status: active
                domain: access-tests
                description:
                  purpose: Every order placed through the web shop.
                team:
                  name: sales
                outputPorts:
                  - name: orders
                    version: 1.0.0
                    contractId: %s-v1
                    customProperties:
                      - property: accessApproval
                        value: %s
                """.formatted(id, name, id, accessApproval);
        String contract = """
                apiVersion: v3.0.2
                kind: DataContract
                id: %s-v1
                version: 1.0.0
                status: active
                slaProperties:
                  - property: latency
                    value: 4
                    unit: h
                """.formatted(id);
        RunAs.user("ui-sales-publisher", List.of("sales"), () -> {
            catalog.publishContract(null, contract, DocumentFormat.YAML, "sales", null);
            return catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null);
        });
    }
}

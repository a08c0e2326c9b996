package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestInfrastructure;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A team hears, through the bell in the header, that a product it reads was deprecated. */
@MeshportTest
class NotificationBellTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void bob_sees_that_an_upstream_product_was_deprecated_and_follows_the_link() {
        String s = "bell-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String contract = "contractId: " + s + "-a-v1\n";
        publish(
                s + "-a",
                "Orders " + s,
                "sales",
                "draft",
                "outputPorts:\n  - name: out0\n    version: 1.0.0\n    " + contract);
        publish(
                s + "-b",
                "Campaigns " + s,
                "marketing",
                "draft",
                "inputPorts:\n  - name: in0\n    version: 1.0.0\n    " + contract);
        publish(
                s + "-a",
                "Orders " + s,
                "sales",
                "deprecated",
                "outputPorts:\n  - name: out0\n    version: 1.0.0\n    " + contract);
        // The notification is written after commit, on another thread: wait until it is.
        PendingEvents.awaitHandled(jdbc, s);

        openAs("/", "bob");
        assertThat(page.locator("#notification-count")).hasText(Pattern.compile("[1-9][0-9]*"));
        Locator bell = page.locator("#notification-bell");
        assertThat(bell).hasAttribute("aria-label", Pattern.compile("Notifications, [1-9][0-9]* unread"));
        bell.click();

        String message = "Orders " + s + ", which Campaigns " + s + " reads, is now deprecated";
        Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(message));
        assertThat(link).isVisible();
        assertThat(page.locator("#notification-list").getByText("Unread").first())
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark all as read")))
                .isEnabled();
        link.click();
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/products/" + s + "-b");
    }

    private void publish(String id, String name, String team, String status, String ports) {
        String yaml = "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: \"" + name + "\"\nstatus: " + status
                + "\ndomain: notification-tests\nteam:\n  name: " + team + "\n" + ports;
        RunAs.user(s(team), List.of(team), () -> catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null));
    }

    private static String s(String team) {
        return "ui-" + team + "-publisher";
    }
}

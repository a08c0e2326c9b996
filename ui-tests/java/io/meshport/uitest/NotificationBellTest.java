package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
        long unreadBefore =
                Long.parseLong(page.locator("#notification-count").textContent().strip());
        bell.click();

        String message = "Orders " + s + ", which Campaigns " + s + " reads, is now deprecated";
        Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(message));
        assertThat(link).isVisible();
        assertThat(notification(message).getByText("Unread")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark all as read")))
                .isEnabled();
        link.click();
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/products/" + s + "-b");
        BrowserSupport.awaitVaadin(page);

        // Following it marked it read: one fewer in the bell, no "Unread" beside it, for bob only.
        assertThat(bell).hasAttribute("aria-label", "Notifications, " + (unreadBefore - 1) + " unread");
        if (unreadBefore == 1) {
            assertThat(page.locator("#notification-count")).isHidden();
        } else {
            assertThat(page.locator("#notification-count")).hasText(Long.toString(unreadBefore - 1));
        }
        bell.click();
        assertThat(notification(message)).isVisible();
        assertThat(notification(message).getByText("Unread")).hasCount(0);
        assertThat(jdbc.sql("""
                        select count(*) from notification_read r join notification n on n.id = r.notification_id
                        where n.message = ?""").param(message).query(Long.class).single())
                .as("read receipts of that notification (bob's alone)")
                .isEqualTo(1L);

        // It stays read on the next page load: the server stored it, not only the page.
        page.keyboard().press("Escape");
        page.reload();
        BrowserSupport.awaitVaadin(page);
        assertThat(bell).hasAttribute("aria-label", "Notifications, " + (unreadBefore - 1) + " unread");
    }

    /** The list item in the open bell dialog that holds the notification with this message. */
    private Locator notification(String message) {
        return page.locator("#notification-list li.notification")
                .filter(new Locator.FilterOptions()
                        .setHas(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(message))));
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

package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.lineage.ObservedLineage;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alice's Report declares that it reads Orders; its pipeline has reported for a month, reading
 * Customer 360 and never Orders. My products marks it with its lineage drift, the lineage page
 * explains it, the review screen lists it and her sign-off records it. (The observed rows are
 * written as the provenance listener would write them from the runs' OpenLineage events.)
 */
@MeshportTest
class LineageDriftJourneyTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void alice_sees_lineage_drift_on_my_products_in_the_lineage_and_signs_it_off_in_her_review() {
        String s = "drift" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        publish(s + "-orders", "Orders " + s, "marketing", "", s + "-orders-v1");
        publish(s + "-profiles", "Profiles " + s, "marketing", "", s + "-profiles-v1");
        publish(s + "-report", "Report " + s, "sales", s + "-orders-v1", "");
        new ObservedLineage(jdbc)
                .product(s + "-report", Instant.now().minus(Duration.ofDays(30)))
                .edge(s + "-profiles", s + "-report", "profiles", s + "-profiles-v1", Instant.now());

        openAs("/my", "alice");
        typeAsPerson(page.getByLabel("Filter by name or id"), "Report " + s, () -> assertThat(
                        page.locator("#my-products vaadin-grid-cell-content:visible")
                                .getByRole(
                                        AriaRole.LINK,
                                        new Locator.GetByRoleOptions()
                                                .setName("Report " + s)
                                                .setExact(true)))
                .hasCount(1));
        Locator mark = page.locator("#my-products vaadin-grid-cell-content:visible")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Lineage drift: 2"));
        assertThat(mark).hasCount(1);
        page.getByLabel("Needs attention only").check();
        BrowserSupport.awaitVaadin(page);
        assertThat(mark).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/my-products-drift.png")));

        mark.click();
        page.waitForURL(url -> url.endsWith("/products/" + s + "-report/lineage"));
        BrowserSupport.awaitVaadin(page);
        Locator notice = page.locator("#lineage-drift");
        assertThat(notice).isVisible();
        assertThat(notice).containsText("Lineage drift: 2 items");
        assertThat(notice)
                .containsText(
                        "Declared input Orders " + s + " (contract " + s + "-orders-v1) has never been seen in a run");
        assertThat(notice).containsText("Runs read port 'profiles' of Profiles " + s);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/lineage-drift.png")));

        notice.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Review it"))
                .click();
        page.waitForURL(url -> url.endsWith("/my/" + s + "-report"));
        BrowserSupport.awaitVaadin(page);
        Locator drift = page.locator("#review-drift");
        assertThat(drift).containsText("⚠ declared, not seen");
        assertThat(drift).containsText("⚠ seen, not declared");
        assertThat(page.locator("#review-drift-seen")).containsText("2 lineage drift items");

        page.getByLabel("Review comment").fill("Orders is no longer read; the port goes in the next release.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off review"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#review-sign-offs")).containsText("Orders is no longer read");
        String recorded = RunAs.user("alice", List.of("sales"), () -> catalog.history(s + "-report"))
                .getFirst()
                .summary();
        org.assertj.core.api.Assertions.assertThat(recorded).contains("Lineage drift seen (2 items)");
    }

    private void publish(String id, String name, String team, String consumes, String provides) {
        StringBuilder yaml = new StringBuilder("apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: " + name
                + "\nstatus: draft\ndomain: drift-journey\nteam:\n  name: " + team + "\n");
        if (!consumes.isEmpty()) {
            yaml.append("inputPorts:\n  - name: in0\n    version: 1.0.0\n    contractId: ")
                    .append(consumes)
                    .append('\n');
        }
        if (!provides.isEmpty()) {
            yaml.append("outputPorts:\n  - name: out\n    version: 1.0.0\n    contractId: ")
                    .append(provides)
                    .append('\n');
        }
        RunAs.user(
                "carol",
                List.of("finance", "mesh-admins"),
                () -> catalog.publishProduct(id, yaml.toString(), DocumentFormat.YAML, null, null));
    }
}

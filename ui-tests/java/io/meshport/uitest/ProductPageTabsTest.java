package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.StatementLog;
import io.meshport.testing.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A product page costs what its open tab shows: the history, the SLA's observations and the
 * lineage walks are read when their tab is opened, and the URL names the tab, so that a link opens
 * it.
 */
@MeshportTest
class ProductPageTabsTest extends BrowserTest {

    @Test
    void opening_a_product_reads_no_history_sla_or_lineage_until_their_tab_is_opened() throws Exception {
        openAs("/", "dave");

        StatementLog.Recorded<?> opening = StatementLog.during(() -> {
            page.navigate(TestInfrastructure.portalUrl() + "/products/sales-orders");
            BrowserSupport.awaitVaadin(page);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sales Orders")))
                    .isVisible();
            assertThat(tab("Overview")).hasAttribute("aria-selected", "true");
        });
        assertThat(opening.statements()).as("the page read the product").isNotEmpty();
        assertThat(opening.touching("change_record")).as("History").isEmpty();
        assertThat(opening.touching("sla_observation")).as("SLA").isEmpty();
        assertThat(opening.touching("lineage_edge")).as("Lineage and Impact").isEmpty();
        // The header's trust score is one look-up; the policies' results wait for their tab.
        assertThat(opening.touching("policy_result")).as("Policies").isEmpty();

        StatementLog.Recorded<?> history = StatementLog.during(() -> {
            tab("History").click();
            BrowserSupport.awaitVaadin(page);
            assertThat(page.locator("#product-history")).isVisible();
        });
        assertThat(history.touching("change_record")).isNotEmpty();
        assertThat(history.touching("sla_observation")).isEmpty();
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/products/sales-orders?tab=history");

        StatementLog.Recorded<?> impact = StatementLog.during(() -> {
            tab("Impact").click();
            BrowserSupport.awaitVaadin(page);
            assertThat(page.locator("#impact-summary")).containsText("downstream");
        });
        assertThat(impact.touching("lineage_edge")).isNotEmpty();
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/products/sales-orders?tab=impact");

        // The CSV is written when it is downloaded (the page keeps no copy of it).
        StatementLog.Recorded<Download> csv = StatementLog.answering(() -> page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as CSV"))
                        .click()));
        assertThat(csv.result().suggestedFilename()).isEqualTo("sales-orders-impact.csv");
        assertThat(csv.touching("lineage_edge")).isNotEmpty();
        String text = Files.readString(csv.result().path(), StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith(
                        "id,name,domain,team,status,depth,path,via,agreement,port,contractVersion,provisioning\r\n");
        assertThat(text).contains("revenue-analytics,Revenue Analytics,");
    }

    @Test
    void a_link_naming_a_tab_opens_it() {
        openAs("/products/cash-positions?tab=sla", "dave");

        assertThat(tab("SLA")).hasAttribute("aria-selected", "true");
        assertThat(page.locator("#sla-panel")).isVisible();

        page.navigate(TestInfrastructure.portalUrl() + "/products/cash-positions?tab=ports-and-contracts");
        BrowserSupport.awaitVaadin(page);
        assertThat(tab("Ports and contracts")).hasAttribute("aria-selected", "true");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Output ports")))
                .isVisible();

        // A tab the page does not have opens the overview.
        page.navigate(TestInfrastructure.portalUrl() + "/products/cash-positions?tab=nonsense");
        BrowserSupport.awaitVaadin(page);
        assertThat(tab("Overview")).hasAttribute("aria-selected", "true");
    }

    private Locator tab(String name) {
        return page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name));
    }
}

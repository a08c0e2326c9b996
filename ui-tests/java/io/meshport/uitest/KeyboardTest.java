package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestInfrastructure;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A person on the keyboard (or a screen reader): the first Tab offers to skip to the content, the
 * page is a {@code main} landmark, a move to another page puts the focus on its heading, and
 * the lineage table does by keyboard what the graph does by mouse.
 */
@MeshportTest
class KeyboardTest extends BrowserTest {

    @Test
    void the_search_field_is_three_key_presses_from_the_top_of_explore() {
        openAs("/", "dave");
        assertThat(page.getByRole(AriaRole.MAIN)).hasCount(1);

        page.keyboard().press("Tab");
        Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"));
        assertThat(skip).isFocused();
        assertThat(skip).isInViewport();
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Explore data products")))
                .isFocused();
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Search data products")).isFocused();
        // The skip link moved the focus, not the page (Vaadin routes by the URL).
        assertThat(page).not().hasURL(Pattern.compile(".*#main-content$"));
    }

    @Test
    void following_a_navigation_link_puts_the_focus_on_the_new_pages_heading() {
        openAs("/", "dave");
        Locator myProducts = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My products"));
        tabTo(myProducts, 15);
        page.keyboard().press("Enter");
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/my");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My products")))
                .isFocused();
    }

    @Test
    void the_lineage_table_expands_upstream_and_opens_a_product_by_keyboard() {
        openAs("/products/customer-360/lineage?view=table", "dave");
        Locator table = page.locator("#lineage-table");
        assertThat(table).hasJSProperty("size", 5);
        assertThat(page.locator("#lineage-summary")).hasText("4 upstream and 1 downstream products shown.");

        // Marketing Leads derives from Marketing Campaigns, which is not shown yet: its row's
        // product link, then Tab to the row's "Expand upstream" and Enter.
        table.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Marketing Leads"))
                .focus();
        Locator expand = table.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Expand upstream of Marketing Leads"));
        tabTo(expand, 2);
        page.keyboard().press("Enter");
        assertThat(page.locator("#lineage-summary")).hasText("5 upstream and 1 downstream products shown.");
        assertThat(table).hasJSProperty("size", 6);
        assertThat(expand).isDisabled();

        Locator campaigns =
                table.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Marketing Campaigns"));
        assertThat(campaigns).isVisible();
        campaigns.focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/products/marketing-campaigns");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Marketing Campaigns")))
                .isFocused();
        assertThat(page.getByRole(AriaRole.MAIN)).hasCount(1);
    }
}

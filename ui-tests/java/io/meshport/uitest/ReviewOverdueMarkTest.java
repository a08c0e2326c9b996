package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestContracts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An active product of team sales entered the catalog 100 days ago and was never reviewed (the
 * review is due every 90 days). My products says so once, in its Review column with the day it fell
 * due; Explore, which has no such column, marks it once.
 */
@MeshportTest
class ReviewOverdueMarkTest extends BrowserTest {

    private static final Pattern OVERDUE = Pattern.compile("overdue", Pattern.CASE_INSENSITIVE);

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_product_whose_review_is_overdue_says_so_once_on_my_products_and_once_on_explore() {
        String id = "late-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        // Long, as product names are: it wraps in its cell rather than being cut off. (Its words are
        // none that other tests search the shared catalog for.)
        String name = "Late " + id + " with a name long enough to wrap in its column at any width";
        TestContracts.publish("alice", "/api/v1/data-contracts/" + id + "-v1", TestContracts.contract(id + "-v1"));
        String yaml = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: %s
                status: active
                domain: review-journey
                description:
                  purpose: A product that nobody has reviewed since it entered the catalog.
                team:
                  name: sales
                outputPorts:
                  - name: out
                    version: 1.0.0
                    contractId: %s-v1
                """.formatted(id, name, id);
        RunAs.user("alice", List.of("sales"), () -> catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null));
        jdbc.sql("update data_product set created_at = created_at - interval '100 days' where id = :id")
                .param("id", id)
                .update();

        page.setViewportSize(1280, 800);
        openAs("/my", "alice");
        Locator cells = page.locator("#my-products vaadin-grid-cell-content:visible");
        typeAsPerson(page.getByLabel("Filter by name or id"), id, () -> assertThat(cells.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(name).setExact(true)))
                .hasCount(1));
        assertThat(cells.getByText(OVERDUE)).hasCount(1);
        assertThat(cells.getByText(Pattern.compile("^overdue since \\d{1,2} \\w{3} \\d{4}$")))
                .hasCount(1);
        // Whole, not cut off at the grid's edge in a window of 1280 pixels.
        Locator due = cells.getByText(Pattern.compile("^overdue since "));
        double dueRight = due.boundingBox().x + due.boundingBox().width;
        double gridRight = page.locator("#my-products").boundingBox().x
                + page.locator("#my-products").boundingBox().width;
        org.assertj.core.api.Assertions.assertThat(dueRight).isLessThanOrEqualTo(gridRight);
        Locator nameLink = cells.getByRole(
                AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
        org.assertj.core.api.Assertions.assertThat(nameLink.evaluate("""
                        el => { const cell = el.closest('vaadin-grid-cell-content');
                                return cell.scrollWidth <= cell.clientWidth
                                    && el.getBoundingClientRect().right <= cell.getBoundingClientRect().right + 0.5; }"""))
                .as("the product's name is shown whole")
                .isEqualTo(true);
        org.assertj.core.api.Assertions.assertThat(
                        page.locator("#my-products vaadin-grid-sorter").evaluateAll("""
                                sorters => sorters.filter(s => {
                                    // The text's own width against its box: a fraction of a pixel too
                                    // narrow already shows "Te…".
                                    const text = document.createRange();
                                    text.selectNodeContents(s);
                                    const box = s.shadowRoot.querySelector('[part=content]');
                                    return text.getBoundingClientRect().width > box.getBoundingClientRect().width + 0.1;
                                }).map(s => s.textContent.trim())"""))
                .as("column headers cut off")
                .asList()
                .isEmpty();
        // Still counted among the products that need attention.
        page.getByLabel("Needs attention only").check();
        BrowserSupport.awaitVaadin(page);
        assertThat(cells.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(name).setExact(true)))
                .hasCount(1);
        page.screenshot(
                new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/my-products-review-overdue.png")));

        page.navigate(portalUrl() + "/?q=" + id);
        BrowserSupport.awaitVaadin(page);
        Locator card = page.locator("#search-results vaadin-vertical-layout")
                .filter(new Locator.FilterOptions()
                        .setHas(page.getByRole(
                                AriaRole.LINK,
                                new Page.GetByRoleOptions().setName(name).setExact(true))));
        assertThat(card).hasCount(1);
        assertThat(card.getByText(OVERDUE)).hasCount(1);
        assertThat(card.getByText("Review overdue", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/explore-review-overdue.png")));
    }
}

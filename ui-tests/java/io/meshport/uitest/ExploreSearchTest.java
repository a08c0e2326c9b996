package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A consumer searches, narrows with a facet, opens a product and comes back to the same search.
 * On the embedded index; {@link ExploreSearchOnOpenSearchTest} makes the same journeys on OpenSearch.
 */
@MeshportTest
class ExploreSearchTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    @Test
    void search_highlight_facet_open_and_back_to_the_same_search() {
        openAs("/", "dave");

        // Results follow the typing; matches are highlighted.
        page.getByLabel("Search data products").fill("revenue");
        assertThat(page).hasURL(Pattern.compile(".*\\?q=revenue$"));
        Locator results = page.locator("#search-results");
        assertThat(results.locator("mark").first()).isVisible();
        assertThat(results.locator("mark").first()).hasText(Pattern.compile("revenue", Pattern.CASE_INSENSITIVE));
        assertThat(results.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions()
                                .setName("Revenue Analytics")
                                .setExact(true)))
                .isVisible();

        // A facet narrows the results, and the URL holds it.
        page.locator("#facet-domain")
                .getByText(Pattern.compile("^finance \\(\\d+\\)$"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*q=revenue.*domain=finance.*"));
        assertThat(results.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Sales Orders").setExact(true)))
                .hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/explore-search.png")));

        // Open a product, then go back: the same query and filter are restored.
        results.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions()
                                .setName("Revenue Analytics")
                                .setExact(true))
                .click();
        assertThat(page).hasURL(portalUrl() + "/products/revenue-analytics");
        assertThat(page).hasTitle("Revenue Analytics · Meshport");
        page.goBack();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.getByLabel("Search data products")).hasValue("revenue");
        assertThat(page.locator("#facet-domain")
                        .getByRole(
                                AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(Pattern.compile("^finance"))))
                .isChecked();
        assertThat(results.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions()
                                .setName("Revenue Analytics")
                                .setExact(true)))
                .isVisible();
    }

    @Test
    void a_query_typed_key_by_key_with_a_pause_after_each_word_keeps_its_spaces() {
        // Deprecated: shown to everyone, and publishable without a contract.
        String yaml = "apiVersion: v1.0.0\nkind: DataProduct\nid: store-sales-forecast\nname: Store Sales Forecast\n"
                + "status: deprecated\ndomain: sales\ndescription:\n  purpose: Weekly **store sales forecast** per"
                + " region, for _planning_.\nteam:\n  name: sales\n";
        RunAs.user(
                "alice",
                List.of("sales"),
                () -> catalog.publishProduct("store-sales-forecast", yaml, DocumentFormat.YAML, null, null));
        openAs("/", "dave");

        Locator field = page.getByLabel("Search data products");
        field.click();
        List<String> words = List.of("store", "sales", "forecast");
        for (int i = 0; i < words.size(); i++) {
            field.pressSequentially(words.get(i), new Locator.PressSequentiallyOptions().setDelay(80));
            if (i < words.size() - 1) {
                field.pressSequentially(" ", new Locator.PressSequentiallyOptions().setDelay(80));
                // A person pauses after the space, long enough for the portal to follow the typing.
                String typed = String.join(" ", words.subList(0, i + 1));
                assertThat(page).hasURL(Pattern.compile(".*\\?q=" + typed.replace(" ", "(\\+|%20)") + "$"));
                BrowserSupport.awaitVaadin(page);
                assertThat(field).hasValue(typed + " ");
            }
        }
        // The last word's keys may still be on their way on a busy machine: a longer wait than the
        // default five seconds (CI once saw "forecas" there), the same URL expected.
        assertThat(page)
                .hasURL(
                        Pattern.compile(".*\\?q=store(\\+|%20)sales(\\+|%20)forecast$"),
                        new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(15_000));
        BrowserSupport.awaitVaadin(page);
        assertThat(field).hasValue("store sales forecast");
        assertThat(page.locator("#search-results .hit-name").first()).hasText("Store Sales Forecast");
        // The purpose is Markdown: its snippet reads as text, with the matches marked.
        Locator snippet = page.locator("#search-results .hit-snippet").first();
        assertThat(snippet).hasText("Weekly store sales forecast per region, for planning.");
        assertThat(snippet.locator("mark")).hasCount(3);
    }

    @Test
    void a_consumer_sees_other_teams_drafts_only_when_asking_for_them() {
        openAs("/?q=sales+pipeline+forecast", "dave");
        Locator draft = page.locator("#search-results")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions()
                                .setName("Sales Pipeline Forecast")
                                .setExact(true));
        assertThat(page.locator("#search-summary")).hasText("0 data products");
        assertThat(page.locator("#search-empty")).containsText("Other teams' drafts and proposals are hidden");
        assertThat(draft).hasCount(0);

        Locator showDrafts =
                page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Show other teams' drafts"));
        assertThat(showDrafts).not().isChecked();
        showDrafts.check();
        assertThat(page).hasURL(Pattern.compile(".*otherTeamsDrafts=true.*"));
        assertThat(draft).isVisible();
        assertThat(page.locator("#search-summary")).hasText("1 data product");

        // The URL holds it: a shared link shows the drafts too.
        page.navigate(portalUrl() + "/?q=sales+pipeline+forecast&otherTeamsDrafts=true");
        BrowserSupport.awaitVaadin(page);
        assertThat(showDrafts).isChecked();
        assertThat(draft).isVisible();
    }

    @Test
    void a_team_sees_its_own_drafts_without_asking() {
        openAs("/?q=sales+pipeline+forecast", "alice");
        assertThat(page.locator("#search-results")
                        .getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions()
                                        .setName("Sales Pipeline Forecast")
                                        .setExact(true)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Show other teams' drafts")))
                .not()
                .isChecked();
    }

    @Test
    void html_in_a_query_is_shown_as_text_and_an_empty_result_explains_itself() {
        openAs("/?q=%3Czzqx%3Eledgerrr%3C%2Fzzqx%3E", "dave");
        assertThat(page.locator("#search-summary")).hasText("0 data products");
        assertThat(page.locator("#search-empty")).containsText("<zzqx>ledgerrr</zzqx>");
        assertThat(page.locator("#search-empty zzqx")).hasCount(0);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(Pattern.compile("Search for .General Ledger. instead")))
                .click();
        assertThat(page.locator("#search-results")
                        .getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions()
                                        .setName("General Ledger")
                                        .setExact(true)))
                .isVisible();
    }

    @Test
    void a_search_that_only_a_retired_product_matches_offers_to_show_it() {
        String id = "old-ledger-" + System.nanoTime();
        String yaml = "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: \"Quillwort " + id
                + "\"\nstatus: retired\nteam:\n  name: finance\n";
        RunAs.user(
                "carol", List.of("finance"), () -> catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null));

        openAs("/?q=Quillwort", "dave");
        assertThat(page.locator("#search-summary")).hasText("0 data products");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the retired product that matches"))
                .click();
        assertThat(page.locator("#search-results")
                        .getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions()
                                        .setName("Quillwort " + id)
                                        .setExact(true)))
                .isVisible();
        assertThat(page).hasURL(Pattern.compile(".*retired=true.*"));
    }
}

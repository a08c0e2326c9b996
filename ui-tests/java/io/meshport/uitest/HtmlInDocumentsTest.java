package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestInfrastructure;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * HTML that a team writes into its product's name or purpose is shown as text, in Explore's
 * snippets and on the product page: none of it becomes an element, none of it runs.
 */
@MeshportTest
class HtmlInDocumentsTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    @Test
    void html_in_a_name_and_purpose_is_shown_as_text_and_never_runs() {
        // A word nobody else has, letters only, so that it is one search word.
        String word = "wombat" + randomLetters(8);
        String id = "html-" + word;
        String name = "<b>" + word + "</b> <img src=x onerror=window.__injected=1> feed";
        String purpose =
                word + " sightings <script>window.__injected=2</script> <img src=y onerror=window.__injected=3>"
                        + " & <i>counts</i>";
        String yaml = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: '%s'
                status: draft
                team:
                  name: sales
                description:
                  purpose: '%s'
                """.formatted(id, name, purpose);
        RunAs.user(
                "ui-sales-publisher",
                List.of("sales"),
                () -> catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null));

        openAs("/", "alice");
        Locator search = page.getByLabel("Search data products");
        search.pressSequentially(word, new Locator.PressSequentiallyOptions().setDelay(80));
        Locator results = page.locator("#search-results");
        Locator link = results.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name));
        assertThat(link).isVisible();
        assertThat(results.locator("script, img, b, i")).hasCount(0);
        assertThat(page.evaluate("() => window.__injected === undefined")).isEqualTo(true);
        // The grid keeps recycled, hidden cells of the searches typed on the way: the visible one.
        Locator snippet = results.locator(".hit-snippet:visible").filter(new Locator.FilterOptions().setHasText(word));
        assertThat(snippet).hasCount(1);
        assertThat(snippet.locator("mark")).hasText(word);
        assertThat(snippet).containsText("<script>window.__injected=2</script>");

        link.click();
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/products/" + id);
        BrowserSupport.awaitVaadin(page);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name)))
                .isVisible();
        assertThat(page.locator(".markdown").filter(new Locator.FilterOptions().setHasText(word)))
                .containsText("<script>window.__injected=2</script>");
        assertThat(page.locator(".markdown script, .markdown img, .markdown i")).hasCount(0);
        assertThat(page.locator("img[src=x], img[src=y]")).hasCount(0);
        assertThat(page.evaluate("() => window.__injected === undefined")).isEqualTo(true);
    }

    private static String randomLetters(int length) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}

package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.meshport.testing.MeshportTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A consumer types a question rather than a name: no product holds every word, Explore says so
 * in words and shows the products that hold most of them, the one meant among the first.
 */
@MeshportTest
class ExploreQuestionsTest extends BrowserTest {

    @Test
    void a_question_shows_the_products_that_match_most_of_its_words_and_says_so() {
        openAs("/", "dave");

        Locator field = page.getByLabel("Search data products");
        typeAsPerson(field, "money in our bank accounts", () -> {
            assertThat(page)
                    .hasURL(Pattern.compile(".*\\?q=money(\\+|%20)in(\\+|%20)our(\\+|%20)bank(\\+|%20)accounts$"));
            BrowserSupport.awaitVaadin(page);
        });
        assertThat(field).hasValue("money in our bank accounts");

        Locator partial = page.locator("#search-partial");
        assertThat(partial).isVisible();
        assertThat(partial).hasText("No product matches every word; showing products that match most of them.");
        assertThat(page.locator("#search-summary")).hasText(Pattern.compile("^[1-9]\\d* data products?$"));
        Locator names = page.locator("#search-results .hit-name");
        assertThat(names.first()).isVisible();
        assertThat(names.allInnerTexts().stream().limit(3)).contains("Treasury Cash Positions");

        // A name again: every word found, and the line is gone.
        field.fill("");
        typeAsPerson(field, "general ledger", () -> {
            assertThat(page).hasURL(Pattern.compile(".*\\?q=general(\\+|%20)ledger$"));
            BrowserSupport.awaitVaadin(page);
        });
        assertThat(names.first()).hasText("General Ledger");
        assertThat(partial).isHidden();
    }
}

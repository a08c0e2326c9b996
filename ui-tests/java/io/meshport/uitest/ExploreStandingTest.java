package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A consumer narrows Explore to the products that violate a policy, sorts them by trust score and
 * keeps only the trusted ones; the URL holds it all. The products are this test's own (its tag in
 * their names, typed as the query), their standing recorded as governance records it.
 */
@MeshportTest
class ExploreStandingTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    private final String tag = "trust" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_consumer_ticks_violates_a_policy_sorts_by_trust_and_sets_a_lowest_score() {
        publish("Alder", 60, 1);
        publish("Birch", 95, 0);
        publish("Cedar", 30, 2);
        publish("Dogwood", null, 0);
        openAs("/", "dave");

        Locator field = page.getByLabel("Search data products");
        typeAsPerson(field, tag, () -> assertThat(page).hasURL(Pattern.compile(".*\\?q=" + tag + "$")));
        Locator summary = page.locator("#search-summary");
        assertThat(summary).hasText("4 data products");
        // Each result says its trust score; one not yet evaluated says none.
        assertThat(card("Birch").locator(".hit-trust")).hasText("Trust 95");
        assertThat(card("Dogwood").locator(".hit-trust")).hasCount(0);
        Locator policies = page.locator("#facet-violating");
        assertThat(policies).containsText("Policies");
        assertThat(policies.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("No violations (2)")))
                .isVisible();
        shot("explore-standing-all");

        policies.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Violates a policy (2)"))
                .check();
        assertThat(page).hasURL(Pattern.compile(".*q=" + tag + ".*violating=true.*"));
        assertThat(summary).hasText("2 data products");
        assertShownInAnyOrder("Alder", "Cedar");
        assertThat(field).hasValue(tag);
        shot("explore-standing-violating");

        page.getByLabel("Sort by").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName("Trust score").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*sort=trust.*"));
        assertShown("Alder", "Cedar");
        assertThat(card("Alder").locator(".hit-trust")).hasText("Trust 60");
        assertThat(card("Cedar").locator(".hit-trust")).hasText("Trust 30");

        page.getByLabel("Trust score at least").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName("50").setExact(true))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*minTrust=50.*"));
        assertThat(summary).hasText("1 data product");
        assertShown("Alder");
        shot("explore-standing-trusted");
        String shared = page.url();

        // Back: the lowest score is gone again, the order stays.
        page.goBack();
        BrowserSupport.awaitVaadin(page);
        assertThat(page).hasURL(Pattern.compile("^[^#]*sort=trust(?!.*minTrust).*$"));
        assertThat(page.locator("#min-trust")).containsText("Any");
        assertShown("Alder", "Cedar");

        // A shared link shows the same: the facet ticked, the order and the lowest score chosen.
        page.navigate(shared);
        BrowserSupport.awaitVaadin(page);
        assertThat(page.getByLabel("Search data products")).hasValue(tag);
        assertThat(page.locator("#facet-violating")
                        .getByRole(
                                AriaRole.CHECKBOX,
                                new Locator.GetByRoleOptions().setName(Pattern.compile("^Violates a policy"))))
                .isChecked();
        assertThat(page.locator("#min-trust")).containsText("50");
        assertShown("Alder");
    }

    @Test
    void a_link_with_a_score_explore_does_not_offer_or_a_bad_one_is_shown_as_it_is_understood() {
        publish("Elm", 72, 0);
        publish("Fir", 65, 0);
        openAs("/?q=" + tag + "&minTrust=66", "dave");
        assertThat(page.locator("#min-trust")).containsText("66");
        assertShown("Elm");

        page.navigate(portalUrl() + "/?q=" + tag + "&minTrust=lots&violating=maybe&sort=sideways");
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#search-summary")).hasText("2 data products");
        assertThat(page.locator("#min-trust")).containsText("Any");
    }

    private String name(String tree) {
        return tree + " " + tag;
    }

    private Locator card(String tree) {
        return page.locator("#search-results vaadin-vertical-layout")
                .filter(new Locator.FilterOptions()
                        .setHas(page.getByRole(
                                AriaRole.LINK,
                                new Page.GetByRoleOptions().setName(name(tree)).setExact(true))));
    }

    /** The products' names as the list shows them, top to bottom, once it shows these. */
    private void assertShown(String... trees) {
        List<String> expected = Arrays.stream(trees).map(this::name).toList();
        awaitShown(shown -> shown.equals(expected));
        Assertions.assertThat(shown()).containsExactlyElementsOf(expected);
    }

    private void assertShownInAnyOrder(String... trees) {
        List<String> expected = Arrays.stream(trees).map(this::name).sorted().toList();
        awaitShown(shown -> shown.stream().sorted().toList().equals(expected));
        Assertions.assertThat(shown()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private void awaitShown(Predicate<List<String>> done) {
        try {
            page.waitForCondition(() -> done.test(shown()), new Page.WaitForConditionOptions().setTimeout(10_000));
        } catch (TimeoutError e) {
            // The assertion that follows says what is shown instead.
        }
    }

    /**
     * The names in the result list, top to bottom as a person reads them: the grid recycles its
     * rows, so the order of its elements need not be the order on the screen.
     */
    private List<String> shown() {
        record Row(double top, String name) {}
        List<Row> rows = new ArrayList<>();
        try {
            Locator names = page.locator("#search-results .hit-name:visible");
            for (int i = 0; i < names.count(); i++) {
                BoundingBox box = names.nth(i).boundingBox();
                if (box != null && box.height > 0) {
                    rows.add(new Row(box.y, names.nth(i).innerText()));
                }
            }
        } catch (PlaywrightException e) {
            return List.of(); // re-rendered meanwhile: asked again
        }
        return rows.stream()
                .sorted(Comparator.comparingDouble(Row::top))
                .map(Row::name)
                .toList();
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")));
    }

    /** A deprecated product of team sales (everyone sees it), then governance's standing of it. */
    private void publish(String tree, @Nullable Integer trust, int violations) {
        String id = tree.toLowerCase(Locale.ROOT) + "-" + tag;
        String yaml = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: %s
                status: deprecated
                tags: [%s]
                description:
                  purpose: "%s samples per plot, counted each spring."
                team:
                  name: sales
                """.formatted(id, name(tree), tag, tree);
        RunAs.user("alice", List.of("sales"), () -> catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null));
        catalog.recordStanding(id, trust, violations);
    }
}

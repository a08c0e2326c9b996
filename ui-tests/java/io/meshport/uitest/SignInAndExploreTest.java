package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestInfrastructure;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a person does first: sign in through the identity provider, look around, sign out. */
@MeshportTest
class SignInAndExploreTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void alice_signs_in_sees_her_team_and_the_catalog_and_signs_out() {
        page.navigate(TestInfrastructure.portalUrl() + "/");
        // Not signed in: the development identity provider's own login form.
        assertThat(page).hasURL(startingWith(TestInfrastructure.issuer() + "/login"));
        signIn("alice");

        // Back on the page asked for, at its own address: nothing added that a person would copy.
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/");
        BrowserSupport.awaitVaadin(page);
        assertThat(page).hasTitle("Explore · Meshport");
        assertThat(page.locator("#current-user-name")).hasText("Alice Andersen");
        assertThat(page.locator("#current-user-teams")).hasText("sales");

        // Explore lists the catalog from the index, which follows PostgreSQL: what is not retired,
        // less other teams' drafts and proposals.
        long total = jdbc.sql("select count(*) from data_product where status <> 'retired'"
                        + " and (status not in ('draft', 'proposed') or owner_team = 'sales')")
                .query(Long.class)
                .single();
        assertThat(page.locator("#search-summary")).hasText(total + " data products");
        // Tests before this one may have published products that sort above it: look it up.
        page.getByLabel("Search data products").fill("General Ledger");
        page.getByLabel("Search data products").press("Enter");
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#search-results")
                        .getByText("General Ledger", new Locator.GetByTextOptions().setExact(true))
                        .first())
                .isVisible();

        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/explore-alice.png"))
                .setFullPage(true));

        // Navigation reaches every page.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My products"))
                .click();
        assertThat(page).hasURL(TestInfrastructure.portalUrl() + "/my");
        assertThat(page).hasTitle("My products · Meshport");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create"))
                .click();
        assertThat(page).hasTitle("Create · Meshport");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Publish a data product")))
                .isVisible();

        // Log out ends the session at the provider too: the next visit asks for a password again.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        page.waitForURL(startingWith(TestInfrastructure.issuer() + "/login"));
        page.navigate(TestInfrastructure.portalUrl() + "/my");
        assertThat(page).hasURL(startingWith(TestInfrastructure.issuer() + "/login"));
        assertThat(page.getByLabel("Password")).isVisible();
    }

    @Test
    void a_deep_link_opened_before_signing_in_lands_where_it_pointed_with_its_own_query_and_nothing_more() {
        String link = TestInfrastructure.portalUrl() + "/products/revenue-analytics?tab=lineage";
        page.navigate(link);
        assertThat(page).hasURL(startingWith(TestInfrastructure.issuer() + "/login"));
        signIn("dave");

        page.waitForURL(url -> url.startsWith(TestInfrastructure.portalUrl()));
        BrowserSupport.awaitVaadin(page);
        assertThat(page).hasURL(link);
        assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Lineage")))
                .hasAttribute("aria-selected", "true");
        assertThat(page.locator("#current-user-name")).hasText("Dave Dunn");
        // The address stays clean as the page goes on: a reload is the same page, signed in.
        page.reload();
        BrowserSupport.awaitVaadin(page);
        assertThat(page).hasURL(link);
        assertThat(page.locator("#current-user-name")).hasText("Dave Dunn");
    }

    @Test
    void a_person_without_a_team_is_shown_as_such() {
        page.navigate(TestInfrastructure.portalUrl() + "/create");
        signIn("dave");
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#current-user-name")).hasText("Dave Dunn");
        assertThat(page.locator("#current-user-teams")).hasText("no team");
        assertThat(page.getByText("You are in no team")).isVisible();
    }

    @Test
    void a_wrong_password_is_refused_by_the_provider() {
        page.navigate(TestInfrastructure.portalUrl() + "/");
        page.getByLabel("Username").fill("alice");
        page.getByLabel("Password").fill("not-alices-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByText("Invalid credentials")).isVisible();
        assertThat(page.url()).startsWith(TestInfrastructure.issuer());
    }

    /** Playwright hands the pattern to JavaScript, which knows no \Q..\E quoting. */
    private static Pattern startingWith(String prefix) {
        String escaped = prefix.replaceAll("[.?*+^$\\[\\](){}|\\\\/]", "\\\\$0");
        return Pattern.compile("^" + escaped);
    }
}

package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Team settings in the browser: alice creates an API key, sees its secret once, a pipeline (the
 * test) uses it, she revokes it and the API refuses it. Dave, in no team, is told why he has none.
 */
@MeshportTest
class TeamSettingsTest extends BrowserTest {

    @Test
    void alice_creates_a_key_sees_its_secret_once_a_pipeline_uses_it_and_after_she_revokes_it_it_is_refused() {
        String name = "airflow " + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        openAs("/", "alice");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Team settings"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page).hasURL(Pattern.compile(".*/teams/sales$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Team settings: sales")))
                .isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API key"))
                .click();
        Locator create = page.locator("#create-api-key-dialog");
        typeAsPerson(create.getByLabel("Name"), name, () -> BrowserSupport.awaitVaadin(page));
        assertThat(create.getByLabel("Expires on (optional)")).isVisible();
        create.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create"))
                .click();
        BrowserSupport.awaitVaadin(page);

        Locator shown = page.locator("#api-key-secret-dialog");
        assertThat(shown).containsText("will not be shown again");
        Locator field = shown.getByLabel("Secret");
        assertThat(field).hasValue(Pattern.compile("mpk_[A-Za-z0-9_-]{43}"));
        String secret = field.inputValue();
        assertThat(shown.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy")))
                .isVisible();

        // The pipeline, with the secret alice copied.
        Api.Response me = Api.withToken(secret).get("/api/v1/me", "application/json");
        org.assertj.core.api.Assertions.assertThat(me.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(me.json().path("username").asString())
                .isEqualTo("key:sales/" + name);

        shown.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("I have stored it"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#api-key-secret-dialog")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(secret.substring(12));

        // The list shows the key by its name and prefix, used just now; never the secret.
        Locator grid = page.locator("#api-keys");
        Locator row = grid.locator("vaadin-grid-cell-content", new Locator.LocatorOptions().setHasText(name));
        assertThat(row).isVisible();
        assertThat(grid).containsText(secret.substring(0, 12) + "…");
        // Reloaded, the list says when the pipeline used the key (to the minute, in UTC).
        String lastUsed = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.parse(Api.as("alice")
                        .get("/api/v1/api-keys?team=sales&limit=500", "application/json")
                        .json()
                        .valueStream()
                        .filter(key -> key.path("name").asString().equals(name))
                        .findFirst()
                        .orElseThrow()
                        .path("lastUsedAt")
                        .asString()));
        page.reload();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#api-keys")).containsText(lastUsed);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke " + name))
                .click();
        Locator confirm = page.locator("#revoke-api-key-dialog");
        assertThat(confirm).containsText("Revoke API key '" + name + "'?");
        confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke " + name)))
                .hasCount(0);

        Api.Response refused = Api.withToken(secret).get("/api/v1/me", "application/json");
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(refused.json().path("detail").asString())
                .contains("The API key '" + name + "' of team sales was revoked");
    }

    @Test
    void carol_in_two_teams_moves_between_them_with_the_chooser_and_the_url_follows() {
        openAs("/teams", "carol");
        assertThat(page).hasURL(Pattern.compile(".*/teams/finance$"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API key")))
                .isVisible();

        page.locator("#team-chooser").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("mesh-admins"))
                .click();
        BrowserSupport.awaitVaadin(page);

        assertThat(page).hasURL(Pattern.compile(".*/teams/mesh-admins$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Team settings: mesh-admins")))
                .isVisible();
        assertThat(page.getByText(Pattern.compile("Team mesh-admins is the governance group")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API key")))
                .hasCount(0);
    }

    @Test
    void dave_in_no_team_is_told_why_he_has_no_team_settings() {
        openAs("/teams", "dave");
        assertThat(page.locator("#team-settings-no-team")).containsText("You belong to no team");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API key")))
                .hasCount(0);
    }
}

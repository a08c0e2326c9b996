package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.governance.GovernanceService;
import io.meshport.governance.PolicyMode;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Carol (governance) writes an advisory policy in the browser, previews its effect on today's
 * catalog, saves it, then enforces it after the dry run's confirmation; /governance shows it with
 * its pass rate and the violation. The policy covers only this test's two products (its own tag)
 * and is retired afterwards.
 */
@MeshportTest
class GovernanceJourneyTest extends BrowserTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    GovernanceService governance;

    private final String tag = "gj" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final String policyId = "purpose-" + tag;
    private final String kept = tag + "-orders";
    private final String broken = tag + "-leads";

    @AfterEach
    void retirePolicy() {
        asCarol(() -> {
            if (governance.policy(policyId).filter(p -> p.retiredAt() == null).isPresent()) {
                governance.retire(policyId);
            }
            return null;
        });
    }

    @Test
    void carol_writes_an_advisory_policy_previews_its_effect_saves_it_and_enforces_it_after_the_dry_run() {
        RunAs.user(
                "alice",
                List.of("sales"),
                () -> catalog.publishProduct(
                        kept,
                        product(
                                kept,
                                "Orders " + tag,
                                "sales",
                                "Every order placed through the web shop, one row per line."),
                        DocumentFormat.YAML,
                        null,
                        null));
        RunAs.user(
                "bob",
                List.of("marketing"),
                () -> catalog.publishProduct(
                        broken,
                        product(broken, "Leads " + tag, "marketing", "Leads."),
                        DocumentFormat.YAML,
                        null,
                        null));

        // Carol finds Governance in the main navigation and starts a new policy.
        openAs("/", "carol");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"))
                .getByText("Governance")
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page).hasTitle("Governance · Meshport");
        assertThat(page.locator("#policies-grid")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New policy"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page).hasTitle("New policy · Meshport");

        typeAsPerson(label("Id"), policyId, () -> BrowserSupport.awaitVaadin(page));
        typeAsPerson(label("Title"), "Purpose of substance " + tag, () -> BrowserSupport.awaitVaadin(page));
        typeAsPerson(
                label("Description (Markdown)"), "A consumer decides from the **purpose** alone.", () -> assertThat(
                                page.locator("#policy-description-preview strong"))
                        .hasText("purpose"));
        Locator tags = label("Scope: tags");
        tags.click();
        tags.pressSequentially(tag, new Locator.PressSequentiallyOptions().setDelay(80));
        tags.press("Enter");
        BrowserSupport.awaitVaadin(page);
        // The list of known tags stays open after a typed one is added; she closes it.
        tags.press("Escape");
        assertThat(page.locator("#policy-scope-tags")).containsText(tag);

        // The rule is checked as she types: first incomplete, with its position, then fine.
        Locator rule = label("Rule (CEL)");
        Locator check = page.locator("#rule-check");
        typeAsPerson(rule, "size(product.description.purpose.trim()) >=", () -> assertThat(check)
                .containsText(Pattern.compile("line 1, column \\d+")));
        assertThat(check).hasAttribute("data-state", "error");
        typeAsPerson(rule, " 40", () -> assertThat(check).hasText("✓ The rule compiles."));
        typeAsPerson(
                label("Path the violation points at"), "/description/purpose", () -> BrowserSupport.awaitVaadin(page));
        typeAsPerson(
                label("Message to the owners"),
                "Say in 40 characters or more what the product is for.",
                () -> BrowserSupport.awaitVaadin(page));

        // The dry run: one of the two products, marketing's, would violate it.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview effect"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#policy-effect-headline"))
                .hasText("1 product of 1 team would violate this policy (of 2 in scope).");
        assertThat(page.locator("#policy-effect-teams")).containsText("marketing");
        Locator violating = page.locator("#policy-effect-products");
        assertThat(violating.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Leads " + tag)))
                .hasAttribute("href", "products/" + broken + "?tab=policies");
        shot("governance-preview");

        // Saving it enabled is enabling it: the dry run asks first.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#stricter-headline"))
                .hasText("1 product of 1 team would violate this policy (of 2 in scope).");
        shot("governance-enable-dialog");
        page.locator("#stricter-confirm").click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page).hasURL(Pattern.compile(".*/governance/policies/" + policyId + "$"));
        assertThat(page.locator("#policy-state")).containsText("1 of 2 products keep it (50 %)");
        assertThat(page.locator("#policy-history")).containsText("created");

        // Enforcing it: the dry run again, in the confirmation dialog, naming the team.
        page.getByRole(
                        AriaRole.RADIO,
                        new Page.GetByRoleOptions().setName("Enforced: a change that violates it is refused"))
                .check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#stricter-headline"))
                .hasText("1 product of 1 team would violate this policy (of 2 in scope).");
        assertThat(page.locator("#stricter-teams")).containsText("marketing");
        shot("governance-enforce-dialog");
        page.locator("#stricter-confirm").click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#policy-history")).containsText("enforced");
        assertThat(page.locator("#policy-heading")).hasText("Purpose of substance " + tag);
        org.assertj.core.api.Assertions.assertThat(asCarol(() -> governance.policy(policyId))
                        .orElseThrow()
                        .definition()
                        .mode())
                .isEqualTo(PolicyMode.ENFORCED);

        // /governance: the policy with its pass rate, and the violation with links.
        page.locator("#back-to-governance").click();
        BrowserSupport.awaitVaadin(page);
        Locator policies = page.locator("#policies-grid");
        assertThat(policies.getByRole(
                        AriaRole.LINK, new Locator.GetByRoleOptions().setName("Purpose of substance " + tag)))
                .isVisible();
        Locator row = policies.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("Purpose of substance " + tag));
        assertThat(row).hasCount(1);
        assertThat(page.locator("#policies-grid [title='1 of 2 keep it']")).containsText("50 %");
        shot("governance-policies");

        page.locator("#governance-tab-violations").click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page).hasURL(Pattern.compile(".*/governance\\?tab=violations$"));
        page.locator("#violations-policy").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Purpose of substance " + tag))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#violations-summary")).hasText("1 violation, the newest first.");
        Locator violations = page.locator("#violations-grid");
        assertThat(violations.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Leads " + tag)))
                .hasAttribute("href", "products/" + broken + "?tab=policies");
        assertThat(violations).containsText("marketing");
        assertThat(violations).containsText("Say in 40 characters or more what the product is for.");
        shot("governance-violations");
    }

    private Locator label(String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/" + name + ".png"))
                .setFullPage(true));
    }

    private String product(String id, String name, String team, String purpose) {
        return """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: "%s"
                status: draft
                domain: governance-tests
                tags: [%s]
                description:
                  purpose: "%s"
                team:
                  name: %s
                """.formatted(id, name, tag, purpose, team);
    }

    private static <T> T asCarol(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }
}

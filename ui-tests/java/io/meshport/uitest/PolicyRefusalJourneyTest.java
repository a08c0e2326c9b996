package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.governance.EnforceOn;
import io.meshport.governance.GovernanceService;
import io.meshport.governance.PolicyDefinition;
import io.meshport.governance.PolicyMode;
import io.meshport.governance.PolicyScope;
import io.meshport.governance.Severity;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestInfrastructure;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Governance (carol) has enforced "a purpose of substance" and advises "a support channel" for
 * products with this test's own tag. Alice creates such a product with a short purpose: the save
 * is refused, the policy's title shown at the top of the form and at the purpose, nothing saved.
 * She lengthens the purpose and saves; the product page's Policies tab shows the enforced policy
 * kept, the advisory one violated, and the trust score point by point; My products warns of the
 * violation and leads to that tab.
 */
@MeshportTest
class PolicyRefusalJourneyTest extends BrowserTest {

    @Autowired
    GovernanceService governance;

    @Autowired
    JdbcClient jdbc;

    private final String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final String tag = "policy-journey-" + run;
    private final String purposePolicy = "purpose-" + tag;
    private final String supportPolicy = "support-" + tag;
    private final String purposeTitle = "Purpose of substance " + run;
    private final String supportTitle = "A support channel " + run;

    @BeforeEach
    void governanceEnforcesAPurposeAndAdvisesASupportChannel() {
        asCarol(() -> governance.save(
                purposePolicy,
                policy(
                        purposeTitle,
                        Severity.HIGH,
                        PolicyMode.ENFORCED,
                        "has(product.description) && has(product.description.purpose)"
                                + " && size(product.description.purpose.trim()) >= 40",
                        "/description/purpose",
                        "Say in 40 characters or more what the product is for."),
                null));
        asCarol(() -> governance.save(
                supportPolicy,
                policy(
                        supportTitle,
                        Severity.LOW,
                        PolicyMode.ADVISORY,
                        "has(product.support) && size(product.support) > 0",
                        "/support",
                        "Name a support channel, so that consumers know where to ask."),
                null));
    }

    @AfterEach
    void retirePolicies() {
        for (String id : List.of(purposePolicy, supportPolicy)) {
            asCarol(() -> {
                if (governance.policy(id).filter(p -> p.retiredAt() == null).isPresent()) {
                    governance.retire(id);
                }
                return null;
            });
        }
    }

    @Test
    void alice_is_refused_by_the_enforced_policy_mends_the_purpose_and_finds_the_results_on_the_policies_tab() {
        String name = "Order Events " + run;
        String id = "order-events-" + run;
        openAs("/create", "alice");
        typeAsPerson(field("Name"), name, () -> assertThat(field("Id")).hasValue(id));
        typeAsPerson(page.getByLabel("Tags"), tag, () -> {});
        page.getByLabel("Tags").press("Enter");
        BrowserSupport.awaitVaadin(page);
        // The list of tags stays open after a custom one is added: closed as a person would.
        page.getByLabel("Tags").press("Escape");
        assertThat(page.locator("vaadin-multi-select-combo-box")).containsText(tag);
        typeAsPerson(page.getByLabel("Purpose (Markdown)"), "Order events.", () -> BrowserSupport.awaitVaadin(page));
        typeAsPerson(field("Port name"), "events", () -> BrowserSupport.awaitVaadin(page));
        field("Port name").press("Tab");
        BrowserSupport.awaitVaadin(page);
        assertThat(invalidFields()).hasCount(0);

        saveAsDraft();
        Locator refusal = page.locator("#form-policy-refusal");
        assertThat(refusal).isVisible();
        assertThat(refusal).containsText("Not saved: the product would break an enforced policy.");
        assertThat(refusal.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(purposeTitle)))
                .hasAttribute("href", "governance/policies/" + purposePolicy);
        assertThat(refusal).containsText("Say in 40 characters or more what the product is for.");
        assertThat(refusal).containsText("See the field Purpose (Markdown).");
        Locator purpose = page.locator("vaadin-text-area")
                .filter(new Locator.FilterOptions().setHas(page.getByLabel("Purpose (Markdown)")));
        assertThat(purpose).hasAttribute("invalid", "");
        assertThat(purpose).containsText("Policy '" + purposeTitle + "' (enforced)");
        assertThat(page.getByLabel("Purpose (Markdown)")).isFocused();
        assertThat(jdbc.sql("select count(*) from data_product where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from data_contract where id = ?")
                        .param(id + "-events-v1")
                        .query(Long.class)
                        .single())
                .as("nor the contract defined at its port")
                .isZero();
        screenshot("policy-refused-field.png");
        refusal.scrollIntoViewIfNeeded();
        screenshot("policy-refused-form.png");

        // What she types first is not yet enough; the refusal stays said at the top meanwhile.
        typeAsPerson(
                page.getByLabel("Purpose (Markdown)"),
                " Every order placed in the web shop, one event per change, for the sales reports.",
                () -> BrowserSupport.awaitVaadin(page));
        assertThat(purpose).not().hasAttribute("invalid", "");
        assertThat(refusal).isVisible();

        saveAsDraft();
        page.waitForURL(TestInfrastructure.portalUrl() + "/products/" + id);
        BrowserSupport.awaitVaadin(page);
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Policies"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page).hasURL(Pattern.compile(".*/products/" + id + "\\?tab=policies$"));

        Locator results = page.locator("#policy-results");
        assertThat(results.locator("#policy-results-summary")).hasText("Violates 1 of 2 policies that cover it.");
        Locator kept = results.locator("tr[data-policy='" + purposePolicy + "']");
        assertThat(kept.locator(".policy-result")).hasText("✓ kept");
        assertThat(kept).containsText("enforced on publish");
        assertThat(kept).containsText("high");
        assertThat(kept.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(purposeTitle)))
                .hasAttribute("href", "governance/policies/" + purposePolicy);
        Locator violated = results.locator("tr[data-policy='" + supportPolicy + "']");
        assertThat(violated.locator(".policy-result")).hasText("✕ violated");
        assertThat(violated).containsText("advisory");
        assertThat(violated).containsText("Name a support channel, so that consumers know where to ask.");
        assertThat(violated).containsText("at /support");
        // Violations first.
        assertThat(results.locator("tbody tr").first()).hasAttribute("data-policy", supportPolicy);

        Locator trust = page.locator("#trust-score");
        assertThat(trust.locator("#trust-score-total")).hasText(Pattern.compile("^\\d{1,3} / 100$"));
        Locator points = trust.locator("#trust-score-points tbody tr");
        assertThat(points).hasCount(5);
        Locator policyPoints = trust.locator("tr[data-component='policies']");
        assertThat(policyPoints).containsText("Policies kept");
        assertThat(policyPoints).containsText("35 of 40");
        assertThat(policyPoints).containsText("breaks '" + supportTitle + "' (low, −5)");
        assertThat(trust.locator("tr[data-component='documentation']")).containsText("Missing");
        screenshot("policy-tab.png");
        trust.locator("tfoot").scrollIntoViewIfNeeded();
        screenshot("policy-tab-trust.png");
        // The header says the score too, and leads to the tab.
        assertThat(page.locator(".product-headline")).hasText(Pattern.compile("^Trust \\d{1,3} / 100$"));

        // My products warns of the violation and leads to the tab.
        page.navigate(portalUrl() + "/my");
        BrowserSupport.awaitVaadin(page);
        page.getByLabel("Filter by name or id")
                .pressSequentially(run, new Locator.PressSequentiallyOptions().setDelay(80));
        Locator shown = page.locator("#my-products vaadin-grid-cell-content:visible");
        assertThat(shown.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)))
                .hasCount(1);
        Locator warning = shown.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Violates 1 policy"));
        assertThat(warning).hasCount(1);
        page.getByText("Needs attention only").click();
        BrowserSupport.awaitVaadin(page);
        assertThat(warning).hasCount(1);
        screenshot("my-products-policy-warning.png");
        warning.click();
        page.waitForURL(url -> url.endsWith("/products/" + id + "?tab=policies"));
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#policy-results-summary")).hasText("Violates 1 of 2 policies that cover it.");

        // Explore marks it as well.
        page.navigate(portalUrl() + "/?q=" + run);
        BrowserSupport.awaitVaadin(page);
        Locator hit = page.locator("vaadin-grid-cell-content:visible")
                .filter(new Locator.FilterOptions()
                        .setHas(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name))));
        assertThat(hit.locator(".hit-badge")).hasText("Violates 1 policy");
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private Locator invalidFields() {
        return page.locator("vaadin-text-field[invalid], vaadin-combo-box[invalid], vaadin-select[invalid],"
                + " vaadin-text-area[invalid], vaadin-multi-select-combo-box[invalid]");
    }

    private void saveAsDraft() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as draft"))
                .click();
        BrowserSupport.awaitVaadin(page);
    }

    private void screenshot(String file) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots", file))
                .setFullPage(true));
    }

    private PolicyDefinition policy(
            String title, Severity severity, PolicyMode mode, String rule, String path, String message) {
        return new PolicyDefinition(
                title,
                "Set up by the policy refusal journey.",
                severity,
                mode,
                EnforceOn.PUBLISH,
                new PolicyScope(List.of(), List.of(), List.of(tag), List.of()),
                rule,
                path,
                message,
                true);
    }

    private static <T> T asCarol(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }
}

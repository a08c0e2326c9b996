package io.meshport.uitest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * /governance for readers who are not governance, the compliance chart in the production bundle,
 * and a stale save refused in the policy editor. Each policy here covers only this class's tag and
 * is retired afterwards; the daily rows written here are in a domain of their own and removed.
 */
@MeshportTest
class GovernancePageTest extends BrowserTest {

    @Autowired
    GovernanceService governance;

    @Autowired
    JdbcClient jdbc;

    private final String tag = "gp" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final String policyId = "support-" + tag;
    private final String domain = tag + "-domain";

    @AfterEach
    void retirePolicyAndRemoveRows() {
        asCarol(() -> {
            if (governance.policy(policyId).filter(p -> p.retiredAt() == null).isPresent()) {
                governance.retire(policyId);
            }
            return null;
        });
        jdbc.sql("delete from compliance_day where domain = ?").param(domain).update();
    }

    @Test
    void dave_reads_policies_and_a_policy_but_gets_no_button_that_changes_anything() {
        asCarol(() -> governance.save(policyId, policy("Support channel " + tag), null));

        openAs("/governance", "dave");
        assertThat(page.locator("#policies-grid")
                        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Support channel " + tag)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New policy")))
                .hasCount(0);
        page.locator("#policies-grid")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Support channel " + tag))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#policy-read-only")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")))
                .hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retire")))
                .hasCount(0);
        assertThat(page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)))
                .hasAttribute("readonly", "");
        assertThat(page.locator("#policy-description-preview strong")).hasText("support");
        assertThat(page.locator("#policy-history")).containsText("created");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/governance-policy-read-only.png"))
                .setFullPage(true));

        page.navigate(portalUrl() + "/governance/policies/new");
        BrowserSupport.awaitVaadin(page);
        assertThat(page.getByText("Only governance (the admin group) writes policies."))
                .isVisible();
    }

    @Test
    void the_compliance_chart_draws_the_daily_record_in_the_production_bundle() {
        // The seven days before today: a sweep (scheduled, or set off by another test) replaces
        // every row of today, and one at midnight would replace what was today a moment ago.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int back = 7; back >= 1; back--) {
            day(today.minusDays(back), "sales", 10, 5 + back % 3, 5 - back % 3);
            day(today.minusDays(back), "marketing", 4, 4, 0);
        }

        openAs("/governance?tab=compliance", "dave");
        Locator chart = page.locator("meshport-compliance-chart");
        assertThat(chart).hasAttribute("data-ready", "true");
        assertThat(chart.locator("canvas")).isVisible();
        org.assertj.core.api.Assertions.assertThat(chart.locator("canvas").boundingBox().height)
                .isGreaterThan(100);
        org.assertj.core.api.Assertions.assertThat(BrowserSupport.hasInk(chart.locator("canvas")))
                .as("the chart is drawn")
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(chart.evaluate(
                        "(el, name) => el.chart.data.datasets.find(d => d.label === name)?.data.length ?? 0", domain))
                .isEqualTo(7);
        assertThat(chart.getByRole(AriaRole.IMG))
                .hasAttribute(
                        "aria-label", java.util.regex.Pattern.compile("^Chart of the share of compliant products"));
        // Today's table (or, while no enabled policy covers a product, a sentence that says so).
        assertThat(page.locator("#compliance-table, #compliance-table-empty")).isVisible();

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Team"))
                .check();
        BrowserSupport.awaitVaadin(page);
        Locator byTeam = page.locator("meshport-compliance-chart");
        assertThat(byTeam).hasAttribute("data-ready", "true");
        org.assertj.core.api.Assertions.assertThat(byTeam.evaluate("el => el.chart.data.datasets.map(d => d.label)"))
                .asString()
                .contains("marketing", "sales");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/governance-compliance.png"))
                .setFullPage(true));
    }

    @Test
    void a_save_over_someone_elses_change_is_refused_with_a_clear_message_and_keeps_theirs() {
        asCarol(() -> governance.save(policyId, policy("Support channel " + tag), null));

        openAs("/governance/policies/" + policyId, "carol");
        Locator title = page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true));
        assertThat(title).hasValue("Support channel " + tag);

        // Meanwhile, in another session, the policy is changed.
        asCarol(() -> governance.save(policyId, policy("Support channel, changed elsewhere " + tag), null));

        title.clear();
        typeAsPerson(title, "Support channel, mine " + tag, () -> BrowserSupport.awaitVaadin(page));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        BrowserSupport.awaitVaadin(page);
        assertThat(page.locator("#policy-conflict")).containsText("was changed by carol since you opened it");
        assertThat(page.locator("#policy-conflict")).containsText("Nothing was saved.");
        assertThat(title).hasValue("Support channel, mine " + tag);
        org.assertj.core.api.Assertions.assertThat(asCarol(() -> governance.policy(policyId))
                        .orElseThrow()
                        .definition()
                        .title())
                .isEqualTo("Support channel, changed elsewhere " + tag);
    }

    @Test
    void the_rule_is_checked_as_it_is_typed_with_line_and_column() {
        openAs("/governance/policies/new", "carol");
        Locator rule = page.getByLabel("Rule (CEL)", new Page.GetByLabelOptions().setExact(true));
        Locator check = page.locator("#rule-check");
        typeAsPerson(rule, "product.name ==", () -> assertThat(check)
                .containsText(java.util.regex.Pattern.compile("✕ line 1, column \\d+: ")));
        rule.press("Enter");
        typeAsPerson(rule, "  'x' &&& true", () -> assertThat(check).containsText("line 2, column"));
    }

    private void day(LocalDate day, String team, int products, int compliant, int violations) {
        jdbc.sql("insert into compliance_day (day, domain, team, products, compliant, violations)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(Date.valueOf(day), domain, team, products, compliant, violations)
                .update();
    }

    private PolicyDefinition policy(String title) {
        return new PolicyDefinition(
                title,
                "Owners need a **support** channel.",
                Severity.MEDIUM,
                PolicyMode.ADVISORY,
                EnforceOn.PUBLISH,
                new PolicyScope(List.of(), List.of(), List.of(tag), List.of()),
                "has(product.support) && size(product.support) > 0",
                null,
                null,
                true);
    }

    private static <T> T asCarol(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }
}

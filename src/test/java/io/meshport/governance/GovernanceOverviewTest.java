package io.meshport.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The governance overview's reads: compliance per domain and team, the violations, the
 * exemptions about to expire and the daily record over time. Each test's products sit in a
 * domain of their own and carry a tag of their own that its policy is scoped to; the policy is
 * retired and the rows written here are removed afterwards.
 */
@MeshportTest
class GovernanceOverviewTest {

    @Autowired
    GovernanceService governance;

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    private final String tag = "ovw-" + UUID.randomUUID().toString().substring(0, 8);
    private final String domain = tag + "-domain";
    private final String policyId = "purpose-" + tag;
    private final String kept = tag + "-kept";
    private final String broken = tag + "-broken";

    @BeforeEach
    void publishTwoProductsOfTwoTeamsAndAPolicyOneOfThemBreaks() {
        RunAs.user(
                "alice",
                List.of("sales"),
                () -> catalog.publishProduct(
                        kept,
                        product(kept, "sales", "Every order placed through the web shop, one row per order line."),
                        DocumentFormat.YAML,
                        null,
                        null));
        RunAs.user(
                "bob",
                List.of("marketing"),
                () -> catalog.publishProduct(
                        broken, product(broken, "marketing", "Leads."), DocumentFormat.YAML, null, null));
        asCarol(() -> governance.save(policyId, policy(), null));
    }

    @AfterEach
    void retirePolicyAndRemoveRows() {
        asCarol(() -> {
            if (governance.policy(policyId).filter(p -> p.retiredAt() == null).isPresent()) {
                governance.retire(policyId);
            }
            return null;
        });
        jdbc.sql("delete from compliance_day where domain = ?").param(domain).update();
        jdbc.sql("delete from policy_exemption where policy_id = ?")
                .param(policyId)
                .update();
    }

    @Test
    void compliance_per_domain_counts_its_products_the_compliant_ones_and_the_violations() {
        List<ComplianceShare> byDomain = asDave(() -> governance.complianceBy(ComplianceGrouping.DOMAIN));
        assertThat(byDomain)
                .filteredOn(share -> share.name().equals(domain))
                .singleElement()
                .satisfies(share -> {
                    // Other enabled policies (built-ins the demo enables) may cover these products too:
                    // the expected figures are their results, whatever policies gave them.
                    long violatedKept = violated(kept);
                    long violatedBroken = violated(broken);
                    assertThat(violatedBroken).isGreaterThanOrEqualTo(1);
                    assertThat(share.products()).isEqualTo(2);
                    assertThat(share.compliant()).isEqualTo(violatedKept == 0 ? 1 : 0);
                    assertThat(share.violations()).isEqualTo(violatedKept + violatedBroken);
                    assertThat(share.share()).isEqualTo(share.compliant() / 2.0);
                });
        List<ComplianceShare> byTeam = asDave(() -> governance.complianceBy(ComplianceGrouping.TEAM));
        assertThat(byTeam.stream().mapToLong(ComplianceShare::products).sum())
                .as("the same products, counted by team")
                .isEqualTo(
                        byDomain.stream().mapToLong(ComplianceShare::products).sum());
        assertThat(byTeam.stream().mapToLong(ComplianceShare::violations).sum())
                .isEqualTo(
                        byDomain.stream().mapToLong(ComplianceShare::violations).sum());
        assertThat(byTeam).extracting(ComplianceShare::name).contains("sales", "marketing");
    }

    @Test
    void the_violations_name_the_product_its_team_and_the_policy_and_page_through_the_service() {
        assertThat(asDave(() -> governance.violationCount(policyId))).isEqualTo(1);
        assertThat(asDave(() -> governance.violations(policyId, 0, 50)))
                .singleElement()
                .satisfies(violation -> {
                    assertThat(violation.productId()).isEqualTo(broken);
                    assertThat(violation.productName()).isEqualTo("Product " + broken);
                    assertThat(violation.team()).isEqualTo("marketing");
                    assertThat(violation.domain()).isEqualTo(domain);
                    assertThat(violation.policyTitle()).isEqualTo("Purpose of substance " + tag);
                    assertThat(violation.message()).isEqualTo("Say in 40 characters or more what the product is for.");
                    assertThat(violation.since()).isBefore(Instant.now().plusSeconds(1));
                });
        assertThat(asDave(() -> governance.violations(policyId, 1, 50))).isEmpty();
        long all = asDave(() -> governance.violationCount(null));
        assertThat(all).isGreaterThanOrEqualTo(1);
        assertThat(asDave(() -> governance.violations(null, 0, 1_000_000)))
                .as("a page is bounded")
                .hasSizeLessThanOrEqualTo(GovernanceService.MAX_OVERVIEW_ROWS);
    }

    @Test
    void exemptions_about_to_expire_are_the_open_ones_that_run_out_within_the_window_soonest_first() {
        Instant now = Instant.now();
        exemption(broken, "Leads are being rewritten", now.plus(Duration.ofDays(3)), false);
        exemption(kept, "Not soon", now.plus(Duration.ofDays(20)), false);
        exemption(broken, "Revoked long ago", now.plus(Duration.ofDays(2)), true);

        assertThat(asDave(() -> governance.exemptionsExpiring(Duration.ofDays(14))))
                .filteredOn(exemption -> exemption.policyId().equals(policyId))
                .singleElement()
                .satisfies(exemption -> {
                    assertThat(exemption.productId()).isEqualTo(broken);
                    assertThat(exemption.productName()).isEqualTo("Product " + broken);
                    assertThat(exemption.team()).isEqualTo("marketing");
                    assertThat(exemption.reason()).isEqualTo("Leads are being rewritten");
                    assertThat(exemption.grantedBy()).isEqualTo("Carol");
                    assertThat(exemption.policyTitle()).isEqualTo("Purpose of substance " + tag);
                });
        assertThat(asDave(() -> governance.exemptionsExpiring(Duration.ofDays(30))))
                .filteredOn(exemption -> exemption.policyId().equals(policyId))
                .extracting(ExpiringExemption::productId)
                .containsExactly(broken, kept);
    }

    @Test
    void compliance_over_time_sums_the_daily_record_per_domain_or_team_and_leaves_out_older_days() {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        day(yesterday, tag + "-a", 4, 3, 1);
        day(yesterday, tag + "-b", 2, 1, 2);
        day(yesterday.minusDays(1), tag + "-a", 4, 4, 0);
        day(yesterday.minusDays(120), tag + "-a", 1, 0, 1);

        assertThat(asDave(() -> governance.complianceOverTime(ComplianceGrouping.DOMAIN, 90)))
                .filteredOn(day -> day.name().equals(domain))
                .containsExactly(
                        new ComplianceDay(yesterday.minusDays(1), domain, 4, 4, 0),
                        new ComplianceDay(yesterday, domain, 6, 4, 3));
        assertThat(asDave(() -> governance.complianceOverTime(ComplianceGrouping.TEAM, 90)))
                .filteredOn(day -> day.name().startsWith(tag))
                .containsExactly(
                        new ComplianceDay(yesterday.minusDays(1), tag + "-a", 4, 4, 0),
                        new ComplianceDay(yesterday, tag + "-a", 4, 3, 1),
                        new ComplianceDay(yesterday, tag + "-b", 2, 1, 2));
        assertThat(asDave(() -> governance.complianceOverTime(ComplianceGrouping.DOMAIN, 1)))
                .as("today only")
                .noneMatch(day -> day.name().equals(domain));
    }

    @Test
    void the_editor_is_offered_the_catalogs_domains_tags_and_the_statuses() {
        ScopeChoices choices = asCarol(() -> governance.scopeChoices());
        assertThat(choices.domains()).contains(domain);
        assertThat(choices.tags()).contains(tag);
        assertThat(choices.statuses()).containsExactly("proposed", "draft", "active", "deprecated", "retired");
    }

    private long violated(String product) {
        return asDave(() -> governance.compliance(product)).stream()
                .filter(result -> !result.passed())
                .count();
    }

    private void exemption(String product, String reason, Instant expiresAt, boolean revoked) {
        jdbc.sql("""
                        insert into policy_exemption (policy_id, product_id, reason, granted_by_name, granted_at,
                                                      expires_at, revoked_at, revoked_by_name)
                        values (?, ?, ?, 'Carol', ?, ?, ?, ?)
                        """)
                .params(
                        policyId,
                        product,
                        reason,
                        Timestamp.from(Instant.now().minus(Duration.ofDays(1))),
                        Timestamp.from(expiresAt),
                        revoked ? Timestamp.from(Instant.now()) : null,
                        revoked ? "Carol" : null)
                .update();
    }

    private void day(LocalDate day, String team, int products, int compliant, int violations) {
        jdbc.sql("insert into compliance_day (day, domain, team, products, compliant, violations)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(Date.valueOf(day), domain, team, products, compliant, violations)
                .update();
    }

    private PolicyDefinition policy() {
        return new PolicyDefinition(
                "Purpose of substance " + tag,
                "A consumer decides from the purpose.",
                Severity.HIGH,
                PolicyMode.ADVISORY,
                EnforceOn.PUBLISH,
                new PolicyScope(List.of(), List.of(), List.of(tag), List.of()),
                "size(product.description.purpose.trim()) >= 40",
                "/description/purpose",
                "Say in 40 characters or more what the product is for.",
                true);
    }

    private String product(String id, String team, String purpose) {
        return """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: Product %s
                status: draft
                domain: %s
                tags: [%s]
                description:
                  purpose: "%s"
                team:
                  name: %s
                """.formatted(id, id, domain, tag, purpose, team);
    }

    private static <T> T asCarol(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }

    private static <T> T asDave(Supplier<T> work) {
        return RunAs.user("dave", List.of(), work);
    }
}

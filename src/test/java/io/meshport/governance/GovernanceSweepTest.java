package io.meshport.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.notification.NotificationKind;
import io.meshport.notification.NotificationService;
import io.meshport.notification.NotificationView;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import io.meshport.testing.RunAs;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The periodic sweep, run as the scheduler runs it, on the portal's clock moved ahead: what time
 * alone changes (an exemption that ends, an upstream past its sunset date) becomes a violation,
 * and the owning team is told. Every policy here covers only this test's tag and is retired
 * afterwards; a sweep on the real clock then puts every other product's results back as of now.
 */
@MeshportTest
@RecordApplicationEvents
class GovernanceSweepTest {

    @Autowired
    GovernanceService governance;

    @Autowired
    GovernanceSweep sweep;

    @Autowired
    CatalogService catalog;

    @Autowired
    NotificationService notifications;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private final String s = "sw" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final String tag = s + "-tag";
    private final String team = s + "-team";
    private final String domain = s + "-domain";
    private final List<String> policies = new ArrayList<>();

    @Autowired
    LockProvider locks;

    private Optional<SimpleLock> scheduledRounds = Optional.empty();

    /**
     * The scheduled sweep, on the real clock, must not run between a sweep ahead of time and what
     * the test checks: its lock is held here (held already, a round ran within the hour, so the
     * next is an hour away).
     */
    @BeforeEach
    void holdTheScheduledSweep() {
        scheduledRounds = locks.lock(
                new LockConfiguration(Instant.now(), "governance-sweep", Duration.ofMinutes(10), Duration.ZERO));
    }

    @AfterEach
    void retirePoliciesAndPutTimeBack() {
        scheduledRounds.ifPresent(SimpleLock::unlock);
        asCarol(() -> {
            for (String id : policies) {
                if (governance.policy(id).filter(p -> p.retiredAt() == null).isPresent()) {
                    governance.retire(id);
                }
            }
            return null;
        });
        // Sweeps ahead of time evaluated the whole catalog then: evaluated now, it is as it was.
        sweep.sweep();
        jdbc.sql("delete from compliance_day where day > :today")
                .param("today", Date.valueOf(today()))
                .update();
    }

    @Test
    void an_exemption_excuses_a_violation_until_it_ends_and_then_the_sweep_makes_it_a_violation_again() {
        String policy = policy("purpose", PURPOSE);
        String id = s + "-x";
        publish(id, "short", "draft", "", "");
        assertThat(result(id, policy).passed()).isFalse();

        Instant ends = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        GovernanceService.Granted granted =
                asCarol(() -> governance.grant(policy, id, "Migrating the description by Friday.", ends));
        assertThat(granted.replaced()).isFalse();
        assertThat(granted.exemption().grantedBy()).isNotBlank();
        ComplianceResult exempt = result(id, policy);
        assertThat(exempt.passed()).isTrue();
        assertThat(exempt.exemptUntil()).isEqualTo(ends);
        assertThat(exempt.exemptionReason()).isEqualTo("Migrating the description by Friday.");
        assertThat(asMember(() -> governance.exemptionsOf(id)))
                .singleElement()
                .satisfies(e -> assertThat(e.productName()).isEqualTo("Product " + id));

        // Still excused by the sweep a few hours later; not any more once the day has passed.
        sweepAhead(Duration.ofHours(12));
        assertThat(result(id, policy).exemptUntil()).isEqualTo(ends);
        sweepAhead(Duration.ofDays(2));
        ComplianceResult again = result(id, policy);
        assertThat(again.passed()).isFalse();
        assertThat(again.exemptUntil()).isNull();
        assertThat(lastCause(id, policy)).isEqualTo("sweep");
        assertThat(violations(id, policy)).hasSize(2);

        // The owning team is told of each new violation: on the first write, and when the exemption ended.
        PendingEvents.awaitHandled(jdbc, id);
        List<NotificationView> told = asMember(() -> notifications.mine(50)).stream()
                .filter(n -> n.kind() == NotificationKind.POLICY_VIOLATED)
                .toList();
        assertThat(told).hasSize(2).allSatisfy(notification -> {
            assertThat(notification.message())
                    .startsWith("Policy 'purpose " + s + "' is violated by Product " + id
                            + ": Say in 40 characters or more what the product is for.");
            assertThat(notification.link()).isEqualTo("products/" + id + "?tab=policies");
        });
        // And the platform's feed announces it.
        assertThat(jdbc.sql("select count(*) from platform_event where type = :type and source = :source"
                                + " and subject = :policy and data ->> 'product' = :id")
                        .param("type", "io.meshport.governance.policy.violated")
                        .param("source", "/api/v1/policies")
                        .param("policy", policy)
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void revoking_an_exemption_makes_the_product_a_violation_at_once_and_granting_again_replaces_one() {
        String policy = policy("purpose", PURPOSE);
        String id = s + "-r";
        publish(id, "short", "draft", "", "");
        Instant ends = clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        asCarol(() -> governance.grant(policy, id, "First reason", ends));
        GovernanceService.Granted again =
                asCarol(() -> governance.grant(policy, id, "Second reason", ends.plus(Duration.ofDays(1))));
        assertThat(again.replaced()).isTrue();
        assertThat(asMember(() -> governance.exemptions(policy)))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("Second reason"));
        assertThat(result(id, policy).passed()).isTrue();

        asCarol(() -> {
            governance.revoke(policy, id);
            return null;
        });
        assertThat(result(id, policy).passed()).isFalse();
        assertThat(lastCause(id, policy)).isEqualTo("exemption");
        assertThat(asMember(() -> governance.exemptions(policy))).isEmpty();
    }

    @Test
    void the_sweep_finds_a_product_whose_deprecated_upstream_passed_its_sunset_date() {
        String policy = policy("upstreams", UPSTREAMS);
        String upstream = s + "-up";
        String downstream = s + "-down";
        publish(upstream, PURPOSE_OK, "draft", "", output);
        publish(downstream, PURPOSE_OK, "draft", "", input);
        LocalDate sunset = today().plusDays(1);
        publish(
                upstream,
                PURPOSE_OK,
                "deprecated",
                "customProperties:\n  - property: sunsetDate\n    value: \"" + sunset + "\"\n",
                output);
        PendingEvents.awaitHandled(jdbc, s);
        assertThat(result(downstream, policy).passed()).isTrue();

        sweepAhead(Duration.ofDays(1));
        assertThat(result(downstream, policy).passed()).isTrue();
        sweepAhead(Duration.ofDays(3));
        assertThat(result(downstream, policy).passed()).isFalse();
        assertThat(lastCause(downstream, policy)).isEqualTo("sweep");
        assertThat(violations(downstream, policy)).hasSize(1);
    }

    @Test
    void a_product_whose_upstream_is_retired_violates_at_once_through_its_lineage() {
        String policy = policy("upstreams", UPSTREAMS);
        String upstream = s + "-up";
        String downstream = s + "-down";
        publish(upstream, PURPOSE_OK, "draft", "", output);
        publish(downstream, PURPOSE_OK, "draft", "", input);
        publish(upstream, PURPOSE_OK, "deprecated", "", output);
        PendingEvents.awaitHandled(jdbc, s);
        assertThat(result(downstream, policy).passed()).isTrue();

        publish(upstream, PURPOSE_OK, "retired", "", output);
        PendingEvents.awaitHandled(jdbc, s);
        ComplianceResult result = result(downstream, policy);
        assertThat(result.passed()).isFalse();
        assertThat(result.message()).startsWith("Depend on no retired product, nor on one past its sunset.");
        assertThat(lastCause(downstream, policy)).isEqualTo("lineage");
    }

    @Test
    void the_sweep_writes_todays_compliance_per_domain_and_team() {
        policy("purpose", PURPOSE);
        policy("usage", "has(product.description) && has(product.description.usage)");
        publish(s + "-a", "short", "draft", "", "");
        publish(s + "-b", PURPOSE_OK, "draft", "  usage: Read it daily.\n", "");
        publishAs(s + "-c", team + "-2", PURPOSE_OK, "  usage: Read it daily.\n");

        GovernanceSweep.Round round = sweep.sweep();
        assertThat(round.day()).isEqualTo(today());
        assertThat(round.evaluated()).isGreaterThanOrEqualTo(3);

        Map<String, List<Integer>> rows = new java.util.TreeMap<>();
        jdbc.sql("select team, products, compliant, violations from compliance_day where day = :day and domain = :d")
                .param("day", Date.valueOf(today()))
                .param("d", domain)
                .query((rs, row) -> Map.entry(rs.getString(1), List.of(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
                .list()
                .forEach(entry -> rows.put(entry.getKey(), entry.getValue()));
        // team: one product breaking both policies, one keeping both; the other team: one keeping both.
        assertThat(rows)
                .containsExactlyInAnyOrderEntriesOf(Map.of(team, List.of(2, 1, 2), team + "-2", List.of(1, 1, 0)));

        // A second sweep on the same day replaces the day's rows rather than adding to them.
        sweep.sweep();
        assertThat(jdbc.sql("select products from compliance_day where day = :day and domain = :d and team = :t")
                        .param("day", Date.valueOf(today()))
                        .param("d", domain)
                        .param("t", team)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void a_rule_that_fails_on_one_product_is_its_violation_and_the_sweep_goes_on_to_the_others() {
        String policy = policy("usage", "product.description.usage.size() > 0");
        publish(s + "-a", "no usage here", "draft", "", "");
        publish(s + "-b", PURPOSE_OK, "draft", "  usage: Read it daily.\n", "");
        publish(s + "-c", PURPOSE_OK, "draft", "  usage: Read it hourly.\n", "");

        GovernanceSweep.Round round = sweep.sweep();
        assertThat(round.failed()).isZero();
        ComplianceResult broken = result(s + "-a", policy);
        assertThat(broken.passed()).isFalse();
        assertThat(broken.message()).contains("could not be evaluated");
        assertThat(result(s + "-b", policy).passed()).isTrue();
        assertThat(result(s + "-c", policy).passed()).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    private static final String PURPOSE = "has(product.description) && has(product.description.purpose)"
            + " && size(product.description.purpose.trim()) >= 40";
    private static final String UPSTREAMS = "lineage.upstream.all(u, u.status != 'retired' && !u.pastSunset)";
    private static final String PURPOSE_OK = "A purpose long enough to tell a consumer what this is for.";
    private final String output = "outputPorts:\n  - name: out0\n    version: 1.0.0\n    contractId: " + s + "-up-v1\n";
    private final String input = "inputPorts:\n  - name: in0\n    version: 1.0.0\n    contractId: " + s + "-up-v1\n";

    private String policy(String name, String rule) {
        String id = name + "-" + s;
        policies.add(id);
        asCarol(() -> governance.save(
                id,
                new PolicyDefinition(
                        name + " " + s,
                        "Why it matters.",
                        Severity.HIGH,
                        PolicyMode.ADVISORY,
                        EnforceOn.PUBLISH,
                        new PolicyScope(List.of(), List.of(), List.of(tag), List.of()),
                        rule,
                        null,
                        name.equals("purpose")
                                ? "Say in 40 characters or more what the product is for."
                                : name.equals("upstreams")
                                        ? "Depend on no retired product, nor on one past its sunset."
                                        : null,
                        true),
                null));
        return id;
    }

    private void publish(String id, String purpose, String status, String extra, String ports) {
        publishDocument(id, team, status, "description:\n  purpose: \"" + purpose + "\"\n" + extra, ports);
    }

    private void publishAs(String id, String owner, String purpose, String description) {
        publishDocument(id, owner, "draft", "description:\n  purpose: \"" + purpose + "\"\n" + description, "");
    }

    private void publishDocument(String id, String owner, String status, String extra, String ports) {
        String yaml = "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: \"Product " + id + "\"\nstatus: "
                + status + "\ndomain: " + domain + "\ntags: [" + tag + "]\nteam:\n  name: " + owner + "\n" + extra
                + ports;
        RunAs.user(
                s + "-owner", List.of(owner), () -> catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null));
    }

    private void sweepAhead(Duration ahead) {
        sweep.withClock(Clock.offset(clock, ahead)).sweep();
    }

    private ComplianceResult result(String productId, String policyId) {
        return asMember(() -> governance.compliance(productId)).stream()
                .filter(result -> result.policyId().equals(policyId))
                .findFirst()
                .orElseThrow();
    }

    private String lastCause(String productId, String policyId) {
        return jdbc.sql("select cause from policy_result_change where product_id = :product and policy_id = :policy"
                        + " order by id desc limit 1")
                .param("product", productId)
                .param("policy", policyId)
                .query(String.class)
                .single();
    }

    private List<PolicyViolated> violations(String productId, String policyId) {
        return events.stream(PolicyViolated.class)
                .filter(event ->
                        event.productId().equals(productId) && event.policyId().equals(policyId))
                .toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private <T> T asMember(Supplier<T> work) {
        return RunAs.user(s + "-member", List.of(team), work);
    }

    private static <T> T asCarol(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }
}

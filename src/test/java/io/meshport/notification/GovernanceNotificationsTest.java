package io.meshport.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.governance.EnforceOn;
import io.meshport.governance.GovernanceService;
import io.meshport.governance.PolicyDefinition;
import io.meshport.governance.PolicyMode;
import io.meshport.governance.PolicyScope;
import io.meshport.governance.Severity;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import io.meshport.testing.RunAs;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A product that newly breaks a global policy: its owning team is told once, with a link to the
 * product's Policies tab; other teams are not. The policy covers only this test's tag.
 */
@MeshportTest
class GovernanceNotificationsTest {

    @Autowired
    GovernanceService governance;

    @Autowired
    CatalogService catalog;

    @Autowired
    NotificationService notifications;

    @Autowired
    JdbcClient jdbc;

    private final String s = "gn" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final String team = s + "-team";
    private final String policy = "support-" + s;

    @AfterEach
    void retirePolicy() {
        asCarol(() -> {
            if (governance.policy(policy).filter(p -> p.retiredAt() == null).isPresent()) {
                governance.retire(policy);
            }
            return null;
        });
    }

    @Test
    void the_owning_team_is_told_once_when_its_product_newly_violates_a_policy() {
        asCarol(() -> governance.save(
                policy,
                new PolicyDefinition(
                        "Support channel " + s,
                        "",
                        Severity.HIGH,
                        PolicyMode.ADVISORY,
                        EnforceOn.PUBLISH,
                        new PolicyScope(List.of(), List.of(), List.of(s), List.of()),
                        "has(product.support) && size(product.support) > 0",
                        "/support",
                        "Name a support channel.",
                        true),
                null));
        String id = s + "-p";
        publish(id, "First words.");
        // Written again, still violating: no new violation, nothing more to tell.
        publish(id, "Second words.");
        PendingEvents.awaitHandled(jdbc, id);

        List<NotificationView> told = asTeam(() -> notifications.mine(50));
        assertThat(told).singleElement().satisfies(notification -> {
            assertThat(notification.kind()).isEqualTo(NotificationKind.POLICY_VIOLATED);
            assertThat(notification.productId()).isEqualTo(id);
            // Followed by the rule's error, if it had one (the portal's time budget on a busy machine).
            assertThat(notification.message())
                    .startsWith("Policy 'Support channel " + s + "' is violated by Product " + id
                            + ": Name a support channel.");
            assertThat(notification.link()).isEqualTo("products/" + id + "?tab=policies");
        });
        assertThat(RunAs.user(s + "-other", List.of(s + "-other"), () -> notifications.mine(50)))
                .isEmpty();
    }

    private void publish(String id, String purpose) {
        String yaml = "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: Product " + id
                + "\nstatus: draft\ntags: [" + s + "]\ndescription:\n  purpose: " + purpose + "\nteam:\n  name: " + team
                + "\n";
        RunAs.user(
                s + "-owner", List.of(team), () -> catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null));
    }

    private <T> T asTeam(Supplier<T> work) {
        return RunAs.user(s + "-member", List.of(team), work);
    }

    private static <T> T asCarol(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }
}

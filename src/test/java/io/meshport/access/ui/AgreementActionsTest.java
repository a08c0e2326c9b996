package io.meshport.access.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import io.meshport.access.Agreement;
import io.meshport.access.AgreementStatus;
import io.meshport.access.Provisioning;
import io.meshport.identity.Identity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Which steps an agreement offers to whom, as the service's rules say: the providing team (and
 * governance, except on its own team's request) decides and revokes; the consumer team cancels,
 * consents and renews; nobody else sees a button.
 */
class AgreementActionsTest {

    private static final Identity ALICE = person("alice", false, "sales");
    private static final Identity BOB = person("bob", false, "marketing");
    private static final Identity CAROL = person("carol", true, "finance", "mesh-admins");
    private static final Identity DAVE = person("dave", false);

    @Test
    void a_request_offers_approve_and_reject_to_the_providers_and_cancel_to_the_consumers() {
        Agreement requested = agreement(AgreementStatus.REQUESTED, "marketing", null, null);

        assertThat(buttons(requested, ALICE, true)).containsExactly("Approve", "Reject");
        assertThat(buttons(requested, BOB, false)).containsExactly("Cancel request");
        assertThat(buttons(requested, CAROL, true)).containsExactly("Approve", "Reject");
        assertThat(buttons(requested, DAVE, false)).isEmpty();
    }

    @Test
    void governance_is_not_offered_to_decide_its_own_teams_request() {
        Agreement financeAsks = agreement(AgreementStatus.REQUESTED, "finance", null, null);

        assertThat(buttons(financeAsks, CAROL, true)).containsExactly("Cancel request");
    }

    @Test
    void an_approved_agreement_offers_revoke_to_the_providers_and_consent_renew_and_cancel_to_the_consumers() {
        Agreement approved = agreement(AgreementStatus.APPROVED, "marketing", LocalDate.of(2027, 3, 31), "2.0.0");

        assertThat(buttons(approved, ALICE, true)).containsExactly("Revoke");
        assertThat(buttons(approved, BOB, false)).containsExactly("Consent", "Renew", "Cancel agreement");
        assertThat(buttons(approved, DAVE, false)).isEmpty();
    }

    @Test
    void an_agreement_without_an_end_needs_no_renewal_and_without_a_new_version_no_consent() {
        Agreement open = agreement(AgreementStatus.APPROVED, "marketing", null, null);

        assertThat(buttons(open, BOB, false)).containsExactly("Cancel agreement");
    }

    @Test
    void an_expired_agreement_may_be_renewed_and_a_rejected_one_offers_nothing() {
        assertThat(buttons(
                        agreement(AgreementStatus.EXPIRED, "marketing", LocalDate.of(2026, 1, 31), null), BOB, false))
                .containsExactly("Renew");
        assertThat(buttons(agreement(AgreementStatus.REJECTED, "marketing", null, null), BOB, false))
                .isEmpty();
        assertThat(buttons(agreement(AgreementStatus.REJECTED, "marketing", null, null), ALICE, true))
                .isEmpty();
    }

    /** The buttons' visible labels; the service itself is not called until one is pressed. */
    private static List<String> buttons(Agreement agreement, Identity caller, boolean mayDecide) {
        return new AgreementActions(null, agreement, caller, mayDecide, after -> {})
                .getChildren()
                .map(child -> ((Button) child).getText())
                .toList();
    }

    private static Agreement agreement(
            AgreementStatus status, String consumerTeam, @Nullable LocalDate endsOn, @Nullable String reconsent) {
        boolean approved = status != AgreementStatus.REQUESTED && status != AgreementStatus.REJECTED;
        return new Agreement(
                UUID.randomUUID(),
                "orders",
                "orders",
                "1.0.0",
                "orders-v1",
                "1.0.0",
                "sales",
                consumerTeam,
                null,
                "Campaign reports",
                LocalDate.of(2026, 12, 1),
                endsOn,
                status,
                approved ? Provisioning.PENDING : null,
                null,
                null,
                "Bob Brennan",
                Instant.parse("2026-12-01T10:00:00Z"),
                null,
                null,
                null,
                false,
                reconsent,
                null,
                3);
    }

    private static Identity person(String name, boolean admin, String... teams) {
        return Identity.of("https://idp.example", name, name, name, Set.of(teams), admin);
    }
}

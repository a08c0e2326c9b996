package io.meshport.notification;

import io.meshport.governance.PolicyViolated;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a product's owning team when it newly breaks a global policy (on a write, an upstream's
 * change, an exemption's end or the sweep), linking to the product's Policies tab. Once per new
 * violation: a result that stays violated says nothing more; one kept again and broken again is
 * news again (its dedup key holds when it turned).
 */
@Component
class GovernanceNotifications {

    private final NotificationStore store;
    private final Clock clock;

    GovernanceNotifications(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @ApplicationModuleListener
    public void on(PolicyViolated event) {
        String message = event.message() == null || event.message().isBlank()
                ? event.policyTitle()
                : event.message().strip();
        store.add(
                event.ownerTeam(),
                NotificationKind.POLICY_VIOLATED,
                event.productId(),
                "Policy '" + event.policyTitle() + "' is violated by " + event.productName() + ": " + message,
                "products/" + event.productId() + "?tab=policies",
                clock.instant(),
                "policy:" + event.policyId() + ":" + event.productId() + ":"
                        + event.at().toEpochMilli());
    }
}

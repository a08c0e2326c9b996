package io.meshport.notification;

import io.meshport.access.AccessEvent;
import io.meshport.catalog.CatalogReadModel;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the two teams of an agreement what they need to act on: the providing team of a new
 * request (or that a port granted one by itself), the consumer team of the decision, the
 * provisioning report, a revocation, the expiry, a renewal due and a re-consent asked for. Every
 * notice links to the request on {@code /access}, where the steps are taken. Like {@link
 * NotificationListeners} it runs after the commit, with no caller, and a re-delivered event
 * stores nothing twice (one dedup key per agreement and step).
 */
@Component
class AccessNotifications {

    private final NotificationStore store;
    private final CatalogReadModel catalog;
    private final Clock clock;

    AccessNotifications(NotificationStore store, CatalogReadModel catalog, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    @ApplicationModuleListener
    public void on(AccessEvent event) {
        String port = catalog.product(event.productId())
                        .map(CatalogReadModel.Product::name)
                        .orElse(event.productId())
                + " · " + event.outputPort();
        String access = "Access to " + port + " for " + consumer(event);
        switch (event.type()) {
            case REQUESTED -> {
                // A port that decides by itself approves in the same transaction: nobody is asked.
                if (!event.automatic()) {
                    provider(
                            event,
                            NotificationKind.ACCESS_REQUESTED,
                            event.actor() + " (" + event.consumerTeam() + ") asks for access to " + port
                                    + ": waiting for your decision",
                            "requested");
                }
            }
            case APPROVED -> {
                boolean automatic = event.automatic();
                if (automatic) {
                    provider(
                            event,
                            NotificationKind.ACCESS_GRANTED_AUTOMATICALLY,
                            consumer(event) + " was granted access to " + port
                                    + " automatically (the port approves by itself) — provisioning pending",
                            "granted-automatically");
                }
                consumer(
                        event,
                        NotificationKind.ACCESS_DECIDED,
                        access + (automatic ? " approved automatically" : " approved by " + event.actor())
                                + comment(event.comment()) + " — provisioning "
                                + (event.provisioning() == null
                                        ? "pending"
                                        : event.provisioning().value()),
                        "approved");
            }
            case REJECTED ->
                consumer(
                        event,
                        NotificationKind.ACCESS_DECIDED,
                        access + " rejected by " + event.actor() + comment(event.comment()),
                        "rejected");
            case PROVISIONING_REPORTED -> {
                if (event.provisioning() != null) {
                    consumer(
                            event,
                            NotificationKind.ACCESS_PROVISIONED,
                            access + ": provisioning " + event.provisioning().value() + comment(event.comment()),
                            // Pending, failed, then granted on a second try: each report is news.
                            "provisioning:" + event.provisioning().value() + ":"
                                    + event.at().toEpochMilli());
                }
            }
            case REVOKED ->
                consumer(
                        event,
                        NotificationKind.ACCESS_REVOKED,
                        access + " revoked by " + event.actor() + comment(event.comment()),
                        "revoked");
            case EXPIRED ->
                consumer(event, NotificationKind.ACCESS_EXPIRED, access + " expired: its end date passed", "expired");
            case RENEWAL_DUE ->
                consumer(
                        event,
                        NotificationKind.ACCESS_RENEWAL_DUE,
                        access + " ends soon: renew it to keep reading",
                        "renewal-due");
            case RECONSENT_REQUESTED ->
                consumer(
                        event,
                        NotificationKind.ACCESS_RECONSENT_REQUESTED,
                        "Contract " + event.contractId() + " of " + port + " changed in a breaking way"
                                + (event.comment() == null ? "" : " (version " + event.comment() + ")")
                                + ": consent again for " + event.consumerTeam() + "'s agreement",
                        "reconsent:" + event.comment());
            case CANCELLED, RECONSENTED -> {
                // The consumer took these steps itself; the provider sees them on /access.
            }
        }
    }

    private void provider(AccessEvent event, NotificationKind kind, String message, String step) {
        tell(event.providerTeam(), event, kind, message, step);
    }

    private void consumer(AccessEvent event, NotificationKind kind, String message, String step) {
        tell(event.consumerTeam(), event, kind, message, step);
    }

    private void tell(String team, AccessEvent event, NotificationKind kind, String message, String step) {
        store.add(
                team,
                kind,
                event.productId(),
                message,
                "access?request=" + event.agreementId(),
                clock.instant(),
                "access:" + event.agreementId() + ":" + step);
    }

    private static String consumer(AccessEvent event) {
        return event.consumerProduct() == null
                ? event.consumerTeam()
                : event.consumerTeam() + " (" + event.consumerProduct() + ")";
    }

    private static String comment(@Nullable String comment) {
        return comment == null || comment.isBlank() ? "" : ": “" + comment.strip() + "”";
    }
}

package io.meshport.notification;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.ContractChanged;
import io.meshport.catalog.ProductStatus;
import io.meshport.catalog.ProductStatusChanged;
import io.meshport.lineage.LineageReadModel;
import io.meshport.review.ReviewDue;
import io.meshport.sla.SlaBreached;
import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other features' events into team notifications. Listening (rather than being called)
 * keeps catalog, lineage, sla and review unaware of notifications. Each runs after the event's
 * transaction committed, so a refused write tells no one, on a thread of its own with no caller
 * (it reads what it needs as the system), and writes in a transaction of its own. The events wait
 * in Spring Modulith's publication registry until a listener has finished, so one that fails is
 * retried ({@code io.meshport.system.EventRetry}); the dedup keys make a retry store nothing twice.
 */
@Component
class NotificationListeners {

    private final NotificationStore store;
    private final CatalogReadModel catalog;
    private final LineageReadModel lineage;
    private final Clock clock;

    NotificationListeners(NotificationStore store, CatalogReadModel catalog, LineageReadModel lineage, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.lineage = lineage;
        this.clock = clock;
    }

    @ApplicationModuleListener
    public void on(ProductStatusChanged event) {
        if (event.to() != ProductStatus.DEPRECATED && event.to() != ProductStatus.RETIRED) {
            return;
        }
        // Read as the system, not as the writer: this runs on its own thread, perhaps much later.
        Collection<CatalogReadModel.Product> downstream = catalog.products(lineage.outOf(event.productId()).stream()
                        .map(LineageReadModel.Link::downstreamId)
                        .toList())
                .values();
        String status = event.to().name().toLowerCase(Locale.ROOT);
        String successor = event.successor() == null ? "" : " (successor: " + event.successor() + ")";
        for (CatalogReadModel.Product node : downstream) {
            store.add(
                    node.ownerTeam(),
                    NotificationKind.UPSTREAM_DEPRECATED,
                    node.id(),
                    event.productName() + ", which " + node.name() + " reads, is now " + status + successor,
                    "products/" + node.id(),
                    clock.instant(),
                    // One per downstream product and status reached: a re-delivered event or a
                    // republish with the same status stores nothing new.
                    "status:" + event.productId() + ":" + event.to() + ":" + node.id());
        }
    }

    @ApplicationModuleListener
    public void on(SlaBreached event) {
        // Possibly sent by a scheduled check without a caller, so not through CatalogService.
        CatalogReadModel.Product product = catalog.product(event.productId()).orElse(null);
        if (product == null) {
            return;
        }
        store.add(
                product.ownerTeam(),
                NotificationKind.SLA_BREACHED,
                event.productId(),
                "SLA of " + product.name() + " breached on " + event.outputPort() + ": " + event.objective() + " ("
                        + event.detail() + ")",
                "products/" + event.productId(),
                clock.instant(),
                "sla:" + event.productId() + ":" + event.outputPort() + ":" + event.objective() + ":" + event.at());
    }

    @ApplicationModuleListener
    public void on(ReviewDue event) {
        String message = event.overdue()
                ? "Review of " + event.productName() + " is overdue since " + event.due()
                : "Review of " + event.productName() + " is due on " + event.due();
        store.add(
                event.ownerTeam(),
                NotificationKind.REVIEW_DUE,
                event.productId(),
                message,
                "products/" + event.productId(),
                clock.instant(),
                // Overdue is told apart from due soon: both are worth one notification each.
                "review:" + event.productId() + ":" + event.due() + ":" + (event.overdue() ? "overdue" : "due"));
    }

    @ApplicationModuleListener
    public void on(ContractChanged event) {
        String contract = event.contractName() == null
                ? event.contractId()
                : event.contractName() + " (" + event.contractId() + ")";
        for (ContractChanged.Consumer consumer : event.consumers()) {
            store.add(
                    consumer.team(),
                    NotificationKind.CONTRACT_CHANGED,
                    consumer.productId(),
                    "Contract " + contract + ", which " + consumer.productName() + " reads, was changed by "
                            + event.changedBy() + " (team " + event.ownerTeam() + ")",
                    "products/" + consumer.productId(),
                    clock.instant(),
                    // One per consumer and revision: a re-delivered event stores nothing new.
                    "contract:" + event.contractId() + ":" + event.revision() + ":" + consumer.productId());
        }
    }
}

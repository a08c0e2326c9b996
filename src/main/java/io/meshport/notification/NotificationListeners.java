package io.meshport.notification;

import io.meshport.catalog.ContractChanged;
import io.meshport.catalog.ProductStatus;
import io.meshport.catalog.ProductStatusChanged;
import io.meshport.lineage.Direction;
import io.meshport.lineage.LineageGraph;
import io.meshport.lineage.LineageService;
import io.meshport.review.ReviewDue;
import io.meshport.sla.SlaBreached;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns other features' events into team notifications. Listening (rather than being called)
 * keeps catalog, lineage, sla and review unaware of notifications. Each runs after the event's
 * transaction committed, so a refused write tells no one, and writes in a transaction of its own.
 */
@Component
class NotificationListeners {

    private static final Logger log = LoggerFactory.getLogger(NotificationListeners.class);

    private final NotificationStore store;
    private final LineageService lineage;
    private final Clock clock;

    NotificationListeners(NotificationStore store, LineageService lineage, Clock clock) {
        this.store = store;
        this.lineage = lineage;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ProductStatusChanged event) {
        if (event.to() != ProductStatus.DEPRECATED && event.to() != ProductStatus.RETIRED) {
            return;
        }
        List<LineageGraph.Node> downstream;
        try {
            downstream = lineage.lineage(event.productId(), Direction.DOWNSTREAM, 1).nodes().stream()
                    .filter(node -> node.depth() == 1)
                    .toList();
        } catch (AuthenticationException e) {
            // Lineage asks for a signed-in caller; the writer is one, but a status change made by
            // some future unattended job would not be. Better no notification than a failed write.
            log.warn("No notifications for the status change of {}: no caller to read lineage as", event.productId());
            return;
        }
        String status = event.to().name().toLowerCase(Locale.ROOT);
        String successor = event.successor() == null ? "" : " (successor: " + event.successor() + ")";
        for (LineageGraph.Node node : downstream) {
            store.add(
                    node.team(),
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

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(SlaBreached event) {
        // Possibly sent by a scheduled check without a caller, so not through CatalogService.
        NotificationStore.Owned product = store.product(event.productId()).orElse(null);
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

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
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

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
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

package io.meshport.notification;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.ContractVersionPublished;
import io.meshport.catalog.ProductStatus;
import io.meshport.catalog.ProductStatusChanged;
import io.meshport.lineage.LineageReadModel;
import io.meshport.review.ReviewDue;
import io.meshport.sla.SlaBreached;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
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

    /** How many of a contract version's changes a notification lists. */
    static final int MAX_CHANGE_LINES = 10;

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

    /**
     * Tells each team that reads the contract (through its products' input ports or an approved
     * agreement) once per publish, with the changes; a breaking version says so.
     */
    @ApplicationModuleListener
    public void on(ContractVersionPublished event) {
        String contract = event.contractName() == null
                ? event.contractId()
                : event.contractName() + " (" + event.contractId() + ")";
        for (String team : event.consumerTeams()) {
            List<ContractVersionPublished.Consumer> reads = event.consumers().stream()
                    .filter(consumer -> consumer.team().equals(team))
                    .toList();
            List<String> readers = reads.stream()
                    .map(consumer -> consumer.productName() != null ? consumer.productName() : consumer.productId())
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .toList();
            String subject = reads.stream()
                    .map(ContractVersionPublished.Consumer::productId)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(event.contractId());
            String which = readers.isEmpty()
                    ? ", which team " + team + " reads,"
                    : ", which " + String.join(", ", readers) + (readers.size() == 1 ? " reads," : " read,");
            String what = event.version().equals(event.previousVersion())
                    ? "Version " + event.version() + " of contract " + contract + which + " was revised"
                    : (event.breaking() ? "Breaking version " : "Version ") + event.version() + " of contract "
                            + contract + which + " was published";
            store.add(
                    team,
                    NotificationKind.CONTRACT_CHANGED,
                    subject,
                    what + " by " + event.publishedBy() + " (team " + event.ownerTeam() + ")"
                            + (event.breaking() && event.version().equals(event.previousVersion())
                                    ? ", with breaking changes"
                                    : "")
                            + changes(event.changes()),
                    "contracts/" + event.contractId(),
                    clock.instant(),
                    // One per consumer team and revision: a re-delivered event stores nothing new.
                    "contract:" + event.contractId() + ":" + event.revision() + ":" + team);
        }
    }

    /** The diff's lines, the first few of them: the contract page shows them all. */
    private static String changes(List<String> lines) {
        if (lines.isEmpty()) {
            return ".";
        }
        int shown = Math.min(lines.size(), MAX_CHANGE_LINES);
        return ": " + String.join("; ", lines.subList(0, shown))
                + (lines.size() > shown ? "; and " + (lines.size() - shown) + " more changes." : ".");
    }
}

package io.meshport.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Measures the products that runs changed once per transaction, just before it commits, instead
 * of once per run event: a batch of a hundred runs of one product measures it once, as it stands
 * after all of them. Still inside the transaction, so a failure rolls the ingest back and the
 * breaches published ({@link SlaBreached}) reach their listeners only after the commit, as before.
 * The products wait in the transaction's own synchronizations, so nothing outlives it.
 */
@Component
class ReevaluationAtCommit {

    private final SlaEvaluator evaluator;
    private final Clock clock;

    ReevaluationAtCommit(SlaEvaluator evaluator, Clock clock) {
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /**
     * The product is measured again before this transaction commits (at once without one). The
     * caller holds the product's lock ({@link SlaStore#lock}), which lasts until the transaction ends.
     */
    void request(String productId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            evaluator.reevaluateLocked(productId, clock.instant());
            return;
        }
        pending().products.add(productId);
    }

    private Pending pending() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending pending && pending.owner() == this) {
                return pending;
            }
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /** The products of one transaction that wait to be measured, in id order (the locks' order). */
    private final class Pending implements TransactionSynchronization {

        private final SortedSet<String> products = new TreeSet<>();

        ReevaluationAtCommit owner() {
            return ReevaluationAtCommit.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            Instant now = clock.instant();
            while (!products.isEmpty()) {
                List<String> due = new ArrayList<>(products);
                products.clear();
                due.forEach(productId -> evaluator.reevaluateLocked(productId, now));
            }
        }
    }
}

package io.meshport.events;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the events a transaction announces and stores them as the last thing before it commits,
 * under the feed's append lock: in the transaction, so a rolled-back change leaves no event and a
 * committed one always has its events; at the end, so positions follow commit order and the lock
 * is held only for the inserts and the commit itself (decision 0023).
 */
@Component
class FeedRecorder {

    private final FeedStore store;
    private final EntityManagerFactory entityManagerFactory;

    @PersistenceContext
    private EntityManager entityManager;

    FeedRecorder(FeedStore store, EntityManagerFactory entityManagerFactory) {
        this.store = store;
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Stores the event with the current transaction; there must be one. */
    void record(PendingEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("A platform event (" + event.type()
                    + ") must be announced inside the transaction of the change it describes");
        }
        batch().add(event);
    }

    /**
     * This transaction's batch. Synchronizations, unlike resources bound by key, are suspended
     * with their transaction, so an inner {@code REQUIRES_NEW} transaction gets a batch of its own.
     */
    private Batch batch() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Batch batch) {
                return batch;
            }
        }
        Batch batch = new Batch();
        TransactionSynchronizationManager.registerSynchronization(batch);
        return batch;
    }

    private final class Batch implements TransactionSynchronization {

        private final List<PendingEvent> events = new ArrayList<>();
        private boolean stored;

        void add(PendingEvent event) {
            if (stored) {
                // Announced by another synchronization after ours ran: the lock is already held.
                store.append(List.of(event));
            } else {
                events.add(event);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // Every row lock this transaction needs is taken before the append lock, so a
            // transaction holding the append lock never waits for one held by a transaction that
            // waits for the append lock.
            flushEntities();
            store.lockForAppend();
            store.append(events);
            stored = true;
        }

        /**
         * Flushed here rather than by the commit, the flush's failures would skip the translation the
         * commit gives them: translated the same way, a concurrent write is still a 409, not a 500.
         */
        private void flushEntities() {
            if (!entityManager.isJoinedToTransaction()) {
                return;
            }
            try {
                entityManager.flush();
            } catch (RuntimeException e) {
                DataAccessException translated =
                        entityManagerFactory instanceof EntityManagerFactoryInfo info && info.getJpaDialect() != null
                                ? info.getJpaDialect().translateExceptionIfPossible(e)
                                : EntityManagerFactoryUtils.convertJpaAccessExceptionIfPossible(e);
                throw translated != null ? translated : e;
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}

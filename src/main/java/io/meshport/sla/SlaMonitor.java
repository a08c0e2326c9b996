package io.meshport.sla;

import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Freshness is breached by time passing, when no observation arrives to show it: every
 * {@code meshport.sla.check-interval} (default five minutes) the products whose status time may
 * have changed by now are measured again, each in its own transaction, so a breach is announced
 * without anyone looking. Each measurement notes when the product's status may next change
 * ({@code sla_check}), so a check reads only the products due, and those whose product or
 * contracts changed since the previous check; the first check after start reads all measured ones.
 * With several nodes one of them runs each round ({@code sla-check} lock, decision 0016); a node
 * that skipped rounds looks for changes since its own previous check, which is only more work.
 */
@Component
class SlaMonitor {

    private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

    private final SlaStore store;
    private final SlaEvaluator evaluator;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private @Nullable Instant previousCheck;

    SlaMonitor(SlaStore store, SlaEvaluator evaluator, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.evaluator = evaluator;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${meshport.sla.check-interval:PT5M}",
            initialDelayString = "${meshport.sla.check-interval:PT5M}")
    @SchedulerLock(name = "sla-check", lockAtLeastFor = "${meshport.sla.check-interval:PT5M}", lockAtMostFor = "PT1H")
    void runScheduled() {
        checkAll();
    }

    void checkAll() {
        check(clock.instant());
    }

    /** One round of the check as of {@code now}; answers how many products it measured. */
    synchronized int check(Instant now) {
        // Changes are looked for from a little before the previous round, as a write that committed
        // just after it may carry an earlier time.
        Instant since = previousCheck == null ? null : previousCheck.minusSeconds(60);
        previousCheck = now;
        int measured = 0;
        for (String productId : store.productsToCheck(now, since)) {
            try {
                transactions.executeWithoutResult(status -> evaluator.reevaluate(productId, now));
                measured++;
            } catch (RuntimeException e) {
                // One product's failure (deleted meanwhile, say) must not stop the others' checks.
                log.warn("SLA check of {} failed: {}", productId, e.toString());
            }
        }
        return measured;
    }
}

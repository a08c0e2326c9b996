package io.meshport.sla;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Freshness is breached by time passing, when no observation arrives to show it: every
 * {@code meshport.sla.check-interval} (default five minutes) the products with recent
 * observations or a remembered status are measured again, each in its own transaction, so a
 * breach is announced without anyone looking. Statuses that age out of the window turn to NO_DATA.
 */
@Component
@EnableScheduling
class SlaMonitor {

    private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

    private final SlaStore store;
    private final SlaEvaluator evaluator;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SlaMonitor(SlaStore store, SlaEvaluator evaluator, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.evaluator = evaluator;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${meshport.sla.check-interval:PT5M}",
            initialDelayString = "${meshport.sla.check-interval:PT5M}")
    void checkAll() {
        Instant now = clock.instant();
        for (String productId : store.productsToCheck(now.minus(Compliance.MONTH))) {
            try {
                transactions.executeWithoutResult(status -> evaluator.reevaluate(productId, now));
            } catch (RuntimeException e) {
                // One product's failure (deleted meanwhile, say) must not stop the others' checks.
                log.warn("SLA check of {} failed: {}", productId, e.toString());
            }
        }
    }
}

package io.meshport.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Observations are kept for {@code meshport.sla.retention} (default 400 days: a year and a bit,
 * for year-on-year looks) and deleted after, every {@code meshport.sla.retention-interval}, in
 * batches so that no statement holds many rows locked. Compliance reads the last 30 days, so a
 * shorter retention is refused at start. One node deletes per round ({@code sla-retention} lock).
 */
@Component
class SlaRetention {

    private static final Logger log = LoggerFactory.getLogger(SlaRetention.class);

    static final int BATCH = 10_000;

    private final SlaStore store;
    private final Clock clock;
    private final Duration retention;

    SlaRetention(SlaStore store, Clock clock, @Value("${meshport.sla.retention:P400D}") Duration retention) {
        if (retention.compareTo(Compliance.MONTH) < 0) {
            throw new IllegalArgumentException("meshport.sla.retention must be at least " + Compliance.MONTH.toDays()
                    + " days (P30D), as compliance is measured over the last 30 days; it is " + retention + ".");
        }
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(
            initialDelayString = "${meshport.sla.retention-delay:PT10M}",
            fixedDelayString = "${meshport.sla.retention-interval:PT6H}")
    @SchedulerLock(
            name = "sla-retention",
            lockAtLeastFor = "${meshport.sla.retention-interval:PT6H}",
            lockAtMostFor = "P1D")
    void runScheduled() {
        deleteExpired();
    }

    void deleteExpired() {
        deleteBefore(clock.instant().minus(retention));
    }

    /** Deletes every observation and pipeline run made before {@code cutoff}; answers how many. */
    long deleteBefore(Instant cutoff) {
        long deleted = 0;
        int batch;
        do {
            batch = store.deleteObservationsBefore(cutoff, BATCH);
            deleted += batch;
        } while (batch == BATCH);
        do {
            batch = store.deleteRunsBefore(cutoff, BATCH);
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            log.info("Deleted {} SLA observations and pipeline runs made before {}", deleted, cutoff);
        }
        return deleted;
    }

    Duration retention() {
        return retention;
    }
}

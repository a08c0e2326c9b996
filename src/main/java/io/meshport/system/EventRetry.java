package io.meshport.system;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Events between modules are kept in Spring Modulith's publication registry (V0009) until their
 * listener has finished; listeners run asynchronously after the writing transaction commits.
 * Every {@code meshport.events.retry-interval} the publications whose listener failed, and that
 * are at least {@code meshport.events.retry-after} old, are submitted again, by one node at a time
 * ({@code event-retry} lock).
 *
 * <p>Only failed ones: a publication still being handled, perhaps by another node, is never
 * taken from it (decision 0016). One whose node stopped or died while handling it is marked
 * failed once it is {@code spring.modulith.events.staleness.*} old, and retried in the next round;
 * for the same reason nothing is resubmitted at start.
 */
@Component
class EventRetry {

    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

    private final FailedEventPublications failed;
    private final Duration retryAfter;

    EventRetry(FailedEventPublications failed, @Value("${meshport.events.retry-after:PT1M}") Duration retryAfter) {
        this.failed = failed;
        this.retryAfter = retryAfter;
    }

    @Scheduled(
            initialDelayString = "${meshport.events.retry-interval:PT1M}",
            fixedDelayString = "${meshport.events.retry-interval:PT1M}")
    @SchedulerLock(
            name = "event-retry",
            lockAtLeastFor = "${meshport.events.retry-interval:PT1M}",
            lockAtMostFor = "PT10M")
    void runScheduled() {
        resubmitOlderThan(retryAfter);
    }

    void resubmitOlderThan(Duration age) {
        try {
            failed.resubmit(ResubmissionOptions.defaults().withMinAge(age));
        } catch (RuntimeException e) {
            // The next round tries again; a database away for a moment must not stop the schedule.
            log.warn("Resubmitting failed event publications failed: {}", e.toString());
        }
    }
}

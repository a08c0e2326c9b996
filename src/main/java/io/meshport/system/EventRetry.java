package io.meshport.system;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Events between modules are kept in Spring Modulith's publication registry (V0009) until their
 * listener has finished; listeners run asynchronously after the writing transaction commits. Every {@code meshport.events.retry-interval} the
 * publications still incomplete after {@code meshport.events.retry-after} (a listener failed, or
 * the node stopped meanwhile) are submitted again; on restart every incomplete one is.
 */
@Component
@EnableAsync
class EventRetry {

    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

    private final IncompleteEventPublications incomplete;
    private final Duration retryAfter;

    EventRetry(
            IncompleteEventPublications incomplete, @Value("${meshport.events.retry-after:PT1M}") Duration retryAfter) {
        this.incomplete = incomplete;
        this.retryAfter = retryAfter;
    }

    @Scheduled(
            initialDelayString = "${meshport.events.retry-interval:PT1M}",
            fixedDelayString = "${meshport.events.retry-interval:PT1M}")
    void retry() {
        resubmitOlderThan(retryAfter);
    }

    void resubmitOlderThan(Duration age) {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(age);
        } catch (RuntimeException e) {
            // The next round tries again; a database away for a moment must not stop the schedule.
            log.warn("Resubmitting incomplete event publications failed: {}", e.toString());
        }
    }
}

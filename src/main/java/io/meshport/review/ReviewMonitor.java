package io.meshport.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the owners of active products whose review is due soon or overdue ({@link ReviewDue}),
 * every {@code meshport.review.check-interval}. Receivers keep one notice per product and due
 * date, so a check repeated tells no one twice. One node checks per round ({@code review-check} lock).
 */
@Component
class ReviewMonitor {

    private final ReviewStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration interval;
    private final Duration soon;

    ReviewMonitor(
            ReviewStore store,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${meshport.review.interval:P90D}") Duration interval,
            @Value("${meshport.review.due-soon:P14D}") Duration soon) {
        this.store = store;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.interval = interval;
        this.soon = soon;
    }

    @Scheduled(
            initialDelayString = "${meshport.review.check-delay:PT1M}",
            fixedDelayString = "${meshport.review.check-interval:PT1H}")
    @SchedulerLock(
            name = "review-check",
            lockAtLeastFor = "${meshport.review.check-interval:PT1H}",
            lockAtMostFor = "P1D")
    void runScheduled() {
        check();
    }

    void check() {
        Instant now = clock.instant();
        // In a transaction, so that listeners acting after commit hear the events.
        transactions.executeWithoutResult(status -> {
            for (ReviewStore.Schedule schedule : store.activeSchedules()) {
                ReviewState state = schedule.state(interval, now);
                if (state.dueWithin(soon, now) && state.due() != null) {
                    events.publishEvent(new ReviewDue(
                            schedule.productId(), schedule.name(), schedule.ownerTeam(), state.due(), state.overdue()));
                }
            }
        });
    }
}

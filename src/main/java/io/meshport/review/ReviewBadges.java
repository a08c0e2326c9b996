package io.meshport.review;

import io.meshport.catalog.ProductBadges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Marks products whose review is overdue wherever the catalog lists products (Explore). My
 * products leaves this mark out: its Review column says the same, with the day it fell due.
 */
@Component
public class ReviewBadges implements ProductBadges {

    static final String OVERDUE = "Review overdue";

    private final ReviewStore store;
    private final Clock clock;
    private final Duration interval;

    ReviewBadges(ReviewStore store, Clock clock, @Value("${meshport.review.interval:P90D}") Duration interval) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public Map<String, List<String>> badges(Collection<String> productIds) {
        Instant now = clock.instant();
        Map<String, List<String>> badges = new HashMap<>();
        store.schedules(productIds).values().forEach(schedule -> {
            ReviewState state = schedule.state(interval, now);
            if (state.overdue()) {
                badges.put(schedule.productId(), List.of(OVERDUE));
            }
        });
        return badges;
    }
}

package io.meshport.review;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where many products stand in their review cycle, for the platform's own checks (governance's
 * policies and trust score), which run with no caller. A review's due date is shown to every
 * signed-in user on My products and the product page, so nothing here needs a caller.
 */
@Component
@Transactional(readOnly = true)
public class ReviewStates {

    private final ReviewStore store;
    private final Clock clock;
    private final Duration interval;

    ReviewStates(ReviewStore store, Clock clock, @Value("${meshport.review.interval:P90D}") Duration interval) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
    }

    /** The review state of each of the products that exist, by id. */
    public Map<String, ReviewState> of(Collection<String> productIds) {
        Map<String, ReviewState> states = new LinkedHashMap<>();
        store.overview(productIds)
                .schedules()
                .forEach((id, schedule) -> states.put(id, schedule.state(interval, clock.instant())));
        return states;
    }
}

package io.meshport.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a review falls due, on calendar days in UTC. */
class ReviewStateTest {

    static final Duration NINETY_DAYS = Duration.ofDays(90);
    static final Instant CREATED = Instant.parse("2026-01-10T15:00:00Z");

    @Test
    void a_product_never_reviewed_is_due_ninety_days_after_it_entered_the_catalog() {
        ReviewState state = ReviewState.of(true, CREATED, null, null, NINETY_DAYS, CREATED.plus(Duration.ofDays(3)));
        assertThat(state.due()).isEqualTo(LocalDate.parse("2026-04-10"));
        assertThat(state.overdue()).isFalse();
        assertThat(state.lastReviewedAt()).isNull();
    }

    @Test
    void a_sign_off_moves_the_due_date_to_ninety_days_after_it() {
        Instant signedOff = Instant.parse("2026-03-01T09:00:00Z");
        ReviewState state = ReviewState.of(true, CREATED, signedOff, "Alice", NINETY_DAYS, signedOff);
        assertThat(state.due()).isEqualTo(LocalDate.parse("2026-05-30"));
        assertThat(state.lastReviewedBy()).isEqualTo("Alice");
    }

    @Test
    void it_is_overdue_from_the_day_after_the_due_day() {
        Instant dueDay = Instant.parse("2026-04-10T23:59:00Z");
        Instant dayAfter = Instant.parse("2026-04-11T00:00:00Z");
        assertThat(ReviewState.of(true, CREATED, null, null, NINETY_DAYS, dueDay)
                        .overdue())
                .isFalse();
        assertThat(ReviewState.of(true, CREATED, null, null, NINETY_DAYS, dayAfter)
                        .overdue())
                .isTrue();
    }

    @Test
    void only_active_products_fall_due() {
        ReviewState state = ReviewState.of(false, CREATED, null, null, NINETY_DAYS, CREATED.plus(Duration.ofDays(400)));
        assertThat(state.due()).isNull();
        assertThat(state.overdue()).isFalse();
        assertThat(state.dueWithin(Duration.ofDays(14), CREATED)).isFalse();
    }

    @Test
    void due_soon_means_within_the_notice_period_or_already_overdue() {
        Duration notice = Duration.ofDays(14);
        ReviewState state = ReviewState.of(true, CREATED, null, null, NINETY_DAYS, CREATED);
        assertThat(state.dueWithin(notice, Instant.parse("2026-03-26T12:00:00Z")))
                .isFalse();
        assertThat(state.dueWithin(notice, Instant.parse("2026-03-27T12:00:00Z")))
                .isTrue();
        assertThat(state.dueWithin(notice, Instant.parse("2026-06-01T12:00:00Z")))
                .isTrue();
    }

    @Test
    void the_interval_is_configurable() {
        ReviewState state = ReviewState.of(true, CREATED, null, null, Duration.ofDays(30), CREATED);
        assertThat(state.due()).isEqualTo(LocalDate.parse("2026-02-09"));
    }
}

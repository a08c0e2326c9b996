package io.meshport.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Where a product stands in its review cycle. Only active products are reviewed: the next review
 * is due a fixed interval after the last sign-off, or, for a product never reviewed, after it
 * entered the catalog. Dates are calendar days in UTC.
 *
 * @param due null for a product that is not active
 * @param overdue the due day has passed
 */
public record ReviewState(
        @Nullable Instant lastReviewedAt,
        @Nullable String lastReviewedBy,
        @Nullable LocalDate due,
        boolean overdue) {

    static ReviewState of(
            boolean active,
            Instant createdAt,
            @Nullable Instant lastReviewedAt,
            @Nullable String lastReviewedBy,
            Duration interval,
            Instant now) {
        if (!active) {
            return new ReviewState(lastReviewedAt, lastReviewedBy, null, false);
        }
        Instant from = lastReviewedAt != null ? lastReviewedAt : createdAt;
        LocalDate due = LocalDate.ofInstant(from.plus(interval), ZoneOffset.UTC);
        boolean overdue = LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(due);
        return new ReviewState(lastReviewedAt, lastReviewedBy, due, overdue);
    }

    /** Due within the given number of days from today (or overdue). */
    boolean dueWithin(Duration soon, Instant now) {
        return due != null
                && !LocalDate.ofInstant(now.plus(soon), ZoneOffset.UTC).isBefore(due);
    }
}

package io.meshport.openlineage;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long raw OpenLineage events are kept: {@code meshport.openlineage.retention}
 * ({@code MESHPORT_OPENLINEAGE_RETENTION}), an ISO-8601 duration, default {@code P90D}. Events
 * whose eventTime is older are deleted ({@link OpenLineageRetention}) and, when posted, accepted
 * but not stored (docs/decisions/0034-openlineage-retention.md). A value that is not a duration,
 * or shorter than a day, stops the start with a sentence naming the setting: a typo such as
 * {@code PT90S} would otherwise delete nearly everything within the hour.
 */
@Component
class EventRetention {

    static final String PROPERTY = "meshport.openlineage.retention";
    static final Duration SHORTEST = Duration.ofDays(1);

    private final Duration period;

    EventRetention(@Value("${" + PROPERTY + ":P90D}") String configured) {
        this.period = parse(configured);
    }

    static Duration parse(String configured) {
        String value = configured.strip();
        Duration period;
        try {
            period = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PROPERTY + " (MESHPORT_OPENLINEAGE_RETENTION) must be an ISO-8601"
                    + " duration such as P90D (90 days) or P365D, not '" + shown(value) + "'.");
        }
        if (period.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException(PROPERTY + " (MESHPORT_OPENLINEAGE_RETENTION) must be at least one"
                    + " day (P1D), as raw events older than it are deleted; it is " + value + ".");
        }
        return period;
    }

    /** How long events are kept. */
    Duration period() {
        return period;
    }

    /** Events whose eventTime is before this, at {@code now}, are outside the window. */
    Instant cutoff(Instant now) {
        return now.minus(period);
    }

    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}

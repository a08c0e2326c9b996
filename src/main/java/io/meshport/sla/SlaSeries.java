package io.meshport.sla;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an objective's chart plots over the 30-day window, with the objective as a line to compare
 * against: hours between updates for freshness, the daily share of successful probes or passed
 * checks for availability and quality.
 */
public record SlaSeries(
        String valueLabel, List<Point> points, @Nullable Double objective) {

    /** One point: when, and the value measured then. */
    public record Point(Instant at, double value) {}
}

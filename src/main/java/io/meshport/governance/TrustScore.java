package io.meshport.governance;

import java.time.Instant;
import java.util.List;

/**
 * How far a product can be trusted, 0 to 100, and why: the sum of its points, each explained.
 *
 * @param points one line per part of the score, in a fixed order
 */
public record TrustScore(int score, List<Point> points, Instant evaluatedAt) {

    /**
     * One part of the score.
     *
     * @param component {@code policies}, {@code sla}, {@code review}, {@code documentation} or
     *     {@code agreements}
     * @param earned the points this part gives, at most {@code max}
     * @param reason why, in words an owner can act on
     */
    public record Point(String component, int earned, int max, String reason) {}
}

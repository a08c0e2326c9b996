package io.meshport.governance;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A policy's effect on today's catalog, computed without storing anything: what enabling it (or
 * making it stricter) would produce. Exemptions already granted for the policy count.
 *
 * @param evaluated products in scope
 * @param errors violations because the rule could not decide (a missing field, the budget)
 * @param byTeam per owning team, the teams with violations first
 * @param violations the violating products, by team and id, at most {@link #MAX_LISTED}
 * @param truncated more violations than listed
 */
public record DryRun(
        long evaluated,
        long passing,
        long violating,
        long exempt,
        long errors,
        List<TeamCount> byTeam,
        List<Finding> violations,
        boolean truncated) {

    public static final int MAX_LISTED = 500;

    public record TeamCount(String team, long evaluated, long violating) {}

    public record Finding(
            String productId,
            String productName,
            String team,
            @Nullable String domain,
            String message) {}
}

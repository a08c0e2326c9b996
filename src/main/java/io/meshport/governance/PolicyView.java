package io.meshport.governance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A policy as lists and the API show it, with how the catalog keeps it today.
 *
 * @param revision what a change must name to be sure it replaces what its author saw
 * @param inScope products the policy is evaluated for (0 while disabled)
 * @param exempt products that pass only by an exemption
 */
public record PolicyView(
        String id,
        PolicyDefinition definition,
        boolean builtIn,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy,
        @Nullable Instant retiredAt,
        long inScope,
        long passing,
        long failing,
        long exempt) {

    /** Share of products in scope that keep the policy, 0..1; 1 when none is in scope. */
    public double passRate() {
        return inScope == 0 ? 1.0 : (double) passing / inScope;
    }
}

package io.meshport.governance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A product excused from a policy until {@code expiresAt}: from then on its result is a violation
 * again, if the rule still fails.
 *
 * @param productName null when the product is gone
 * @param grantedBy the name of the governance member who granted it
 */
public record ExemptionView(
        String policyId,
        String productId,
        @Nullable String productName,
        String reason,
        String grantedBy,
        Instant grantedAt,
        Instant expiresAt) {}

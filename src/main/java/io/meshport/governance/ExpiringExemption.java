package io.meshport.governance;

import java.time.Instant;

/**
 * An open exemption that runs out soon: after {@code expiresAt} the product violates the policy
 * again, unless it keeps it by then or the exemption is extended.
 *
 * @param productName the product's name, or its id when the catalog no longer has it
 * @param team the product's owning team, empty when the catalog no longer has it
 */
public record ExpiringExemption(
        long id,
        String policyId,
        String policyTitle,
        String productId,
        String productName,
        String team,
        String reason,
        String grantedBy,
        Instant grantedAt,
        Instant expiresAt) {}

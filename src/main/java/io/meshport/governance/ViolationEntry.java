package io.meshport.governance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A product that violates an enabled policy now, as the governance overview lists it.
 *
 * @param productName the product's name, or its id when the catalog no longer has it
 * @param team the product's owning team, empty when the catalog no longer has it
 * @param since since when the product violates the policy
 */
public record ViolationEntry(
        String policyId,
        String policyTitle,
        Severity severity,
        PolicyMode mode,
        String productId,
        String productName,
        String team,
        @Nullable String domain,
        @Nullable String message,
        Instant since) {}

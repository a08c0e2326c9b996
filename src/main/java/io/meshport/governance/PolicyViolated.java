package io.meshport.governance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A product newly breaks a policy (it kept it, or was not evaluated yet, or its exemption
 * expired): the owning team is told. Published in the transaction that stored the result.
 *
 * @param at when the result turned to violated: with the policy and product, it names this
 *     violation apart from an earlier one of the same pair (a notice per new violation)
 */
public record PolicyViolated(
        String policyId,
        String policyTitle,
        Severity severity,
        PolicyMode mode,
        String productId,
        String productName,
        String ownerTeam,
        @Nullable String message,
        Instant at) {}

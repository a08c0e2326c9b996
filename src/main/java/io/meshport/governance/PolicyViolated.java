package io.meshport.governance;

import org.jspecify.annotations.Nullable;

/**
 * A product newly breaks a policy (it kept it, or was not evaluated yet, or its exemption
 * expired): the owning team is told. Published in the transaction that stored the result.
 */
public record PolicyViolated(
        String policyId,
        String policyTitle,
        Severity severity,
        PolicyMode mode,
        String productId,
        String productName,
        String ownerTeam,
        @Nullable String message) {}

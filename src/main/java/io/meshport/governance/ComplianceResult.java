package io.meshport.governance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One policy's result for one product.
 *
 * @param exemptUntil set when the product passes only because an exemption covers it, until then
 * @param message what is wrong (also kept while exempt); null when the product keeps the policy
 * @param since when the result became what it is
 */
public record ComplianceResult(
        String policyId,
        String title,
        Severity severity,
        PolicyMode mode,
        EnforceOn enforceOn,
        @Nullable String path,
        boolean passed,
        @Nullable String message,
        @Nullable Instant exemptUntil,
        @Nullable String exemptionReason,
        Instant since,
        Instant evaluatedAt) {}

package io.meshport.governance.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.meshport.governance.ComplianceResult;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One policy's result for one product: the spec's {@code policy, passed, message, exemptUntil}, and more. */
@Schema(name = "ComplianceResult")
record ComplianceResponse(
        @Schema(description = "the policy's id") String policy,

        @Schema(description = "whether the product keeps the policy (or an exemption excuses it)")
        boolean passed,

        @Schema(description = "what is wrong; null when the product keeps the policy (kept while exempt)") @Nullable
        String message,

        @Schema(description = "present while an exemption excuses a violation: until when")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        Instant exemptUntil,

        String title,

        @Schema(allowableValues = {"low", "medium", "high", "critical"})
        String severity,

        @Schema(allowableValues = {"advisory", "enforced"}) String mode,

        @Schema(allowableValues = {"publish", "activation"}) String enforceOn,

        @Schema(description = "the JSON Pointer into the product's document a violation points at") @Nullable
        String path,

        @Schema(description = "when the result became what it is")
        Instant since,

        Instant evaluatedAt,

        @Schema(description = "present while exempt: why the exemption was granted")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        String exemptionReason) {

    static ComplianceResponse of(ComplianceResult result) {
        return new ComplianceResponse(
                result.policyId(),
                result.passed(),
                result.message(),
                result.exemptUntil(),
                result.title(),
                result.severity().value(),
                result.mode().value(),
                result.enforceOn().value(),
                result.path(),
                result.since(),
                result.evaluatedAt(),
                result.exemptionReason());
    }
}

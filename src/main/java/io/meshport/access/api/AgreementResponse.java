package io.meshport.access.api;

import io.meshport.access.Agreement;
import io.meshport.access.AgreementStep;
import io.meshport.access.Provisioning;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An agreement as the API shows it: {@link Agreement}'s fields, states in lower case. */
@Schema(name = "Agreement", description = "An access request and, once approved, the data usage agreement it became.")
record AgreementResponse(
        UUID id,
        String productId,
        String outputPort,
        String outputPortVersion,
        @Nullable String contractId,

        @Schema(description = "the version of the port's contract the consumer agreed to") @Nullable
        String contractVersion,

        String providerTeam,
        String consumerTeam,
        @Nullable String consumerProduct,

        @Schema(description = "why the consumer needs the data (Markdown)")
        String purpose,

        LocalDate startsOn,

        @Schema(description = "the last day of use; null for no end") @Nullable
        LocalDate endsOn,

        @Schema(allowableValues = {"requested", "approved", "rejected", "cancelled", "revoked", "expired"})
        String status,

        @Schema(
                description = "whether the access was really set up, as the providing team's pipeline reports it;"
                        + " null until approved",
                allowableValues = {"pending", "granted", "failed"})
        @Nullable
        String provisioning,

        @Nullable String provisioningMessage,
        @Nullable Instant provisioningReportedAt,
        String requestedBy,
        Instant requestedAt,

        @Schema(description = "who approved or rejected it; Meshport for an automatic approval") @Nullable
        String decidedBy,

        @Nullable Instant decidedAt,
        @Nullable String decisionComment,

        @Schema(description = "whether the port approved it by itself")
        boolean automatic,

        @Schema(
                description = "a newer, breaking contract version the consumer has not consented to yet"
                        + " (POST .../consent)")
        @Nullable
        String reconsentVersion,

        @Schema(description = "the agreement this request renews") @Nullable
        UUID renewalOf,

        @Schema(description = "the revision, also the ETag") long revision) {

    static AgreementResponse of(Agreement a) {
        return new AgreementResponse(
                a.id(),
                a.productId(),
                a.outputPort(),
                a.outputPortVersion(),
                a.contractId(),
                a.contractVersion(),
                a.providerTeam(),
                a.consumerTeam(),
                a.consumerProduct(),
                a.purpose(),
                a.startsOn(),
                a.endsOn(),
                a.status().value(),
                value(a.provisioning()),
                a.provisioningMessage(),
                a.provisioningReportedAt(),
                a.requestedBy(),
                a.requestedAt(),
                a.decidedBy(),
                a.decidedAt(),
                a.decisionComment(),
                a.automatic(),
                a.reconsentVersion(),
                a.renewalOf(),
                a.revision());
    }

    private static @Nullable String value(@Nullable Provisioning provisioning) {
        return provisioning == null ? null : provisioning.value();
    }

    /** One step of an agreement's history. */
    @Schema(name = "AgreementStep")
    record Step(
            String action,
            @Nullable String from,
            String to,
            @Nullable String provisioning,
            @Nullable String comment,
            String actor,
            Instant at) {

        static Step of(AgreementStep step) {
            return new Step(
                    step.action(),
                    step.from() == null ? null : step.from().value(),
                    step.to().value(),
                    value(step.provisioning()),
                    step.comment(),
                    step.actor(),
                    step.at());
        }
    }
}

package io.meshport.access.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the access API, for the OpenAPI document only: {@link
 * io.meshport.catalog.JsonBody} reads the bodies themselves, field by field, so that every problem
 * gets a pointer.
 */
final class AccessBodies {

    private AccessBodies() {}

    @Schema(name = "AccessRequest", description = "What a consumer asks for.")
    record NewRequest(
            @Schema(description = "the data product's id", requiredMode = Schema.RequiredMode.REQUIRED)
            String product,

            @Schema(description = "the output port's name", requiredMode = Schema.RequiredMode.REQUIRED)
            String outputPort,

            @Schema(description = "the port's version; omitted: the newest the product lists") @Nullable
            String outputPortVersion,

            @Schema(description = "why the data is needed (Markdown)", requiredMode = Schema.RequiredMode.REQUIRED)
            String purpose,

            @Schema(description = "the consumer team: one of the caller's", requiredMode = Schema.RequiredMode.REQUIRED)
            String consumerTeam,

            @Schema(description = "the consumer team's product that will read the port") @Nullable
            String consumerProduct,

            @Schema(description = "the first day of use; omitted: today", format = "date") @Nullable
            String from,

            @Schema(description = "the last day of use; omitted: no end", format = "date") @Nullable
            String until) {}

    @Schema(name = "AccessDecision")
    record DecisionBody(
            @Schema(
                    allowableValues = {"approve", "reject"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String decision,

            @Schema(description = "why; required for a rejection") @Nullable
            String comment) {}

    @Schema(name = "AccessComment")
    record CommentBody(@Nullable String comment) {}

    @Schema(name = "ProvisioningReport")
    record ProvisioningBody(
            @Schema(
                    allowableValues = {"pending", "granted", "failed"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String state,

            @Schema(description = "what the pipeline did or what went wrong") @Nullable
            String message) {}

    @Schema(name = "AccessRenewal")
    record RenewalBody(
            @Schema(description = "the new last day of use; omitted: no end", format = "date") @Nullable
            String until) {}
}

package io.meshport.sla.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One observation as the API takes it; for the OpenAPI document only (the body is read by
 * {@link ObservationsReader}, which reports every problem with a pointer).
 */
@Schema(name = "Observation", description = "One thing a pipeline observed about a data product.")
record ObservationBody(
        @Schema(
                description = "The pipeline's id for this observation, unique per product: sending it again"
                        + " changes nothing (reported under alreadyKnown); sending it with other content is 409.",
                requiredMode = Schema.RequiredMode.REQUIRED,
                maxLength = 200,
                example = "orders-load-2026-11-22T06:00Z")
        String id,

        @Schema(
                description = "The output port it concerns; omit for the whole product (counts for every port).",
                example = "sales_orders")
        @Nullable
        String outputPort,

        @Schema(
                description = "updated: the data was updated at `at`; availability: a probe ran at `at`"
                        + " (needs succeeded); quality: a check ran at `at` (needs passed).",
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"updated", "availability", "quality"})
        String kind,

        @Schema(
                description = "When it happened, RFC 3339 with an offset; at most five minutes ahead of the"
                        + " portal's clock.",
                requiredMode = Schema.RequiredMode.REQUIRED,
                format = "date-time",
                example = "2026-11-22T06:00:00Z")
        String at,

        @Schema(description = "availability only: whether the probe succeeded") @Nullable
        Boolean succeeded,

        @Schema(description = "quality only: whether the check passed") @Nullable
        Boolean passed,

        @Schema(description = "quality only: the check's name", example = "order_id is unique") @Nullable
        String check,

        @Schema(description = "free text, e.g. rows loaded or the error seen", maxLength = 2000) @Nullable
        String detail) {}

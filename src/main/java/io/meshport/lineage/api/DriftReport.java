package io.meshport.lineage.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.meshport.lineage.Drift;
import io.meshport.lineage.LineageDrift;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/data-products/{id}/lineage/drift}: a product's lineage drift, named as the
 * lineage API names things (ids of products, {@code contractId}, {@code outputPort} for a port of
 * the upstream product, {@code lastObservedAt}); absent values are left out, as on lineage edges.
 */
@Schema(description = "A data product's lineage drift (docs/decisions/0032-lineage-drift.md)")
record DriftReport(
        @Schema(description = "the product asked about") String product,

        @Schema(
                description = "how long a declared input may go unseen in runs before it drifts (ISO-8601)",
                example = "P14D")
        String driftAfter,

        @Schema(
                description = "whether runs were seen writing the product, so that it is judged at all; a"
                        + " product whose pipelines never report has no drift")
        boolean judged,

        @Schema(description = "when runs were first seen writing the product; absent when never")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        Instant observedSince,

        @Schema(description = "declared inputs unseen first, then undeclared ones, each by upstream name")
        List<Item> items) {

    static DriftReport of(LineageDrift.Report report) {
        return new DriftReport(
                report.productId(),
                iso(report.driftAfter()),
                report.judged(),
                report.observedSince(),
                report.items().stream().map(Item::of).toList());
    }

    /** P14D rather than Java's PT336H: as the setting is written. */
    static String iso(java.time.Duration duration) {
        return duration.toSeconds() % 86_400 == 0 && duration.getNano() == 0
                ? "P" + duration.toDays() + "D"
                : duration.toString();
    }

    /** One disagreement between declared and observed lineage. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            @Schema(
                    description = "declared-not-observed: a declared input no run was seen reading for"
                            + " driftAfter; observed-not-declared: runs read it, no input port declares it",
                    allowableValues = {"declared-not-observed", "observed-not-declared"})
            String kind,

            @Schema(description = "the product read, or declared as read")
            String upstream,

            @Schema(description = "its name (its id when the catalog no longer has it)")
            String upstreamName,

            @Schema(
                    description = "the declared input's contract, or the one the observed port offered when"
                            + " last seen; absent for a port that offers none")
            @Nullable
            String contractId,

            @Schema(description = "the upstream output port runs read; absent for a declared input never seen")
            @Nullable
            String outputPort,

            @Schema(description = "when runs last read it; absent when never") @Nullable
            Instant lastObservedAt,

            @Schema(
                    description = "when the disagreement began: a declared input, when it had gone unseen for"
                            + " driftAfter; an undeclared one, when runs were first seen reading it")
            Instant since,

            @Schema(description = "what a person reads, in a sentence")
            String message) {

        static Item of(Drift drift) {
            return new Item(
                    switch (drift.kind()) {
                        case DECLARED_NOT_OBSERVED -> "declared-not-observed";
                        case OBSERVED_NOT_DECLARED -> "observed-not-declared";
                    },
                    drift.upstreamId(),
                    drift.upstreamName(),
                    drift.contractId(),
                    drift.upstreamPort(),
                    drift.lastObservedAt(),
                    drift.since(),
                    drift.message());
        }
    }
}

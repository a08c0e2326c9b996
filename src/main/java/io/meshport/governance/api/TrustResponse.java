package io.meshport.governance.api;

import io.meshport.governance.TrustScore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A product's trust score with its explanation; before the product's first evaluation, no score and no points. */
@Schema(name = "TrustScore")
record TrustResponse(
        @Schema(description = "0 to 100, the sum of the points earned; null before the product is first evaluated")
        @Nullable
        Integer score,

        @Schema(description = "null before the product is first evaluated") @Nullable
        Instant evaluatedAt,

        @Schema(
                description = "one per part, in this order: policies (40), sla (20), review (15), documentation (15),"
                        + " agreements (10)")
        List<Point> points) {

    record Point(
            @Schema(allowableValues = {"policies", "sla", "review", "documentation", "agreements"})
            String component,

            int earned,
            int max,

            @Schema(description = "why, in words an owner can act on")
            String reason) {}

    static TrustResponse of(TrustScore score) {
        return new TrustResponse(
                score.score(),
                score.evaluatedAt(),
                score.points().stream()
                        .map(point -> new Point(point.component(), point.earned(), point.max(), point.reason()))
                        .toList());
    }

    static TrustResponse none() {
        return new TrustResponse(null, null, List.of());
    }
}

package io.meshport.lineage;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One way a product's observed lineage disagrees with its declared lineage (lineage drift;
 * docs/decisions/0032-lineage-drift.md).
 *
 * @param productId the product whose inputs drift (the downstream end of the edge)
 * @param upstreamId the product read, or declared as read
 * @param upstreamName its name, or its id when the catalog has no such product any more
 * @param contractId the contract of the edge: the declared input's, or the one the observed port
 *     offered when last seen; null for an observed port that offers no contract
 * @param upstreamPort the upstream output port runs read; null for a declared input never seen
 *     (a declaration names a contract, not a port)
 * @param lastObservedAt when runs last read this input; null when never
 * @param since when the disagreement began: for a declared input, the moment it had gone unseen
 *     for the drift period; for an undeclared input, when runs were first seen reading it
 * @param message what a person reads, in a sentence
 */
public record Drift(
        Kind kind,
        String productId,
        String upstreamId,
        String upstreamName,
        @Nullable String contractId,
        @Nullable String upstreamPort,
        @Nullable Instant lastObservedAt,
        Instant since,
        String message) {

    public enum Kind {
        /** A declared input that no run has been seen reading for the drift period. */
        DECLARED_NOT_OBSERVED,
        /** An input runs were seen reading that no input port of the product declares. */
        OBSERVED_NOT_DECLARED
    }
}

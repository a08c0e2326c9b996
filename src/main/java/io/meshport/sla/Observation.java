package io.meshport.sla;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing a pipeline observed about a product.
 *
 * @param id the client's id, unique per product: sending it again records nothing
 * @param outputPort the port it is about, or null for the whole product
 * @param outcome for availability whether the probe succeeded, for quality whether the check
 *     passed; null for updates
 * @param check the quality check's name, if any
 */
public record Observation(
        String id,
        @Nullable String outputPort,
        ObservationKind kind,
        Instant at,
        @Nullable Boolean outcome,
        @Nullable String check,
        @Nullable String detail) {}

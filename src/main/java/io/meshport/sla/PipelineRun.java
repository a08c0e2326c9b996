package io.meshport.sla;

import io.meshport.openlineage.RunState;
import java.time.Instant;

/**
 * A pipeline run that ended having written a dataset of an output port: COMPLETE (which is also an
 * {@code updated} observation of the port), FAIL or ABORT (recorded and shown, not an update).
 *
 * @param job the OpenLineage job, namespace/name
 * @param at the event's time
 * @param reportedBy who sent the event
 */
public record PipelineRun(
        String productId, String outputPort, String runId, String job, RunState state, Instant at, String reportedBy) {

    /** Whether the run wrote the port's data (only a complete run did). */
    public boolean updated() {
        return state == RunState.COMPLETE;
    }
}

package io.meshport.openlineage;

import java.time.Instant;
import java.util.List;

/**
 * A run event stored for the first time (a replay publishes nothing), with what the run has
 * shown of the catalog so far: every input and output dataset of the run that an output port
 * maps, accumulated over its events (OpenLineage clients often name inputs at START and outputs
 * at COMPLETE). Published synchronously inside the ingesting transaction, so listeners that fail
 * roll the ingest back.
 *
 * <p>The ingest checked the sender: every product among {@code outputs} is one the sender may act
 * for (its team's key, a member's token, or governance). Inputs may be anyone's products: reading
 * is what lineage observes.
 *
 * @param eventTime the event's own {@code eventTime}, not the time it arrived
 * @param reportedBy who sent the event (a user name, a client id, or an API key's name)
 */
public record RunObserved(
        String runId,
        String jobNamespace,
        String jobName,
        RunState state,
        Instant eventTime,
        List<PortDataset> inputs,
        List<PortDataset> outputs,
        String reportedBy) {

    public RunObserved {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * The run as it ended: the same datasets, the end's state and time, no assertions (those were
     * reported at this event's time, and published with it already).
     */
    RunObserved endedAs(RunState endState, Instant endedAt) {
        return new RunObserved(
                runId,
                jobNamespace,
                jobName,
                endState,
                endedAt,
                inputs.stream().map(PortDataset::withoutAssertions).toList(),
                outputs.stream().map(PortDataset::withoutAssertions).toList(),
                reportedBy);
    }

    /** The job as the portal shows it, {@code namespace/name}. */
    public String job() {
        return jobNamespace + "/" + jobName;
    }
}

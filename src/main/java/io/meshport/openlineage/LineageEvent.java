package io.meshport.openlineage;

import io.meshport.openlineage.PortDataset.QualityAssertion;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One event of a request, read and checked ({@link EventReader}): what the ingest stores of it.
 * {@code at} is where the event is in the request body as a JSON pointer ({@code /3} in an array,
 * empty for a single object), so that later refusals point at it too.
 */
sealed interface LineageEvent {

    String at();

    Instant eventTime();

    /** The event as received, for the event log. */
    JsonNode raw();

    /** A job as events name it. */
    record JobName(String namespace, String name) {

        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }

    /** A dataset a run or job read, with the data-quality assertions reported on it. */
    record Input(DatasetName dataset, List<QualityAssertion> assertions) {}

    /**
     * A RunEvent. {@code eventType} is as sent (null when absent); {@code state} is what the run
     * is then ({@link RunState#OTHER} for an event without eventType).
     */
    record RunEvent(
            String at,
            UUID runId,
            @Nullable String eventType,
            RunState state,
            Instant eventTime,
            JobName job,
            List<Input> inputs,
            List<DatasetName> outputs,
            JsonNode raw)
            implements LineageEvent {}

    /** A JobEvent: a job's static metadata, with the datasets it reads and writes. */
    record JobEvent(
            String at, Instant eventTime, JobName job, List<Input> inputs, List<DatasetName> outputs, JsonNode raw)
            implements LineageEvent {}

    /** A DatasetEvent: a dataset's static metadata. */
    record DatasetEvent(String at, Instant eventTime, DatasetName dataset, JsonNode raw) implements LineageEvent {}
}

package io.meshport.lineage;

import io.meshport.openlineage.DatasetName;
import io.meshport.openlineage.PortDataset;
import io.meshport.openlineage.RunObserved;
import io.meshport.openlineage.RunState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes {@link RunObserved} as the OpenLineage ingest does (synchronously, in a transaction),
 * for lineage tests that do not go through the ingest: a job read some products' ports and wrote
 * others'.
 */
record ObservedRuns(TransactionTemplate transactions, ApplicationEventPublisher events) {

    /** A port of a product as a run names it: {@code out0} with its contract, unless said. */
    static PortDataset port(String productId, String contractId) {
        return port(productId, "out0", contractId);
    }

    static PortDataset port(String productId, String outputPort, String contractId) {
        return new PortDataset(
                productId,
                outputPort,
                contractId,
                new DatasetName("postgres://" + productId + ".test:5432", "public." + outputPort),
                List.of());
    }

    /** A run of {@code job} at {@code at} that read {@code inputs} and wrote {@code outputs}. */
    void run(String job, Instant at, List<PortDataset> inputs, List<PortDataset> outputs) {
        RunObserved run = new RunObserved(
                UUID.randomUUID().toString(), "tests", job, RunState.COMPLETE, at, inputs, outputs, "tests");
        transactions.executeWithoutResult(status -> events.publishEvent(run));
    }
}

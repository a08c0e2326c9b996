package io.meshport.sla;

import io.meshport.openlineage.RunObserved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Service levels measured from pipeline runs: each run event the ingest stores becomes pipeline
 * runs and observations of the ports it concerns, synchronously in the ingesting transaction, so
 * that an event is stored with its SLA consequences or not at all (docs/decisions/0033).
 */
@Component
class RunObservations {

    private final SlaService sla;

    RunObservations(SlaService sla) {
        this.sla = sla;
    }

    @EventListener
    void on(RunObserved run) {
        sla.recordRun(run);
    }
}

package io.meshport.governance;

import io.meshport.catalog.ProductPublished;
import io.meshport.lineage.LineageReadModel;
import io.meshport.sla.SlaBreached;
import java.util.List;
import java.util.TreeSet;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Results that change without their product being written: a product's downstream products see
 * it in their lineage, and a breach changes its measured service levels. Each runs after the
 * change commits; the sweep catches what time alone changes.
 */
@Component
class GovernanceListeners {

    private final PolicyEvaluations evaluations;
    private final LineageReadModel lineage;

    GovernanceListeners(PolicyEvaluations evaluations, LineageReadModel lineage) {
        this.evaluations = evaluations;
        this.lineage = lineage;
    }

    @ApplicationModuleListener
    void on(ProductPublished published) {
        TreeSet<String> downstream = new TreeSet<>();
        lineage.outOf(published.productId()).forEach(link -> downstream.add(link.downstreamId()));
        lineage.into(List.of(published.productId())).forEach(link -> downstream.add(link.upstreamId()));
        if (!downstream.isEmpty()) {
            evaluations.evaluate(downstream, "lineage");
        }
    }

    @ApplicationModuleListener
    void on(SlaBreached breached) {
        evaluations.evaluate(List.of(breached.productId()), "sla");
    }
}

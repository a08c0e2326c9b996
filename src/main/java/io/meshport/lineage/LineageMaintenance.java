package io.meshport.lineage;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.ProductPublished;
import io.meshport.catalog.ProductPublished.PortContract;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the lineage tables in step with the catalog, inside the catalog's writing transaction: a
 * plain (synchronous) listener, so that the edges commit or roll back with the product, and so
 * that a write that would make a product derive from itself is refused before anything is stored.
 * Deleting a product needs no listener: its lineage rows go with it (foreign keys, on delete
 * cascade), and what consumed it keeps its inputs, now unresolved.
 */
@Component
class LineageMaintenance {

    private final LineageStore store;

    LineageMaintenance(LineageStore store) {
        this.store = store;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ProductPublished event) {
        Set<String> consumed = event.consumed().stream()
                .map(PortContract::contractId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> provided = event.provided().stream()
                .map(PortContract::contractId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<LineageStore.Edge> added = store.update(event.productId(), consumed, provided);
        // Only a new edge can close a cycle, and every new edge touches this product.
        if (added.isEmpty()) {
            return;
        }
        List<LineageStore.Edge> cycle = store.cycleThrough(event.productId());
        if (!cycle.isEmpty()) {
            throw refusal(event, cycle, added);
        }
    }

    /**
     * Points at the input that closes the cycle (this product consuming its upstream's contract),
     * unless only the output port this product's consumer reads is new: then at that output port.
     */
    private static InvalidDocumentException refusal(
            ProductPublished event, List<LineageStore.Edge> cycle, List<LineageStore.Edge> added) {
        List<String> path = new ArrayList<>();
        path.add(cycle.getFirst().from());
        cycle.forEach(edge -> path.add(edge.to()));
        String route = String.join(" → ", path);
        LineageStore.Edge into = cycle.getLast();
        LineageStore.Edge outOf = cycle.getFirst();
        Optional<PortContract> input = first(event.consumed(), into.contractId());
        Optional<PortContract> output = first(event.provided(), outOf.contractId());
        boolean outputIsTheChange = !added.contains(into) && added.contains(outOf);
        PortContract culprit = (outputIsTheChange ? output.or(() -> input) : input.or(() -> output))
                .orElse(new PortContract(into.contractId(), ""));
        String message = cycle.size() == 1
                ? "'" + event.productId() + "' cannot derive from itself: it consumes contract '" + into.contractId()
                        + "', which it provides (" + route + ")."
                : "'" + event.productId() + "' would derive from itself: " + route + " (through contracts "
                        + cycle.stream().map(LineageStore.Edge::contractId).collect(Collectors.joining(", "))
                        + ").";
        return new InvalidDocumentException("Lineage cycle", culprit.pointer(), message);
    }

    private static Optional<PortContract> first(List<PortContract> contracts, String contractId) {
        return contracts.stream()
                .filter(contract -> contract.contractId().equals(contractId))
                .findFirst();
    }
}

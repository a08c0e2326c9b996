package io.meshport.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Which change to a product its consumers feel, and so must be confirmed against its downstream
 * products first (docs/decisions/0014-form-edits-loaded-documents.md): deprecating or retiring it
 * touches everything downstream; otherwise a contract that a port no longer offers, or that the
 * save replaces, touches whoever reads that contract. Anything else (a new port, a renamed one
 * that keeps its contract, a description) touches nobody.
 *
 * @param everything whether the whole product stops being what consumers rely on
 * @param contracts the contracts whose readers are touched when not {@code everything}
 */
public record ContractImpact(boolean everything, Set<String> contracts) {

    public ContractImpact {
        contracts = Collections.unmodifiableSet(new LinkedHashSet<>(contracts));
    }

    /** Nobody is touched. */
    public static final ContractImpact NONE = new ContractImpact(false, Set.of());

    /**
     * @param before the product's status as stored
     * @param after the status the save writes
     * @param offeredBefore the contracts the stored product's output ports name
     * @param offeredAfter the contracts the saved product's output ports name
     * @param replaced contracts already in the catalog that the save writes a new version of
     */
    public static ContractImpact of(
            ProductStatus before,
            ProductStatus after,
            Set<String> offeredBefore,
            Set<String> offeredAfter,
            Collection<String> replaced) {
        if (after != before && (after == ProductStatus.DEPRECATED || after == ProductStatus.RETIRED)) {
            return new ContractImpact(true, Set.of());
        }
        Set<String> touched = new LinkedHashSet<>(offeredBefore);
        touched.removeAll(offeredAfter);
        touched.addAll(replaced);
        return touched.isEmpty() ? NONE : new ContractImpact(false, touched);
    }

    /** The contracts an ODPS document's output ports offer, in the order of the ports. */
    public static Set<String> offeredBy(JsonNode productDocument) {
        Set<String> offered = new LinkedHashSet<>();
        for (JsonNode port : productDocument.path("outputPorts")) {
            String contract = port.path("contractId").asString("");
            if (!contract.isBlank()) {
                offered.add(contract);
            }
        }
        return offered;
    }

    public boolean isNone() {
        return !everything && contracts.isEmpty();
    }

    /** Who is downstream of the touched contracts ({@link DownstreamImpact} reads all for none). */
    public DownstreamImpact.Report downstream(DownstreamImpact impact, String productId) {
        if (isNone()) {
            return new DownstreamImpact.Report(List.of(), false, "");
        }
        return impact.of(productId, everything ? Set.of() : contracts);
    }
}

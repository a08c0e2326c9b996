package io.meshport.catalog;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Published by {@link CatalogService} after every create or replace of a data product, inside
 * the writing transaction and after the product's rows are flushed, so that listeners keep data
 * derived from its ports (lineage) in step, or refuse the write by throwing. The ports are those
 * of the document as now stored, each with the JSON Pointer of where the document names it.
 *
 * @param consumed contracts the product consumes: its input ports and its output ports'
 *     {@code inputContracts}
 * @param provided contracts its output ports provide
 * @param ownerTeam the owning team as now stored
 * @param previousStatus the status before this write; null when the product is new (so a product
 *     created as active, which publishes no {@link ProductStatusChanged}, is told apart from one
 *     replaced while active: the platform's event feed announces the first only)
 */
public record ProductPublished(
        String productId,
        List<PortContract> consumed,
        List<PortContract> provided,
        String name,
        String ownerTeam,
        ProductStatus status,
        @Nullable String version,
        @Nullable ProductStatus previousStatus) {

    /** A contract named at {@code pointer} in the product's document. */
    public record PortContract(String contractId, String pointer) {}

    public ProductPublished {
        consumed = List.copyOf(consumed);
        provided = List.copyOf(provided);
    }

    static ProductPublished of(ProductDocument document, String ownerTeam, @Nullable ProductStatus previousStatus) {
        JsonNode tree = document.parsed().tree();
        List<PortContract> consumed = new ArrayList<>();
        List<PortContract> provided = new ArrayList<>();
        JsonNode inputs = tree.path("inputPorts");
        for (int i = 0; i < inputs.size(); i++) {
            add(consumed, inputs.get(i).path("contractId"), "/inputPorts/" + i + "/contractId");
        }
        JsonNode outputs = tree.path("outputPorts");
        for (int i = 0; i < outputs.size(); i++) {
            add(provided, outputs.get(i).path("contractId"), "/outputPorts/" + i + "/contractId");
            JsonNode inputContracts = outputs.get(i).path("inputContracts");
            for (int k = 0; k < inputContracts.size(); k++) {
                add(consumed, inputContracts.get(k).path("id"), "/outputPorts/" + i + "/inputContracts/" + k + "/id");
            }
        }
        return new ProductPublished(
                document.id(),
                consumed,
                provided,
                document.name(),
                ownerTeam,
                document.status(),
                document.version(),
                previousStatus);
    }

    private static void add(List<PortContract> contracts, JsonNode contractId, String pointer) {
        String id = ProductDocument.text(contractId);
        if (id != null) {
            contracts.add(new PortContract(id, pointer));
        }
    }
}

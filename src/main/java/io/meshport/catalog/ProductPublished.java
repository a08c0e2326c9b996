package io.meshport.catalog;

import java.util.ArrayList;
import java.util.List;
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
 */
public record ProductPublished(String productId, List<PortContract> consumed, List<PortContract> provided) {

    /** A contract named at {@code pointer} in the product's document. */
    public record PortContract(String contractId, String pointer) {}

    public ProductPublished {
        consumed = List.copyOf(consumed);
        provided = List.copyOf(provided);
    }

    static ProductPublished of(ProductDocument document) {
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
        return new ProductPublished(document.id(), consumed, provided);
    }

    private static void add(List<PortContract> contracts, JsonNode contractId, String pointer) {
        String id = ProductDocument.text(contractId);
        if (id != null) {
            contracts.add(new PortContract(id, pointer));
        }
    }
}

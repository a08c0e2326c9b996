package io.meshport.catalog;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An ODPS data product document together with the values the portal reads from it. The
 * document is kept as published; everything else is derived from it.
 */
record ProductDocument(
        StandardDocuments.Parsed parsed,
        String json,
        String apiVersion,
        String id,
        String name,
        @Nullable String version,
        @Nullable String statusValue,
        @Nullable String domain,
        @Nullable String teamName,
        @Nullable String purpose,
        List<String> tags,
        List<OutputPort> outputPorts,
        List<InputPort> inputPorts) {

    static ProductDocument of(StandardDocuments.Parsed parsed, String json) {
        JsonNode document = parsed.tree();
        String id = text(document.path("id"));
        List<String> tags = new ArrayList<>();
        document.path("tags").forEach(tag -> {
            if (tag.isString()) {
                tags.add(tag.stringValue());
            }
        });
        List<OutputPort> outputs = new ArrayList<>();
        for (JsonNode port : document.path("outputPorts")) {
            List<String> inputContracts = new ArrayList<>();
            port.path("inputContracts").forEach(contract -> {
                String contractId = text(contract.path("id"));
                if (contractId != null) {
                    inputContracts.add(contractId);
                }
            });
            outputs.add(new OutputPort(
                    orEmpty(text(port.path("name"))),
                    orEmpty(text(port.path("version"))),
                    text(port.path("type")),
                    text(port.path("description")),
                    text(port.path("contractId")),
                    inputContracts));
        }
        List<InputPort> inputs = new ArrayList<>();
        for (JsonNode port : document.path("inputPorts")) {
            inputs.add(new InputPort(
                    orEmpty(text(port.path("name"))),
                    orEmpty(text(port.path("version"))),
                    orEmpty(text(port.path("contractId")))));
        }
        String name = text(document.path("name"));
        return new ProductDocument(
                parsed,
                json,
                orEmpty(text(document.path("apiVersion"))),
                orEmpty(id),
                name != null ? name : orEmpty(id),
                text(document.path("version")),
                text(document.path("status")),
                text(document.path("domain")),
                text(document.path("team").path("name")),
                text(document.path("description").path("purpose")),
                List.copyOf(tags),
                List.copyOf(outputs),
                List.copyOf(inputs));
    }

    /** Only valid once the rules have accepted the status value. */
    ProductStatus status() {
        return ProductStatus.fromValue(orEmpty(statusValue));
    }

    static @Nullable String text(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank()
                ? node.stringValue().strip()
                : null;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}

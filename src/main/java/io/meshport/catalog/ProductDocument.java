package io.meshport.catalog;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An ODPS data product document together with the values the portal reads from it. The whole
 * document is kept as published; the other components are derived from it.
 */
record ProductDocument(
        String apiVersion,
        String id,
        String name,
        @Nullable String version,
        ProductStatus status,
        @Nullable String domain,
        String ownerTeam,
        @Nullable String purpose,
        String json) {

    static ProductDocument of(JsonNode document, String ownerTeam) {
        return new ProductDocument(
                document.path("apiVersion").asString(""),
                document.path("id").asString(""),
                text(document.path("name")) == null
                        ? document.path("id").asString("")
                        : document.path("name").asString(),
                text(document.path("version")),
                ProductStatus.fromValue(document.path("status").asString("draft")),
                text(document.path("domain")),
                ownerTeam,
                text(document.path("description").path("purpose")),
                document.toString());
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank() ? node.stringValue() : null;
    }
}

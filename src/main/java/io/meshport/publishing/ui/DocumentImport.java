package io.meshport.publishing.ui;

import io.meshport.catalog.DocumentFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pasted or uploaded document the form can take over: an ODPS product, which replaces the form,
 * or an ODCS contract, which becomes a port's contract. Whether it is valid is the service's
 * question when the form is saved; this only reads it and tells which kind it is.
 */
sealed interface DocumentImport {

    ObjectNode document();

    /** The id the document gives itself. */
    default String id() {
        return Documents.text(document(), "id");
    }

    record Product(ObjectNode document) implements DocumentImport {}

    record Contract(ObjectNode document) implements DocumentImport {
        /** The name of the contract's first schema object, which names a new port; blank if none. */
        String firstObjectName() {
            return document.path("schema").path(0).path("name").asString("");
        }
    }

    /** Why a text cannot be imported, in words for the person who pasted it. */
    final class NotImportable extends RuntimeException {
        NotImportable(String message) {
            super(message);
        }
    }

    /**
     * Reads YAML or JSON text.
     *
     * @param editedId the product being edited, whose form only its own document may replace;
     *     null for a new product
     * @throws NotImportable when the text is no document, not ODPS or ODCS, or another product
     */
    static DocumentImport read(String text, @Nullable String editedId) {
        JsonNode tree;
        try {
            tree = (DocumentFormat.detect(text) == DocumentFormat.JSON ? Documents.JSON : Documents.YAML)
                    .readTree(text);
        } catch (JacksonException e) {
            throw new NotImportable("Not a readable YAML or JSON document: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode document)) {
            throw new NotImportable("The document must be a mapping (an object).");
        }
        return switch (Documents.text(document, "kind")) {
            case "DataProduct" -> {
                Product product = new Product(document);
                if (editedId != null && !editedId.equals(product.id())) {
                    throw new NotImportable(
                            "This document describes '" + product.id() + "', not the product being edited.");
                }
                yield product;
            }
            case "DataContract" -> new Contract(document);
            default -> throw new NotImportable("kind must be DataProduct (ODPS) or DataContract (ODCS).");
        };
    }
}

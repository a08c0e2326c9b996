package io.meshport.publishing.ui;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How an output port's access requests are decided, kept in the port's ODPS custom properties as
 * {@code {"property": "accessApproval", "value": "owners" | "automatic"}}: ODPS has no field for
 * it, and a custom property survives every tool that reads the document. No entry means the owners.
 */
final class AccessApproval {

    static final String PROPERTY = "accessApproval";
    static final String OWNERS = "owners";
    static final String AUTOMATIC = "automatic";

    private AccessApproval() {}

    static String label(@Nullable String value) {
        return AUTOMATIC.equals(value) ? "automatically" : "by the owners";
    }

    /** How the port decides: automatic only when it says so; anything else is its owners. */
    static String of(JsonNode port) {
        JsonNode entry = entry(port);
        return entry != null
                        && AUTOMATIC.equals(
                                entry.path("value").asString("").strip().toLowerCase(Locale.ROOT))
                ? AUTOMATIC
                : OWNERS;
    }

    /**
     * Writes the choice into {@code port} when it differs from what {@code loaded} says, changing
     * the existing entry's value or adding one; the other custom properties stay as they were.
     */
    static void write(ObjectNode port, JsonNode loaded, @Nullable String choice) {
        String value = choice == null ? OWNERS : choice;
        if (value.equals(of(loaded))) {
            return;
        }
        JsonNode existing = entry(port);
        if (existing instanceof ObjectNode entry) {
            entry.put("value", value);
            return;
        }
        ArrayNode properties =
                port.get("customProperties") instanceof ArrayNode array ? array : port.putArray("customProperties");
        properties.addObject().put("property", PROPERTY).put("value", value);
    }

    private static @Nullable JsonNode entry(JsonNode port) {
        for (JsonNode property : port.path("customProperties")) {
            if (PROPERTY.equals(property.path("property").asString(""))) {
                return property;
            }
        }
        return null;
    }
}

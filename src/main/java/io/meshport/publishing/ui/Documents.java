package io.meshport.publishing.ui;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Small helpers for the form, which edits ODPS/ODCS documents as JSON trees. */
final class Documents {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Documents() {}

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() ? value.asString() : "";
    }

    /** Sets a text field, or removes it when blank, so that empty fields do not become "". */
    static void put(ObjectNode node, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            node.remove(field);
        } else {
            node.put(field, value.strip());
        }
    }

    /**
     * Writes a text field only when the person changed it from what was loaded, so that values
     * the form shows slightly differently (trailing blanks, numbers) stay exactly as they were.
     */
    static void edit(ObjectNode node, String field, String loadedText, @Nullable String value) {
        String current = value == null ? "" : value;
        if (!current.equals(loadedText)) {
            put(node, field, current);
        }
    }

    static ObjectNode object(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(field);
    }

    static ObjectNode copy(JsonNode node) {
        return node instanceof ObjectNode object ? object.deepCopy() : JSON.createObjectNode();
    }
}

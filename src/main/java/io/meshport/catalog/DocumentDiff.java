package io.meshport.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields that differ between two versions of a document, compared as data (so key order,
 * comments and the format do not count). Lists of named things (ports, schema objects and
 * properties, SLA properties) are matched by name (and version), so that inserting a port reads
 * as one port added rather than every later port changed; other lists are compared by position,
 * and lists of plain values (tags) as one value.
 */
final class DocumentDiff {

    /** Longest value shown in a change; longer ones end in an ellipsis. */
    static final int MAX_VALUE_LENGTH = 120;

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]*");
    private static final Pattern NOT_BARE =
            Pattern.compile("true|false|null|[+-]?[0-9]+(\\.[0-9]*)?([eE][+-]?[0-9]+)?");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private DocumentDiff() {}

    static List<FieldChange> between(@Nullable JsonNode before, @Nullable JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", "", before == null || before.isMissingNode() ? null : before, after, changes);
        return changes;
    }

    private static void compare(
            String pointer, String path, @Nullable JsonNode before, @Nullable JsonNode after, List<FieldChange> out) {
        if (before != null && after != null && before.equals(after)) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            for (String name : names) {
                compare(
                        pointer + "/" + escape(name),
                        path.isEmpty() ? key(name) : path + (key(name).startsWith("[") ? "" : ".") + key(name),
                        before.get(name),
                        after.get(name),
                        out);
            }
            return;
        }
        if (before != null
                && after != null
                && before.isArray()
                && after.isArray()
                && (hasContainers(before) || hasContainers(after))) {
            compareLists(pointer, path, before, after, out);
            return;
        }
        out.add(new FieldChange(pointer.isEmpty() ? "/" : pointer, path, shown(before), shown(after)));
    }

    private static void compareLists(
            String pointer, String path, JsonNode before, JsonNode after, List<FieldChange> out) {
        boolean withVersion = false;
        Map<String, Integer> beforeKeys = keys(before, false);
        Map<String, Integer> afterKeys = keys(after, false);
        if (beforeKeys == null || afterKeys == null) {
            // Ports are unique by name and version together.
            withVersion = true;
            beforeKeys = keys(before, true);
            afterKeys = keys(after, true);
        }
        if (beforeKeys == null || afterKeys == null) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compare(pointer + "/" + i, path + "[" + i + "]", before.get(i), after.get(i), out);
            }
            return;
        }
        Set<String> matched = new HashSet<>();
        for (int i = 0; i < after.size(); i++) {
            String key = key(after.get(i), withVersion);
            Integer was = beforeKeys.get(key);
            if (was != null) {
                matched.add(key);
            }
            compare(pointer + "/" + i, path + "[" + i + "]", was == null ? null : before.get(was), after.get(i), out);
        }
        for (int i = 0; i < before.size(); i++) {
            if (!matched.contains(key(before.get(i), withVersion))) {
                compare(pointer + "/" + i, path + "[" + i + "]", before.get(i), null, out);
            }
        }
    }

    /** Each element's key and position, or null when the elements are not uniquely named objects. */
    private static @Nullable Map<String, Integer> keys(JsonNode list, boolean withVersion) {
        Map<String, Integer> keys = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            if (!element.isObject()) {
                return null;
            }
            String key = key(element, withVersion);
            if (key.isEmpty() || keys.put(key, i) != null) {
                return null;
            }
        }
        return keys;
    }

    private static String key(JsonNode element, boolean withVersion) {
        for (String field : List.of("name", "property", "id")) {
            JsonNode value = element.path(field);
            if (value.isString() && !value.stringValue().isBlank()) {
                return field + "=" + value.stringValue()
                        + (withVersion ? "\u0000" + element.path("version").asString("") : "");
            }
        }
        return "";
    }

    private static boolean hasContainers(JsonNode list) {
        for (JsonNode element : list) {
            if (element.isContainer()) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable String shown(@Nullable JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return null;
        }
        String text = value.isNumber() || value.isBoolean() || isBare(value)
                ? value.asString()
                : JSON.writeValueAsString(value);
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }

    /** A one-word string reads as itself (1.0.0, active); one that could be taken for another value is quoted. */
    private static boolean isBare(JsonNode value) {
        return value.isString()
                && BARE.matcher(value.stringValue()).matches()
                && !NOT_BARE.matcher(value.stringValue()).matches();
    }

    private static String key(String name) {
        return PLAIN_KEY.matcher(name).matches() ? name : "[" + JSON.writeValueAsString(name) + "]";
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}

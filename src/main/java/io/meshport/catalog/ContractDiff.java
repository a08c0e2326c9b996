package io.meshport.catalog;

import io.meshport.catalog.ContractChange.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The semantic differences between two ODCS v3 documents (3.0.x and 3.1.0), as consumers feel
 * them, each classified as breaking or not (docs/decisions/0022-contract-versions.md). Schema
 * objects and properties, nested ones included, are matched by name; SLA properties by property,
 * element and driver; quality rules by id, name or metric; servers by name. Wording and whitespace
 * (descriptions, business names, tags) are left to the document history.
 */
public final class ContractDiff {

    private ContractDiff() {}

    /**
     * @param before the earlier document; null for a contract's first version (no changes)
     * @param after the later document
     */
    public static List<ContractChange> between(@Nullable JsonNode before, JsonNode after) {
        List<ContractChange> changes = new ArrayList<>();
        if (before == null || before.isMissingNode() || before.isNull()) {
            return changes;
        }
        objects(before.path("schema"), after.path("schema"), changes);
        quality("quality", before.path("quality"), after.path("quality"), changes);
        sla(before.path("slaProperties"), after.path("slaProperties"), changes);
        servers(before.path("servers"), after.path("servers"), changes);
        return List.copyOf(changes);
    }

    /** Whether any of the changes breaks what consumers rely on. */
    public static boolean breaking(List<ContractChange> changes) {
        return changes.stream().anyMatch(ContractChange::breaking);
    }

    // ---------------------------------------------------------------- schema

    private static void objects(JsonNode before, JsonNode after, List<ContractChange> out) {
        Map<String, JsonNode> was = byKey(before, ContractDiff::nameOf);
        Map<String, JsonNode> now = byKey(after, ContractDiff::nameOf);
        for (Map.Entry<String, JsonNode> object : now.entrySet()) {
            JsonNode old = was.get(object.getKey());
            if (old == null) {
                out.add(new ContractChange(Kind.OBJECT_ADDED, object.getKey(), null, null, false));
            } else {
                element(object.getKey(), old, object.getValue(), false, out);
            }
        }
        for (String name : was.keySet()) {
            if (!now.containsKey(name)) {
                out.add(new ContractChange(Kind.OBJECT_REMOVED, name, null, null, true));
            }
        }
    }

    /** An object or a property: its types, its flags, its quality rules and its properties. */
    private static void element(
            String path, JsonNode before, JsonNode after, boolean property, List<ContractChange> out) {
        for (String type : List.of("logicalType", "physicalType")) {
            String was = text(before.path(type));
            String now = text(after.path(type));
            if (!Objects.equals(was, now)) {
                // Naming a type for the first time promises more; changing or dropping one breaks readers.
                out.add(new ContractChange(Kind.TYPE_CHANGED, path + "." + type, was, now, was != null));
            }
        }
        if (property) {
            boolean wasRequired = before.path("required").asBoolean(false);
            boolean nowRequired = after.path("required").asBoolean(false);
            if (wasRequired != nowRequired) {
                out.add(new ContractChange(
                        Kind.REQUIRED_CHANGED,
                        path,
                        String.valueOf(wasRequired),
                        String.valueOf(nowRequired),
                        nowRequired));
            }
            boolean wasKey = before.path("primaryKey").asBoolean(false);
            boolean nowKey = after.path("primaryKey").asBoolean(false);
            if (wasKey != nowKey) {
                out.add(new ContractChange(
                        Kind.PRIMARY_KEY_CHANGED, path, String.valueOf(wasKey), String.valueOf(nowKey), true));
            }
        }
        String wasClass = text(before.path("classification"));
        String nowClass = text(after.path("classification"));
        if (!Objects.equals(wasClass, nowClass)) {
            out.add(new ContractChange(Kind.CLASSIFICATION_CHANGED, path, wasClass, nowClass, false));
        }
        properties(path, before.path("properties"), after.path("properties"), out);
        quality(path + ".quality", before.path("quality"), after.path("quality"), out);
        JsonNode wasItems = before.path("items");
        JsonNode nowItems = after.path("items");
        if (wasItems.isObject() && nowItems.isObject()) {
            element(path + "[]", wasItems, nowItems, true, out);
        } else if (wasItems.isObject() != nowItems.isObject()) {
            out.add(new ContractChange(
                    Kind.TYPE_CHANGED,
                    path + ".items",
                    wasItems.isObject() ? "array" : null,
                    nowItems.isObject() ? "array" : null,
                    wasItems.isObject()));
        }
    }

    private static void properties(String path, JsonNode before, JsonNode after, List<ContractChange> out) {
        Map<String, JsonNode> was = byKey(before, ContractDiff::nameOf);
        Map<String, JsonNode> now = byKey(after, ContractDiff::nameOf);
        for (Map.Entry<String, JsonNode> property : now.entrySet()) {
            String at = path + "." + property.getKey();
            JsonNode old = was.get(property.getKey());
            if (old == null) {
                out.add(new ContractChange(Kind.PROPERTY_ADDED, at, null, null, false));
            } else {
                element(at, old, property.getValue(), true, out);
            }
        }
        for (String name : was.keySet()) {
            if (!now.containsKey(name)) {
                out.add(new ContractChange(Kind.PROPERTY_REMOVED, path + "." + name, null, null, true));
            }
        }
    }

    // ---------------------------------------------------------------- quality

    /** Quality rules promise checks, not data: adding, changing or dropping one breaks no reader. */
    private static void quality(String path, JsonNode before, JsonNode after, List<ContractChange> out) {
        Map<String, JsonNode> was = byKey(before, ContractDiff::qualityKey);
        Map<String, JsonNode> now = byKey(after, ContractDiff::qualityKey);
        for (Map.Entry<String, JsonNode> rule : now.entrySet()) {
            JsonNode old = was.get(rule.getKey());
            String at = path + "[" + rule.getKey() + "]";
            if (old == null) {
                out.add(new ContractChange(Kind.QUALITY_ADDED, at, null, describe(rule.getValue()), false));
            } else if (!old.equals(rule.getValue())) {
                out.add(new ContractChange(Kind.QUALITY_CHANGED, at, describe(old), describe(rule.getValue()), false));
            }
        }
        for (Map.Entry<String, JsonNode> rule : was.entrySet()) {
            if (!now.containsKey(rule.getKey())) {
                out.add(new ContractChange(
                        Kind.QUALITY_REMOVED,
                        path + "[" + rule.getKey() + "]",
                        describe(rule.getValue()),
                        null,
                        false));
            }
        }
    }

    private static @Nullable String qualityKey(JsonNode rule) {
        for (String field : List.of("id", "name", "metric", "rule", "type")) {
            String value = text(rule.path(field));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String describe(JsonNode rule) {
        StringBuilder text = new StringBuilder();
        for (String field : List.of(
                "metric",
                "rule",
                "mustBe",
                "mustNotBe",
                "mustBeGreaterThan",
                "mustBeGreaterOrEqualTo",
                "mustBeLessThan",
                "mustBeLessOrEqualTo",
                "mustBeBetween",
                "mustNotBeBetween",
                "query",
                "severity")) {
            JsonNode value = rule.path(field);
            if (!value.isMissingNode() && !value.isNull()) {
                text.append(text.isEmpty() ? "" : " ")
                        .append(field)
                        .append(' ')
                        .append(value.isString() ? value.stringValue() : value.toString());
            }
        }
        String shown = text.isEmpty() ? rule.toString() : text.toString();
        return shown.length() <= 120 ? shown : shown.substring(0, 119) + "…";
    }

    // ---------------------------------------------------------------- service levels

    private static void sla(JsonNode before, JsonNode after, List<ContractChange> out) {
        Map<String, JsonNode> was = byKey(before, ContractDiff::slaKey);
        Map<String, JsonNode> now = byKey(after, ContractDiff::slaKey);
        for (Map.Entry<String, JsonNode> property : now.entrySet()) {
            String at = "slaProperties." + property.getKey();
            JsonNode old = was.get(property.getKey());
            if (old == null) {
                out.add(new ContractChange(Kind.SLA_ADDED, at, null, slaValue(property.getValue()), false));
                continue;
            }
            String wasValue = slaValue(old);
            String nowValue = slaValue(property.getValue());
            if (Objects.equals(wasValue, nowValue)) {
                continue;
            }
            Optional<Integer> stronger = Sla.compare(text(old.path("property")), old, property.getValue());
            if (stronger.isEmpty() || stronger.get() == 0) {
                out.add(new ContractChange(Kind.SLA_CHANGED, at, wasValue, nowValue, false));
            } else if (stronger.get() > 0) {
                out.add(new ContractChange(Kind.SLA_STRENGTHENED, at, wasValue, nowValue, false));
            } else {
                out.add(new ContractChange(Kind.SLA_WEAKENED, at, wasValue, nowValue, true));
            }
        }
        for (Map.Entry<String, JsonNode> property : was.entrySet()) {
            if (!now.containsKey(property.getKey())) {
                out.add(new ContractChange(
                        Kind.SLA_REMOVED,
                        "slaProperties." + property.getKey(),
                        slaValue(property.getValue()),
                        null,
                        true));
            }
        }
    }

    /** The property, and where several share it, the element and driver that tell them apart. */
    private static @Nullable String slaKey(JsonNode property) {
        String name = text(property.path("property"));
        if (name == null) {
            return null;
        }
        StringBuilder key = new StringBuilder(name);
        String element = text(property.path("element"));
        String driver = text(property.path("driver"));
        if (element != null) {
            key.append('(').append(element).append(')');
        }
        if (driver != null) {
            key.append('[').append(driver).append(']');
        }
        return key.toString();
    }

    private static String slaValue(JsonNode property) {
        String value = Objects.requireNonNullElse(ContractDocument.scalar(property.path("value")), "");
        String ext = ContractDocument.scalar(property.path("valueExt"));
        String unit = ContractDocument.scalar(property.path("unit"));
        return value + (ext == null ? "" : " (" + ext + ")") + (unit == null ? "" : " " + unit);
    }

    /** How SLA values compare: which properties promise more when higher, and units of time. */
    static final class Sla {

        private Sla() {}

        /**
         * Positive when {@code after} promises more than {@code before}, negative when less, zero
         * when the same; empty when the two cannot be compared (an unknown property or unit).
         */
        static Optional<Integer> compare(@Nullable String property, JsonNode before, JsonNode after) {
            if (property == null) {
                return Optional.empty();
            }
            String name = property.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
            if (name.equals("availability")) {
                Optional<BigDecimal> was = percentage(before);
                Optional<BigDecimal> now = percentage(after);
                return was.isPresent() && now.isPresent()
                        ? Optional.of(now.get().compareTo(was.get()))
                        : Optional.empty();
            }
            // Higher is better for retention; lower is better for the durations consumers wait.
            int direction =
                    switch (name) {
                        case "retention" -> 1;
                        case "latency",
                                "freshness",
                                "frequency",
                                "timetorepair",
                                "timetodetect",
                                "timetorespond",
                                "responsetime",
                                "ttr",
                                "mttr" -> -1;
                        default -> 0;
                    };
            if (direction == 0) {
                return Optional.empty();
            }
            Optional<BigDecimal> was = duration(before);
            Optional<BigDecimal> now = duration(after);
            if (was.isEmpty() || now.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Integer.signum(now.get().compareTo(was.get())) * direction);
        }

        /** An availability as a percentage: 99.9, "99.9%", or a fraction below 1 (0.999). */
        static Optional<BigDecimal> percentage(JsonNode property) {
            Optional<BigDecimal> value = number(property.path("value"));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            String unit = text(property.path("unit"));
            boolean percent = (unit != null && unit.strip().equals("%"))
                    || property.path("value").asString("").contains("%")
                    || value.get().compareTo(BigDecimal.ONE) > 0;
            return Optional.of(percent ? value.get() : value.get().movePointRight(2));
        }

        /** A duration in milliseconds, from the value and its unit (a value without a unit: days). */
        static Optional<BigDecimal> duration(JsonNode property) {
            Optional<BigDecimal> value = number(property.path("value"));
            String unit = text(property.path("unit"));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            return unitMillis(unit == null ? "d" : unit)
                    .map(factor -> value.get().multiply(BigDecimal.valueOf(factor)));
        }

        /** Milliseconds in one unit; {@code m} is minutes, beside ODCS's own {@code h}, {@code d}, {@code y}. */
        static Optional<Long> unitMillis(String unit) {
            long second = 1_000L;
            long day = 86_400 * second;
            long millis =
                    switch (unit.strip().toLowerCase(Locale.ROOT)) {
                        case "ms", "millisecond", "milliseconds" -> 1L;
                        case "s", "sec", "secs", "second", "seconds" -> second;
                        case "m", "min", "mins", "minute", "minutes" -> 60 * second;
                        case "h", "hr", "hrs", "hour", "hours" -> 3_600 * second;
                        case "d", "day", "days" -> day;
                        case "w", "wk", "week", "weeks" -> 7 * day;
                        case "mo", "mon", "month", "months" -> 30 * day;
                        case "q", "quarter", "quarters" -> 91 * day;
                        case "y", "yr", "yrs", "year", "years" -> 365 * day;
                        default -> -1L;
                    };
            return millis < 0 ? Optional.empty() : Optional.of(millis);
        }

        private static Optional<BigDecimal> number(JsonNode value) {
            if (value.isNumber()) {
                return Optional.of(value.decimalValue());
            }
            if (value.isString()) {
                String text = value.stringValue().strip().replace("%", "").strip();
                try {
                    return Optional.of(new BigDecimal(text));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- servers

    private static void servers(JsonNode before, JsonNode after, List<ContractChange> out) {
        Map<String, JsonNode> was = byKey(before, server -> text(server.path("server")));
        Map<String, JsonNode> now = byKey(after, server -> text(server.path("server")));
        for (Map.Entry<String, JsonNode> server : now.entrySet()) {
            JsonNode old = was.get(server.getKey());
            if (old == null) {
                out.add(new ContractChange(
                        Kind.SERVER_CHANGED, "servers." + server.getKey(), null, where(server.getValue()), false));
            } else if (!old.equals(server.getValue())) {
                out.add(new ContractChange(
                        Kind.SERVER_CHANGED,
                        "servers." + server.getKey(),
                        where(old),
                        where(server.getValue()),
                        false));
            }
        }
        for (Map.Entry<String, JsonNode> server : was.entrySet()) {
            if (!now.containsKey(server.getKey())) {
                out.add(new ContractChange(
                        Kind.SERVER_CHANGED, "servers." + server.getKey(), where(server.getValue()), null, false));
            }
        }
    }

    private static String where(JsonNode server) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("type", "host", "port", "database", "schema", "location", "topic", "format")) {
            String value = ContractDocument.scalar(server.path(field));
            if (value != null) {
                parts.add(field.equals("type") ? value : field + " " + value);
            }
        }
        return parts.isEmpty() ? "server" : String.join(", ", parts);
    }

    // ---------------------------------------------------------------- matching

    /**
     * The elements of a list by key, in document order. An element without a key, or a second one
     * with the same key, gets its position as its key, so that nothing is lost from the comparison.
     */
    private static Map<String, JsonNode> byKey(
            JsonNode list, java.util.function.Function<JsonNode, @Nullable String> key) {
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        if (!list.isArray()) {
            return elements;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            if (!element.isObject()) {
                continue;
            }
            String name = key.apply(element);
            if (name == null || elements.containsKey(name)) {
                name = (name == null ? "" : name) + "#" + (i + 1);
            }
            elements.put(name, element);
        }
        return elements;
    }

    private static @Nullable String nameOf(JsonNode element) {
        String name = text(element.path("name"));
        return name != null ? name : text(element.path("id"));
    }

    private static @Nullable String text(JsonNode node) {
        return ContractDocument.scalar(node);
    }
}

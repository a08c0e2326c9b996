package io.meshport.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A policy definition as the history and the API show it, and what changed between two. */
final class PolicyChanges {

    private PolicyChanges() {}

    static Map<String, Object> asMap(PolicyDefinition definition) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("title", definition.title());
        map.put("description", definition.description());
        map.put("severity", definition.severity().value());
        map.put("mode", definition.mode().value());
        map.put("enforceOn", definition.enforceOn().value());
        PolicyScope scope = definition.scope();
        Map<String, Object> scopeMap = new LinkedHashMap<>();
        scopeMap.put("domains", scope.domains());
        scopeMap.put("statuses", scope.statuses());
        scopeMap.put("tags", scope.tags());
        scopeMap.put("portTypes", scope.portTypes());
        map.put("scope", scopeMap);
        map.put("rule", definition.rule());
        if (definition.path() != null) {
            map.put("path", definition.path());
        }
        if (definition.message() != null) {
            map.put("message", definition.message());
        }
        map.put("enabled", definition.enabled());
        return map;
    }

    /** "Created: advisory, high, all products", or the fields that changed, with their new values where short. */
    static String summary(@Nullable PolicyDefinition before, PolicyDefinition after) {
        if (before == null) {
            return "Created " + (after.enabled() ? "" : "disabled, ")
                    + after.mode().value() + ", " + after.severity().value() + ", for "
                    + after.scope().describe();
        }
        List<String> parts = new ArrayList<>();
        if (before.enabled() != after.enabled()) {
            parts.add(after.enabled() ? "enabled" : "disabled");
        }
        if (before.mode() != after.mode()) {
            parts.add("mode " + before.mode().value() + " → " + after.mode().value());
        }
        if (before.enforceOn() != after.enforceOn()) {
            parts.add("enforced on " + after.enforceOn().value());
        }
        if (before.severity() != after.severity()) {
            parts.add("severity " + before.severity().value() + " → "
                    + after.severity().value());
        }
        if (!before.scope().equals(after.scope())) {
            parts.add("scope: " + after.scope().describe());
        }
        if (!before.rule().equals(after.rule())) {
            parts.add("rule changed");
        }
        if (!before.title().equals(after.title())) {
            parts.add("title");
        }
        if (!before.description().equals(after.description())) {
            parts.add("description");
        }
        if (!Objects.equals(before.path(), after.path())) {
            parts.add("path");
        }
        if (!Objects.equals(before.message(), after.message())) {
            parts.add("message");
        }
        String joined = String.join(", ", parts);
        return joined.isEmpty() ? "Saved again" : Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }
}

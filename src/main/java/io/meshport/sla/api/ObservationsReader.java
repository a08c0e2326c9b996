package io.meshport.sla.api;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.Violation;
import io.meshport.sla.Observation;
import io.meshport.sla.ObservationKind;
import io.meshport.system.StorableText;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST .../observations}: one observation object, or an array of them.
 * Every problem (malformed JSON, a wrong type, a missing or unknown field) becomes a violation with
 * a JSON pointer into the body, all at once, so a pipeline fixes its request in one go.
 */
final class ObservationsReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS =
            Set.of("id", "outputPort", "kind", "at", "succeeded", "passed", "check", "detail");

    /** The observations, and whether the body was a single object (its pointers then have no index). */
    record Read(List<Observation> observations, boolean single) {}

    private ObservationsReader() {}

    static Read read(@Nullable String body) {
        if (body == null || body.isBlank()) {
            throw invalid(List.of(new Violation("", "Send an observation object or an array of them as JSON.")));
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw invalid(List.of(new Violation("", "Not valid JSON: " + e.getOriginalMessage())));
        }
        List<Violation> violations = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        if (tree.isObject()) {
            Observation one = observation(tree, "", violations);
            if (one != null) {
                observations.add(one);
            }
        } else if (tree.isArray()) {
            for (int i = 0; i < tree.size(); i++) {
                Observation one = observation(tree.get(i), "/" + i, violations);
                if (one != null) {
                    observations.add(one);
                }
            }
        } else {
            violations.add(new Violation("", "Send an observation object or an array of them."));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return new Read(observations, tree.isObject());
    }

    private static @Nullable Observation observation(JsonNode node, String at, List<Violation> violations) {
        if (!node.isObject()) {
            violations.add(new Violation(at, "Each observation must be an object."));
            return null;
        }
        int before = violations.size();
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                violations.add(new Violation(
                        at + "/" + name,
                        "Unknown field '" + name + "'; the fields are " + String.join(", ", sorted()) + "."));
            }
        }
        String id = text(node, "id", at, true, violations);
        String port = text(node, "outputPort", at, false, violations);
        String kindText = text(node, "kind", at, true, violations);
        String time = text(node, "at", at, true, violations);
        Boolean succeeded = bool(node, "succeeded", at, violations);
        Boolean passed = bool(node, "passed", at, violations);
        String check = text(node, "check", at, false, violations);
        String detail = text(node, "detail", at, false, violations);

        ObservationKind kind = null;
        if (kindText != null) {
            kind = ObservationKind.fromWire(kindText).orElse(null);
            if (kind == null) {
                violations.add(new Violation(
                        at + "/kind", "kind must be updated, availability or quality, not '" + kindText + "'."));
            }
        }
        OffsetDateTime when = null;
        if (time != null) {
            try {
                when = OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                violations.add(new Violation(
                        at + "/at",
                        "at must be an RFC 3339 time with an offset, e.g. 2026-11-22T06:00:00Z, not '" + time + "'."));
            }
        }
        if (kind != null) {
            if (kind != ObservationKind.AVAILABILITY && succeeded != null) {
                violations.add(new Violation(at + "/succeeded", "succeeded belongs to availability observations."));
            }
            if (kind != ObservationKind.QUALITY && (passed != null || check != null)) {
                violations.add(new Violation(
                        at + (passed != null ? "/passed" : "/check"),
                        "passed and check belong to quality observations."));
            }
        }
        if (violations.size() > before || id == null || kind == null || when == null) {
            return null;
        }
        Boolean outcome = kind == ObservationKind.AVAILABILITY ? succeeded : passed;
        return new Observation(id, port, kind, when.toInstant(), outcome, check, detail);
    }

    private static @Nullable String text(
            JsonNode node, String field, String at, boolean required, List<Violation> violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                violations.add(new Violation(at + "/" + field, field + " is required."));
            }
            return null;
        }
        if (!value.isString()) {
            violations.add(new Violation(at + "/" + field, field + " must be a string."));
            return null;
        }
        String problem = StorableText.problem(value.asString());
        if (problem != null) {
            violations.add(new Violation(at + "/" + field, field + " " + problem));
            return null;
        }
        return value.asString();
    }

    private static @Nullable Boolean bool(JsonNode node, String field, String at, List<Violation> violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            violations.add(new Violation(at + "/" + field, field + " must be true or false."));
            return null;
        }
        return value.asBoolean();
    }

    private static List<String> sorted() {
        return FIELDS.stream().sorted().toList();
    }

    private static InvalidDocumentException invalid(List<Violation> violations) {
        return new InvalidDocumentException("Invalid observations", violations);
    }
}

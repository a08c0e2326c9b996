package io.meshport.access.api;

import io.meshport.access.InvalidAccessRequestException;
import io.meshport.catalog.Violation;
import io.meshport.system.StorableText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON object body of the access API, read field by field: every problem (malformed JSON, a
 * wrong type, a missing or unknown field, a date that is no date) becomes a violation with a JSON
 * pointer, all reported at once by {@link #done()}, so a client fixes its request in one go.
 */
final class JsonBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode object;
    private final String what;
    private final List<Violation> violations = new ArrayList<>();

    private JsonBody(JsonNode object, String what) {
        this.object = object;
        this.what = what;
    }

    /**
     * Reads the body as an object with these fields only.
     *
     * @param what the body's name in messages ("access request")
     * @param optional whether no body at all (or an empty one) counts as an empty object
     */
    static JsonBody read(@Nullable String body, String what, Set<String> fields, boolean optional) {
        if (body == null || body.isBlank()) {
            if (optional) {
                return new JsonBody(JSON.createObjectNode(), what);
            }
            throw invalid(what, List.of(new Violation("", "Send the " + what + " as a JSON object.")));
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw invalid(what, List.of(new Violation("", "Not valid JSON: " + e.getOriginalMessage())));
        }
        if (tree == null || !tree.isObject()) {
            throw invalid(what, List.of(new Violation("", "Send the " + what + " as a JSON object.")));
        }
        JsonBody read = new JsonBody(tree, what);
        for (String name : tree.propertyNames()) {
            if (!fields.contains(name)) {
                read.violations.add(new Violation(
                        pointer(name),
                        "Unknown field '" + name + "'; the fields are " + String.join(", ", new TreeSet<>(fields))
                                + "."));
            }
        }
        return read;
    }

    /** A string field; null when absent (a violation when required) or not a string. */
    @Nullable
    String text(String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                violations.add(new Violation(pointer(field), field + " is required."));
            }
            return null;
        }
        if (!value.isString()) {
            violations.add(new Violation(pointer(field), field + " must be a string."));
            return null;
        }
        String text = value.asString();
        String problem = StorableText.problem(text);
        if (problem != null) {
            violations.add(new Violation(pointer(field), field + " " + problem));
            return null;
        }
        if (required && text.isBlank()) {
            violations.add(new Violation(pointer(field), field + " must not be blank."));
            return null;
        }
        return text;
    }

    /** A date field ({@code 2026-12-31}); null when absent or not a date. */
    @Nullable
    LocalDate date(String field) {
        String text = text(field, false);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(
                    pointer(field), field + " must be a date such as 2026-12-31 (ISO 8601), not '" + text + "'."));
            return null;
        }
    }

    /** A field whose value must be one of the given words (compared ignoring case). */
    @Nullable
    String oneOf(String field, boolean required, List<String> values) {
        String text = text(field, required);
        if (text == null) {
            return null;
        }
        String word = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (!values.contains(word)) {
            violations.add(new Violation(
                    pointer(field), field + " must be " + String.join(" or ", values) + ", not '" + text + "'."));
            return null;
        }
        return word;
    }

    void violation(String field, String message) {
        violations.add(new Violation(pointer(field), message));
    }

    boolean valid() {
        return violations.isEmpty();
    }

    /** Throws every violation found, if any. */
    void done() {
        if (!violations.isEmpty()) {
            throw invalid(what, violations);
        }
    }

    static String pointer(String field) {
        return "/" + field.replace("~", "~0").replace("/", "~1");
    }

    private static InvalidAccessRequestException invalid(String what, List<Violation> violations) {
        return new InvalidAccessRequestException(
                "Invalid " + what, violations.stream().limit(20).toList());
    }
}

package io.meshport.catalog;

import io.meshport.system.StorableText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A request body of the REST API that is an object of known fields (not a standard document),
 * read field by field: every problem (malformed JSON or YAML, a duplicate key, a wrong type, a
 * missing or unknown field, a value that is no date or not one of its words, text the database
 * cannot store) becomes a violation with a JSON pointer, all reported at once by {@link #done()},
 * so a client fixes its request in one go. Each API says which exception answers for it.
 */
public final class JsonBody {

    /** How an API refuses a body: its own 400 exception, built from every violation found. */
    @FunctionalInterface
    public interface Refusal {
        RuntimeException refuse(String message, List<Violation> violations);
    }

    /** Violations reported at most, so that a body of a thousand mistakes gets a short answer. */
    static final int MAX_REPORTED = 20;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonNode object;
    private final String what;
    private final String at;
    private final Refusal refusal;
    private final List<Violation> violations;

    private JsonBody(JsonNode object, String what, String at, Refusal refusal, List<Violation> violations) {
        this.object = object;
        this.what = what;
        this.at = at;
        this.refusal = refusal;
        this.violations = violations;
    }

    /**
     * Reads a JSON body as an object with these fields only.
     *
     * @param what the body's name in messages ("access request")
     * @param optional whether no body at all (or an empty one) counts as an empty object
     */
    public static JsonBody read(
            @Nullable String body, String what, Set<String> fields, boolean optional, Refusal refusal) {
        return read(body, DocumentFormat.JSON, what, fields, optional, refusal);
    }

    /** Reads a body sent as bytes (which must be UTF-8) in JSON or YAML, as {@link #read(String, String, Set, boolean, Refusal)}. */
    public static JsonBody read(
            byte @Nullable [] body,
            DocumentFormat format,
            String what,
            Set<String> fields,
            boolean optional,
            Refusal refusal) {
        String text;
        try {
            text = body == null
                    ? null
                    : StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(body))
                            .toString();
        } catch (CharacterCodingException e) {
            throw refusal.refuse("Invalid " + what, List.of(new Violation("", "The body is not valid UTF-8 text.")));
        }
        return read(text, format, what, fields, optional, refusal);
    }

    private static JsonBody read(
            @Nullable String body,
            DocumentFormat format,
            String what,
            Set<String> fields,
            boolean optional,
            Refusal refusal) {
        String as = format == DocumentFormat.JSON ? "a JSON object" : "a JSON object or a YAML mapping";
        if (body == null || body.isBlank()) {
            if (optional) {
                return new JsonBody(JSON.createObjectNode(), what, "", refusal, new ArrayList<>());
            }
            throw refusal.refuse("Invalid " + what, List.of(new Violation("", "Send the " + what + " as " + as + ".")));
        }
        JsonNode tree;
        try {
            tree = (format == DocumentFormat.JSON ? JSON : YAML).readTree(body);
        } catch (JacksonException e) {
            throw refusal.refuse(
                    "Invalid " + what,
                    List.of(new Violation("", "Not valid " + format.name() + ": " + e.getOriginalMessage())));
        }
        if (tree == null || !tree.isObject()) {
            throw refusal.refuse("Invalid " + what, List.of(new Violation("", "Send the " + what + " as " + as + ".")));
        }
        JsonBody read = new JsonBody(tree, what, "", refusal, new ArrayList<>());
        read.unknown(fields);
        return read;
    }

    /**
     * A member that is itself an object with these fields only, read the same way (its pointers
     * under this member's); an empty one when absent or null.
     */
    public JsonBody object(String field, Set<String> fields) {
        JsonNode value = object.get(field);
        JsonBody nested = new JsonBody(
                value != null && value.isObject() ? value : JSON.createObjectNode(),
                what,
                pointer(field),
                refusal,
                violations);
        if (value != null && !value.isNull() && !value.isObject()) {
            violation(field, field + " must be an object.");
        } else {
            nested.unknown(fields);
        }
        return nested;
    }

    /** A string field; null when absent (a violation when required) or not a string. */
    public @Nullable String text(String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                violation(field, field + " is required.");
            }
            return null;
        }
        if (!value.isString()) {
            violation(field, field + " must be a string.");
            return null;
        }
        String text = value.asString();
        String problem = StorableText.problem(text);
        if (problem != null) {
            violation(field, field + " " + problem);
            return null;
        }
        if (required && text.isBlank()) {
            violation(field, field + " must not be blank.");
            return null;
        }
        return text;
    }

    /** A list of strings; empty when absent or null, or when it is not one (a violation then). */
    public List<String> texts(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            violation(field, field + " must be a list of strings.");
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String pointer = at + pointer(field) + "/" + i;
            if (!item.isString()) {
                add(new Violation(pointer, field + " must be a list of strings; item " + i + " is not a string."));
                continue;
            }
            String problem = StorableText.problem(item.asString());
            if (problem != null) {
                add(new Violation(pointer, "The text " + problem));
                continue;
            }
            texts.add(item.asString());
        }
        return texts;
    }

    /** A boolean field; {@code otherwise} when absent or null, or when it is not a boolean (a violation then). */
    public boolean flag(String field, boolean otherwise) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            violation(field, field + " must be true or false.");
            return otherwise;
        }
        return value.asBoolean();
    }

    /** A date field ({@code 2026-12-31}); null when absent or not a date. */
    public @Nullable LocalDate date(String field) {
        String text = text(field, false);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            violation(field, field + " must be a date such as 2026-12-31 (ISO 8601), not " + quoted(text) + ".");
            return null;
        }
    }

    /** A field whose value must be one of the given words (compared ignoring case), returned in lower case. */
    public @Nullable String oneOf(String field, boolean required, List<String> values) {
        String text = text(field, required);
        if (text == null) {
            return null;
        }
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (!values.contains(word)) {
            violation(field, field + " must be " + words(values) + ", not " + quoted(text) + ".");
            return null;
        }
        return word;
    }

    /** A violation of this field, found by the caller. */
    public void violation(String field, String message) {
        add(new Violation(at + pointer(field), message));
    }

    /** Every violation found so far, of this object and those read through it. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    /** Throws every violation found, if any. */
    public void done() {
        if (!violations.isEmpty()) {
            throw refusal.refuse(
                    "Invalid " + what, violations.stream().limit(MAX_REPORTED).toList());
        }
    }

    /** A field's JSON pointer (RFC 6901) from its object. */
    public static String pointer(String field) {
        return "/" + field.replace("~", "~0").replace("/", "~1");
    }

    private void unknown(Set<String> fields) {
        for (String name : object.propertyNames()) {
            if (!fields.contains(name)) {
                // A name the answer could not hold as text is shown with U+FFFD where it breaks.
                String shown = StorableText.problem(name) == null ? name : shown(name);
                violation(
                        shown,
                        "Unknown field " + quoted(shown) + "; the fields are "
                                + String.join(", ", new TreeSet<>(fields)) + ".");
            }
        }
    }

    private static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                shown.append(c).append(text.charAt(++i));
            } else if (c == '\0' || Character.isSurrogate(c)) {
                shown.append('\uFFFD');
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    /** A value as a message quotes it: whole when short, its start when long. */
    private static String quoted(String text) {
        return "'"
                + (text.codePointCount(0, text.length()) > 80
                        ? text.substring(0, text.offsetByCodePoints(0, 80)) + "…"
                        : text)
                + "'";
    }

    private void add(Violation violation) {
        if (violations.size() < MAX_REPORTED) {
            violations.add(violation);
        }
    }

    /** "a or b", "a, b or c". */
    private static String words(List<String> values) {
        if (values.size() <= 2) {
            return String.join(" or ", values);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.getLast();
    }
}

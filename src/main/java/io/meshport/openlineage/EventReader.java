package io.meshport.openlineage;

import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.Violation;
import io.meshport.openlineage.EventSchema.Shape;
import io.meshport.openlineage.LineageEvent.Input;
import io.meshport.openlineage.LineageEvent.JobName;
import io.meshport.openlineage.PortDataset.QualityAssertion;
import io.meshport.system.StorableText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body of OpenLineage events (one object, or an array of up to {@link #MAX_BATCH})
 * and checks every event: UTF-8 JSON without duplicate keys, text the database can store, the
 * official schema ({@link EventSchema}), and what the ingest needs beyond it (a UUID run id, an
 * event time it can read, names of a bounded length, well-formed data-quality assertions). Every
 * problem of every event is reported at once, pointed at from the event's index in an array.
 */
@Component
class EventReader {

    /** The most events one request may carry. */
    static final int MAX_BATCH = 1_000;

    /** The most bytes (UTF-8) of a namespace, of a job's or dataset's name: they are keys of indexes. */
    static final int MAX_NAMESPACE_BYTES = 500;

    static final int MAX_NAME_BYTES = 2_000;

    /** Problems reported at most, so that a batch of a thousand bad events gets a short answer. */
    static final int MAX_REPORTED = 50;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final EventSchema schema;

    EventReader(EventSchema schema) {
        this.schema = schema;
    }

    /** The events of a body, all valid, or an {@link InvalidDocumentException} naming every problem. */
    List<LineageEvent> read(byte[] body) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw invalid("", "The body is empty: send one OpenLineage event (an object) or an array of them.");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JacksonException e) {
            throw invalid("", "The body is not valid JSON: " + describe(e));
        }
        List<JsonNode> items = new ArrayList<>();
        List<String> at = new ArrayList<>();
        if (tree.isObject()) {
            items.add(tree);
            at.add("");
        } else if (tree.isArray()) {
            if (tree.isEmpty()) {
                throw invalid("", "The array is empty: send at least one OpenLineage event.");
            }
            if (tree.size() > MAX_BATCH) {
                throw invalid(
                        "",
                        "The array holds " + tree.size() + " events; send at most " + MAX_BATCH + " in one request.");
            }
            for (int i = 0; i < tree.size(); i++) {
                items.add(tree.get(i));
                at.add("/" + i);
            }
        } else {
            throw invalid("", "The body must be an OpenLineage event (a JSON object) or an array of them.");
        }
        List<Violation> violations = new ArrayList<>();
        List<LineageEvent> events = new ArrayList<>();
        for (int i = 0; i < items.size() && violations.size() < MAX_REPORTED; i++) {
            LineageEvent event = event(items.get(i), at.get(i), violations);
            if (event != null) {
                events.add(event);
            }
        }
        if (!violations.isEmpty()) {
            List<Violation> reported =
                    violations.size() > MAX_REPORTED ? violations.subList(0, MAX_REPORTED) : violations;
            throw new InvalidDocumentException(
                    items.size() == 1 ? "Invalid OpenLineage event" : "Invalid OpenLineage events", reported);
        }
        return events;
    }

    private @Nullable LineageEvent event(JsonNode node, String at, List<Violation> violations) {
        if (!node.isObject()) {
            violations.add(new Violation(
                    at, "Each item must be an OpenLineage event (a JSON object), not " + kind(node) + "."));
            return null;
        }
        int before = violations.size();
        unstorable(node, at, violations);
        if (violations.size() > before) {
            return null;
        }
        Shape shape =
                node.has("run") ? Shape.RUN : node.has("job") ? Shape.JOB : node.has("dataset") ? Shape.DATASET : null;
        if (shape == null) {
            violations.add(new Violation(
                    at,
                    "Not an OpenLineage event: a RunEvent has run and job, a JobEvent job, a DatasetEvent"
                            + " dataset."));
            return null;
        }
        violations.addAll(schema.violations(shape, node, at));
        if (violations.size() > before) {
            return null;
        }
        Instant eventTime = time(node.path("eventTime").asString(), at + "/eventTime", violations);
        LineageEvent event =
                switch (shape) {
                    case RUN -> {
                        UUID runId = uuid(node.path("run").path("runId").asString(), at + "/run/runId", violations);
                        String eventType = node.hasNonNull("eventType")
                                ? node.get("eventType").asString()
                                : null;
                        RunState state = eventType == null
                                ? RunState.OTHER
                                : RunState.fromWire(eventType).orElse(RunState.OTHER);
                        yield new LineageEvent.RunEvent(
                                at,
                                runId,
                                eventType == null ? null : eventType.toUpperCase(Locale.ROOT),
                                state,
                                eventTime,
                                job(node.path("job"), at + "/job", violations),
                                inputs(node.path("inputs"), at + "/inputs", violations),
                                outputs(node.path("outputs"), at + "/outputs", violations),
                                node);
                    }
                    case JOB ->
                        new LineageEvent.JobEvent(
                                at,
                                eventTime,
                                job(node.path("job"), at + "/job", violations),
                                inputs(node.path("inputs"), at + "/inputs", violations),
                                outputs(node.path("outputs"), at + "/outputs", violations),
                                node);
                    case DATASET ->
                        new LineageEvent.DatasetEvent(
                                at, eventTime, dataset(node.path("dataset"), at + "/dataset", violations), node);
                };
        return violations.size() > before ? null : event;
    }

    private static JobName job(JsonNode job, String at, List<Violation> violations) {
        return new JobName(
                name(job, "namespace", MAX_NAMESPACE_BYTES, at, violations),
                name(job, "name", MAX_NAME_BYTES, at, violations));
    }

    private static DatasetName dataset(JsonNode dataset, String at, List<Violation> violations) {
        return new DatasetName(
                name(dataset, "namespace", MAX_NAMESPACE_BYTES, at, violations),
                name(dataset, "name", MAX_NAME_BYTES, at, violations));
    }

    private static List<Input> inputs(JsonNode inputs, String at, List<Violation> violations) {
        List<Input> read = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode input = inputs.get(i);
            read.add(new Input(
                    dataset(input, at + "/" + i, violations),
                    assertions(
                            input.path("inputFacets").path("dataQualityAssertions"),
                            at + "/" + i + "/inputFacets/dataQualityAssertions",
                            violations)));
        }
        return read;
    }

    private static List<DatasetName> outputs(JsonNode outputs, String at, List<Violation> violations) {
        List<DatasetName> read = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            read.add(dataset(outputs.get(i), at + "/" + i, violations));
        }
        return read;
    }

    /**
     * The {@code dataQualityAssertions} input facet: {@code {"assertions": [{"assertion", "success",
     * "column"?}]}}, as its schema in the OpenLineage specification says.
     */
    private static List<QualityAssertion> assertions(JsonNode facet, String at, List<Violation> violations) {
        if (facet.isMissingNode() || facet.isNull()) {
            return List.of();
        }
        JsonNode assertions = facet.path("assertions");
        if (!assertions.isArray()) {
            violations.add(
                    new Violation(at + "/assertions", "The dataQualityAssertions facet needs an array of assertions."));
            return List.of();
        }
        List<QualityAssertion> read = new ArrayList<>();
        for (int i = 0; i < assertions.size(); i++) {
            JsonNode assertion = assertions.get(i);
            String here = at + "/assertions/" + i;
            JsonNode name = assertion.path("assertion");
            JsonNode success = assertion.path("success");
            JsonNode column = assertion.path("column");
            if (!name.isString() || name.asString().isBlank()) {
                violations.add(new Violation(here + "/assertion", "An assertion needs its name (text)."));
            } else if (!success.isBoolean()) {
                violations.add(new Violation(here + "/success", "An assertion needs success: true or false."));
            } else if (!column.isMissingNode() && !column.isNull() && !column.isString()) {
                violations.add(new Violation(here + "/column", "An assertion's column must be text."));
            } else {
                read.add(new QualityAssertion(
                        name.asString(), success.asBoolean(), column.isString() ? column.asString() : null));
            }
        }
        return read;
    }

    private static String name(JsonNode owner, String field, int maxBytes, String at, List<Violation> violations) {
        String value = owner.path(field).asString("");
        if (value.isBlank()) {
            violations.add(new Violation(at + "/" + field, "The " + field + " must not be empty."));
        } else if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            violations.add(new Violation(
                    at + "/" + field,
                    "The " + field + " is longer than " + maxBytes + " bytes (UTF-8), the most the portal keeps."));
        }
        return value;
    }

    private static UUID uuid(String text, String at, List<Violation> violations) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        violations.add(new Violation(
                at,
                "The runId must be a UUID (such as 0176a8c2-fe01-7439-87e6-56a1a1b4029f), not '" + clip(text) + "'."));
        return new UUID(0, 0);
    }

    /**
     * An RFC 3339 date-time with an offset; one without (as older Python clients sent) is taken as
     * UTC. Years 1 to 9999.
     */
    static Instant time(String text, String at, List<Violation> violations) {
        Instant instant = null;
        try {
            instant = ZonedDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                // reported below
            }
        }
        if (instant == null) {
            violations.add(new Violation(
                    at,
                    "The eventTime must be an RFC 3339 date-time such as 2026-11-22T06:00:00.000Z, not '" + clip(text)
                            + "'."));
            return Instant.EPOCH;
        }
        if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                || !instant.isBefore(Instant.parse("9999-12-31T00:00:00Z"))) {
            violations.add(new Violation(at, "The eventTime must be between the years 1 and 9999."));
            return Instant.EPOCH;
        }
        return instant;
    }

    /** NUL characters and unpaired surrogates, which the database cannot store, with their pointers. */
    private static void unstorable(JsonNode node, String at, List<Violation> violations) {
        if (violations.size() >= MAX_REPORTED) {
            return;
        }
        if (node.isString()) {
            String problem = StorableText.problem(node.asString());
            if (problem != null) {
                violations.add(new Violation(at, "The text " + problem));
            }
        } else if (node.isNumber()) {
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.asDouble())) {
                violations.add(new Violation(at, "The number is out of range."));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unstorable(node.get(i), at + "/" + i, violations);
            }
        } else if (node.isObject()) {
            for (String name : node.propertyNames()) {
                String pointer = at + "/" + escape(name);
                String problem = StorableText.problem(name);
                if (problem != null) {
                    violations.add(new Violation(pointer, "The name " + problem));
                    continue;
                }
                unstorable(node.get(name), pointer, violations);
            }
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("", "The body is not valid UTF-8 text; send JSON encoded as UTF-8.");
        }
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }

    private static String clip(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return message;
    }

    private static InvalidDocumentException invalid(String pointer, String message) {
        return new InvalidDocumentException("Invalid OpenLineage request", pointer, message);
    }
}

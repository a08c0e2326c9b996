package io.meshport.openlineage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenLineage events for tests, in namespaces no other test uses (tests share one database): the
 * sample events of src/test/resources/openlineage with their namespaces and run id made unique, and
 * run, job and dataset events built here.
 */
final class TestEvents {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private TestEvents() {}

    /** A namespace no other test uses. */
    static String namespace(String hint) {
        return hint + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    /**
     * A sample event as published, with every namespace prefixed by {@code namespace} (so {@code
     * my-namespace} becomes {@code <namespace>.my-namespace}), a fresh run id, and its eventTime an
     * hour ago: the samples' own times (2020) are older than the retention window, and an event that
     * old is accepted but not stored.
     */
    static ObjectNode sample(String file, String namespace, @Nullable UUID runId) {
        ObjectNode event = (ObjectNode) JSON.readTree(resource("openlineage/" + file));
        if (event.has("eventTime")) {
            event.put(
                    "eventTime",
                    Instant.now()
                            .minus(java.time.Duration.ofHours(1))
                            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                            .toString());
        }
        prefix(event.path("job"), namespace);
        prefix(event.path("dataset"), namespace);
        event.path("inputs").forEach(input -> prefix(input, namespace));
        event.path("outputs").forEach(output -> prefix(output, namespace));
        if (runId != null && event.path("run") instanceof ObjectNode run) {
            run.put("runId", runId.toString());
        }
        return event;
    }

    private static void prefix(JsonNode named, String namespace) {
        if (named instanceof ObjectNode object && object.has("namespace")) {
            object.put("namespace", namespace + "." + object.get("namespace").asString());
        }
    }

    /** A RunEvent of the job {@code namespace/job} reading and writing datasets of {@code namespace}. */
    static ObjectNode run(
            @Nullable String eventType,
            UUID runId,
            String namespace,
            String job,
            Instant eventTime,
            List<String> inputs,
            List<String> outputs) {
        ObjectNode event = base(eventTime);
        if (eventType != null) {
            event.put("eventType", eventType);
        }
        event.putObject("run").put("runId", runId.toString());
        event.putObject("job").put("namespace", namespace).put("name", job);
        datasets(event.putArray("inputs"), namespace, inputs);
        datasets(event.putArray("outputs"), namespace, outputs);
        event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        return event;
    }

    static ObjectNode job(String namespace, String job, Instant eventTime, List<String> inputs, List<String> outputs) {
        ObjectNode event = base(eventTime);
        event.putObject("job").put("namespace", namespace).put("name", job);
        datasets(event.putArray("inputs"), namespace, inputs);
        datasets(event.putArray("outputs"), namespace, outputs);
        event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent");
        return event;
    }

    static ObjectNode dataset(String namespace, String name, Instant eventTime) {
        ObjectNode event = base(eventTime);
        event.putObject("dataset").put("namespace", namespace).put("name", name);
        event.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent");
        return event;
    }

    /** The data-quality assertions facet on an input of a run event. */
    static ObjectNode withAssertions(
            ObjectNode run, int input, String assertion, boolean success, @Nullable String column) {
        ObjectNode facet = ((ObjectNode) run.path("inputs").get(input))
                .putObject("inputFacets")
                .putObject("dataQualityAssertions");
        facet.put("_producer", "https://example.com/great-expectations");
        facet.put("_schemaURL", "https://openlineage.io/spec/facets/1-0-1/DataQualityAssertionsDatasetFacet.json");
        ObjectNode item = facet.putArray("assertions").addObject();
        item.put("assertion", assertion).put("success", success);
        if (column != null) {
            item.put("column", column);
        }
        return run;
    }

    static String array(JsonNode... events) {
        ArrayNode array = JSON.createArrayNode();
        for (JsonNode event : events) {
            array.add(event);
        }
        return JSON.writeValueAsString(array);
    }

    static String json(JsonNode event) {
        return JSON.writeValueAsString(event);
    }

    private static ObjectNode base(Instant eventTime) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventTime", eventTime.toString());
        event.put("producer", "https://github.com/meshport/tests");
        return event;
    }

    private static void datasets(ArrayNode array, String namespace, List<String> names) {
        for (String name : names) {
            array.addObject().put("namespace", namespace).put("name", name);
        }
    }

    static String resource(String path) {
        try (InputStream in = TestEvents.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

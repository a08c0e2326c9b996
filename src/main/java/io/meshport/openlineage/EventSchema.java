package io.meshport.openlineage;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.meshport.catalog.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The OpenLineage core specification's JSON schema (2-0-2, draft 2020-12), as published, checked
 * offline: its {@code $id} is mapped to the copy on the classpath and nothing is fetched from the
 * network. An event is checked against the definition of its shape (a RunEvent has a run, a
 * JobEvent a job and no run, a DatasetEvent a dataset and neither), which gives errors that point
 * at the event's own fields rather than the three branches of the schema's {@code oneOf}; then
 * against the whole schema, so that what the schema refuses is refused. In draft 2020-12 {@code
 * format} is an annotation, as the schema is written: {@link EventReader} checks run ids and event
 * times itself.
 */
@Component
class EventSchema {

    /** The schema's {@code $id}. */
    static final String ID = "https://openlineage.io/spec/2-0-2/OpenLineage.json";

    enum Shape {
        RUN("RunEvent"),
        JOB("JobEvent"),
        DATASET("DatasetEvent");

        final String definition;

        Shape(String definition) {
            this.definition = definition;
        }
    }

    private final Schema whole;
    private final Map<Shape, Schema> shapes;

    EventSchema() {
        String text = read("openlineage/OpenLineage.json");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(ID, text))
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        this.whole = registry.getSchema(SchemaLocation.of(ID));
        this.shapes = Map.of(
                Shape.RUN, definition(registry, Shape.RUN),
                Shape.JOB, definition(registry, Shape.JOB),
                Shape.DATASET, definition(registry, Shape.DATASET));
    }

    /** Violations of the schema, pointed at from {@code at} (the event's place in the body). */
    List<Violation> violations(Shape shape, JsonNode event, String at) {
        List<Violation> violations = new ArrayList<>();
        for (Error error : shapes.get(shape).validate(event)) {
            violations.add(new Violation(at + pointer(error), message(error)));
        }
        if (violations.isEmpty() && !whole.validate(event).isEmpty()) {
            violations.add(new Violation(
                    at,
                    "The event must be exactly one of RunEvent (run and job), JobEvent (job, no run) and"
                            + " DatasetEvent (dataset, not both run and job)."));
        }
        violations.sort(Comparator.comparing(Violation::pointer));
        return violations;
    }

    private static Schema definition(SchemaRegistry registry, Shape shape) {
        return registry.getSchema(SchemaLocation.of(ID + "#/$defs/" + shape.definition));
    }

    /** The validator names the property for some keywords; the pointer then ends with it. */
    private static String pointer(Error error) {
        StringBuilder pointer = new StringBuilder();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            pointer.append('/').append(EventReader.escape(String.valueOf(location.getElement(i))));
        }
        if (error.getProperty() != null && "required".equals(error.getKeyword())) {
            pointer.append('/').append(EventReader.escape(error.getProperty()));
        }
        return pointer.toString();
    }

    /** The validator's message starts with the instance location, which the pointer already says. */
    private static String message(Error error) {
        String message = error.getMessage();
        return message.startsWith("$") && message.contains(": ")
                ? message.substring(message.indexOf(": ") + 2)
                : message;
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenLineage schema " + path + " is missing from the classpath", e);
        }
    }
}

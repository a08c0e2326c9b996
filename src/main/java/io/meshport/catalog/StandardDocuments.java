package io.meshport.catalog;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
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
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads ODPS and ODCS documents and checks them against the standards' official JSON schemas
 * (draft 2019-09): every ODPS document against v1.0.0 (whose {@code apiVersion} accepts v0.9.0
 * too), every ODCS document against the schema of its own {@code apiVersion}.
 */
@Component
class StandardDocuments {

    enum Kind {
        PRODUCT("data product"),
        CONTRACT("data contract");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A document as published, parsed. */
    record Parsed(JsonNode tree, String source, DocumentFormat format) {}

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();

    private static final Map<String, String> ODCS_SCHEMAS = Map.of(
            "v3.0.0", "odcs-json-schema-v3.0.0.json",
            "v3.0.1", "odcs-json-schema-v3.0.1.json",
            "v3.0.2", "odcs-json-schema-v3.0.2.json",
            "v3.1.0", "odcs-json-schema-v3.1.0.json");

    private final Schema odps;
    private final Map<String, Schema> odcs;

    StandardDocuments() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09);
        this.odps = load(registry, "odps-json-schema-v1.0.0.json");
        this.odcs = Map.ofEntries(ODCS_SCHEMAS.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), load(registry, e.getValue())))
                .toArray(Map.Entry[]::new));
    }

    /** Parses the text; malformed input, duplicate keys or a non-object give a violation. */
    Parsed parse(Kind kind, String text, DocumentFormat format) {
        if (text.isBlank()) {
            throw new InvalidDocumentException("Empty " + kind.label, "", "The document is empty.");
        }
        JsonNode tree;
        try {
            tree = (format == DocumentFormat.JSON ? JSON : YAML).readTree(text);
        } catch (JacksonException e) {
            throw new InvalidDocumentException(
                    "Unreadable " + kind.label, "", "Not valid " + format.name() + ": " + describe(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidDocumentException(
                    "Unreadable " + kind.label, "", "A " + kind.label + " document must be an object (a mapping).");
        }
        List<Violation> unstorable = new ArrayList<>();
        unstorable(tree, "", unstorable);
        if (!unstorable.isEmpty()) {
            throw new InvalidDocumentException("Unstorable " + kind.label, unstorable);
        }
        return new Parsed(tree, text, format);
    }

    /**
     * Values the database cannot hold, found with their pointers: NUL characters and unpaired
     * surrogates in names and strings, numbers beyond a 64-bit float ({@code 1e999999}, {@code .inf}).
     */
    private static void unstorable(JsonNode node, String at, List<Violation> violations) {
        if (violations.size() >= 20) {
            return;
        }
        if (node.isString()) {
            String problem = io.meshport.system.StorableText.problem(node.asString());
            if (problem != null) {
                violations.add(new Violation(at, "The text " + problem));
            }
        } else if (node.isNumber()) {
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.asDouble())) {
                violations.add(new Violation(
                        at, "The number is out of range: numbers must be finite and within ±1.7976931348623157e308."));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unstorable(node.get(i), at + "/" + i, violations);
            }
        } else if (node.isObject()) {
            for (String name : node.propertyNames()) {
                String pointer = at + "/" + escape(name);
                String problem = io.meshport.system.StorableText.problem(name);
                if (problem != null) {
                    violations.add(new Violation(pointer, "The name " + problem));
                    continue;
                }
                unstorable(node.get(name), pointer, violations);
            }
        }
    }

    /** Violations of the official schema, ordered by where they are. */
    List<Violation> schemaViolations(Kind kind, JsonNode document) {
        Schema schema;
        if (kind == Kind.PRODUCT) {
            schema = odps;
        } else {
            String apiVersion = document.path("apiVersion").asString("");
            schema = odcs.get(apiVersion);
            if (schema == null) {
                return List.of(new Violation(
                        "/apiVersion",
                        "ODCS apiVersion must be one of "
                                + ODCS_SCHEMAS.keySet().stream().sorted().toList()
                                + (apiVersion.isEmpty() ? "" : ", not '" + apiVersion + "'")));
            }
        }
        List<Violation> violations = new ArrayList<>();
        for (Error error : schema.validate(document)) {
            violations.add(new Violation(pointer(error), error.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::pointer));
        return violations;
    }

    String toJson(Parsed parsed) {
        return parsed.format() == DocumentFormat.JSON ? parsed.source() : JSON.writeValueAsString(parsed.tree());
    }

    /** The document in the format asked for: as published when it was published so. */
    String render(String source, DocumentFormat stored, DocumentFormat wanted) {
        if (stored == wanted) {
            return source;
        }
        JsonNode tree = (stored == DocumentFormat.JSON ? JSON : YAML).readTree(source);
        return wanted == DocumentFormat.JSON ? JSON.writeValueAsString(tree) : YAML.writeValueAsString(tree);
    }

    JsonNode tree(String source, DocumentFormat format) {
        return (format == DocumentFormat.JSON ? JSON : YAML).readTree(source);
    }

    /** A document as history keeps it, whose format is not recorded: JSON, or else YAML. */
    JsonNode storedTree(String source) {
        try {
            return JSON.readTree(source);
        } catch (JacksonException e) {
            return YAML.readTree(source);
        }
    }

    /** The schema library reports where the error is, and for some keywords which property. */
    private static String pointer(Error error) {
        StringBuilder pointer = new StringBuilder();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(location.getElement(i))));
        }
        String keyword = error.getKeyword();
        if (error.getProperty() != null
                && ("required".equals(keyword)
                        || "additionalProperties".equals(keyword)
                        || "unevaluatedProperties".equals(keyword)
                        || "dependentRequired".equals(keyword))) {
            pointer.append('/').append(escape(error.getProperty()));
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return message;
    }

    private static Schema load(SchemaRegistry registry, String file) {
        try (InputStream in = new ClassPathResource("standards/" + file).getInputStream()) {
            return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("Schema " + file + " is missing from the classpath", e);
        }
    }
}

package io.meshport.publishing.ui;

import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A new product's form filled from a dataset pipelines report ({@code
 * create?datasetNamespace=...&datasetName=...}, from the "Pipeline datasets" page): an id and name
 * suggested from the dataset's last name part, and one output port that maps the dataset
 * explicitly ({@code customProperties} {@code openlineageDatasets}, docs/decisions/0030), so that
 * once published, runs touching it are this product's.
 */
final class DatasetPrefill {

    static final String MAPPING_PROPERTY = "openlineageDatasets";
    private static final int LONGEST = 1000;

    private DatasetPrefill() {}

    /** The document to fill the form with; empty unless both parameters are given and sound. */
    static Optional<ObjectNode> of(QueryParameters parameters, @Nullable String team) {
        String namespace = single(parameters, "datasetNamespace");
        String name = single(parameters, "datasetName");
        if (namespace == null || name == null) {
            return Optional.empty();
        }
        String slug = slug(name);
        ObjectNode document = Documents.JSON.createObjectNode();
        document.put("apiVersion", "v1.0.0");
        document.put("kind", "DataProduct");
        document.put("id", slug);
        document.put("name", title(slug));
        document.put("status", "draft");
        if (team != null) {
            document.putObject("team").put("name", team);
        }
        ObjectNode port = document.putArray("outputPorts").addObject();
        port.put("name", slug);
        port.put("version", "1.0.0");
        port.put(
                "description",
                "The dataset " + namespace + (name.startsWith("/") ? "" : "/") + name + " as pipelines report it.");
        ObjectNode property = port.putArray("customProperties").addObject();
        property.put("property", MAPPING_PROPERTY);
        ArrayNode value = property.putArray("value");
        value.addObject().put("namespace", namespace).put("name", name);
        return Optional.of(document);
    }

    /**
     * An id from a dataset's name: its last part ({@code analytics.public.orders} → {@code orders},
     * {@code exports/daily_orders.csv} → {@code daily-orders}), in lower case with dashes.
     */
    static String slug(String datasetName) {
        String last = datasetName;
        if (last.contains("/")) {
            List<String> segments =
                    List.of(last.split("/")).stream().filter(s -> !s.isBlank()).toList();
            last = segments.isEmpty() ? "" : segments.getLast();
            int dot = last.lastIndexOf('.');
            last = dot > 0 ? last.substring(0, dot) : last;
        } else {
            List<String> parts = List.of(last.split("[.:]")).stream()
                    .filter(s -> !s.isBlank())
                    .toList();
            last = parts.isEmpty() ? "" : parts.getLast();
        }
        String slug =
                last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "dataset" : slug;
    }

    /** {@code daily-orders} → {@code Daily orders}. */
    static String title(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static @Nullable String single(QueryParameters parameters, String name) {
        List<String> values = parameters.getParameters().getOrDefault(name, List.of());
        if (values.size() != 1) {
            return null;
        }
        String value = values.getFirst();
        if (value.isBlank() || value.length() > LONGEST || value.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        return value;
    }
}

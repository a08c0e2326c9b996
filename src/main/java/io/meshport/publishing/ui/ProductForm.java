package io.meshport.publishing.ui;

import io.meshport.catalog.ProductStatus;
import io.meshport.catalog.Violation;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the form edits of a product's own ODPS fields, plain values a {@code Binder} binds, and
 * how they map to the loaded document. The mapping is lossless: a value is written back only when
 * it differs from what was loaded, and everything the form does not show stays as it was
 * (docs/decisions/0014-form-edits-loaded-documents.md).
 */
final class ProductForm {

    /** The document as loaded, kept whole; deprecation notes are the only thing added to it. */
    private final ObjectNode base;
    /** A pristine copy of what was loaded, to tell what the person changed. */
    private final ObjectNode loaded;

    private String name = "";
    private String id = "";
    private @Nullable String domain;
    private String version = "1.0.0";
    private List<String> tags = List.of();
    private String purpose = "";
    private String limitations = "";
    private String usage = "";
    private @Nullable String team;

    private ProductForm(ObjectNode document) {
        base = document;
        loaded = document.deepCopy();
    }

    /** A new product: nothing loaded. */
    static ProductForm blank() {
        return new ProductForm(Documents.JSON.createObjectNode());
    }

    /**
     * The form of a loaded (or imported) document. The id of an edited product is the one in
     * the URL; a team shows only when the caller may publish for it.
     */
    static ProductForm of(ObjectNode document, @Nullable String editedId, List<String> publishableTeams) {
        ProductForm form = new ProductForm(document);
        form.name = Documents.text(document, "name");
        form.id = editedId == null ? Documents.text(document, "id") : editedId;
        String domainValue = Documents.text(document, "domain");
        form.domain = domainValue.isEmpty() ? null : domainValue;
        form.version = Documents.text(document, "version");
        form.tags = tagsOf(document);
        JsonNode description = document.path("description");
        form.purpose = Documents.text(description, "purpose");
        form.limitations = Documents.text(description, "limitations");
        form.usage = Documents.text(description, "usage");
        String teamName = Documents.text(document.path("team"), "name");
        form.team = !teamName.isEmpty() && publishableTeams.contains(teamName) ? teamName : null;
        return form;
    }

    /**
     * The form's own rules, beside the service's: a product needs a name here, although ODPS
     * (and so the API) does not ask for one.
     */
    List<Violation> problems() {
        return name.isBlank() ? List.of(new Violation("/name", "The product needs a name.")) : List.of();
    }

    /** The status the loaded document gives; an unknown one reads as a draft. */
    ProductStatus loadedStatus() {
        try {
            return ProductStatus.fromValue(Documents.text(loaded, "status"));
        } catch (IllegalArgumentException e) {
            return ProductStatus.DRAFT;
        }
    }

    /**
     * The ODPS document the form describes, with the given status and the ports and support
     * channels as their editors write them (an empty list removes the key).
     */
    ObjectNode document(
            ProductStatus status, List<ObjectNode> outputPorts, List<ObjectNode> inputPorts, List<ObjectNode> support) {
        ObjectNode document = base.deepCopy();
        if (!document.has("apiVersion")) {
            document.put("apiVersion", "v1.0.0");
        }
        document.put("kind", "DataProduct");
        writeFields(document);
        document.put("status", status.value());
        writeList(document, "outputPorts", outputPorts);
        writeList(document, "inputPorts", inputPorts);
        writeList(document, "support", support);
        return document;
    }

    private void writeFields(ObjectNode document) {
        document.put("id", id.strip());
        Documents.edit(document, "name", Documents.text(loaded, "name"), name);
        Documents.edit(document, "version", Documents.text(loaded, "version"), version);
        Documents.edit(document, "domain", Documents.text(loaded, "domain"), domain);
        if (!tags.equals(tagsOf(loaded))) {
            if (tags.isEmpty()) {
                document.remove("tags");
            } else {
                ArrayNode tagArray = document.putArray("tags");
                tags.forEach(tagArray::add);
            }
        }
        JsonNode before = loaded.path("description");
        ObjectNode description = Documents.object(document, "description");
        Documents.edit(description, "purpose", Documents.text(before, "purpose"), purpose);
        Documents.edit(description, "limitations", Documents.text(before, "limitations"), limitations);
        Documents.edit(description, "usage", Documents.text(before, "usage"), usage);
        if (description.isEmpty() && !loaded.has("description")) {
            document.remove("description");
        }
        if (team != null && !Objects.equals(team, Documents.text(loaded.path("team"), "name"))) {
            Documents.object(document, "team").put("name", team);
        }
    }

    /** Notes successor and sunset date as ODPS custom properties, replacing earlier ones. */
    void deprecate(@Nullable String successor, @Nullable LocalDate sunset) {
        ArrayNode properties = base.get("customProperties") instanceof ArrayNode existing
                ? existing
                : base.putArray("customProperties");
        for (int i = properties.size() - 1; i >= 0; i--) {
            String property = properties.get(i).path("property").asString("");
            if (property.equals("successor") || property.equals("sunsetDate")) {
                properties.remove(i);
            }
        }
        if (successor != null) {
            properties.addObject().put("property", "successor").put("value", successor);
        }
        if (sunset != null) {
            properties.addObject().put("property", "sunsetDate").put("value", sunset.toString());
        }
        if (properties.isEmpty()) {
            base.remove("customProperties");
        }
    }

    /** A readable id from a name: "Stock Trades (EU)" becomes "stock-trades-eu". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }

    private static void writeList(ObjectNode document, String field, List<ObjectNode> items) {
        if (items.isEmpty()) {
            document.remove(field);
        } else {
            ArrayNode array = document.putArray(field);
            items.forEach(array::add);
        }
    }

    private static List<String> tagsOf(JsonNode document) {
        List<String> values = new ArrayList<>();
        document.path("tags").forEach(tag -> values.add(tag.asString()));
        return values;
    }

    // The bound properties.

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = Objects.requireNonNullElse(name, "");
    }

    String getId() {
        return id;
    }

    void setId(String id) {
        this.id = Objects.requireNonNullElse(id, "");
    }

    @Nullable
    String getDomain() {
        return domain;
    }

    void setDomain(@Nullable String domain) {
        this.domain = domain;
    }

    String getVersion() {
        return version;
    }

    void setVersion(String version) {
        this.version = Objects.requireNonNullElse(version, "");
    }

    List<String> getTags() {
        return tags;
    }

    void setTags(List<String> tags) {
        this.tags = List.copyOf(tags);
    }

    String getPurpose() {
        return purpose;
    }

    void setPurpose(String purpose) {
        this.purpose = Objects.requireNonNullElse(purpose, "");
    }

    String getLimitations() {
        return limitations;
    }

    void setLimitations(String limitations) {
        this.limitations = Objects.requireNonNullElse(limitations, "");
    }

    String getUsage() {
        return usage;
    }

    void setUsage(String usage) {
        this.usage = Objects.requireNonNullElse(usage, "");
    }

    @Nullable
    String getTeam() {
        return team;
    }

    void setTeam(@Nullable String team) {
        this.team = team;
    }
}

package io.meshport.catalog.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.meshport.catalog.CatalogRules;
import io.meshport.catalog.DataProductSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The product's own fields, identity and description, and how they map to the ODPS document: a
 * field is written back only when the person changed it, so the rest stays as loaded.
 */
final class ProductFields {

    final TextField name = new TextField("Name");
    final TextField id = new TextField("Id");
    final ComboBox<String> domain = new ComboBox<>("Domain");
    final TextField version = new TextField("Version");
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tags");
    final TextArea purpose = new TextArea("Purpose (Markdown)");
    final TextArea limitations = new TextArea("Limitations");
    final TextArea usage = new TextArea("Usage");
    final Select<String> team = new Select<>();
    private ObjectNode loaded = Documents.JSON.createObjectNode();
    private boolean idEdited;

    /**
     * @param editing whether an existing product is edited (its id is then fixed)
     * @param onChange runs after every change
     */
    ProductFields(List<String> domains, List<String> teams, boolean editing, Runnable onChange) {
        name.setRequiredIndicatorVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(e -> {
            if (!idEdited && !editing) {
                id.setValue(ProductFormView.slug(e.getValue()));
            }
        });
        warnAboutSameName(Optional.empty());
        id.setHelperText("Stable and unique; suggested from the name");
        id.setReadOnly(editing);
        id.setValueChangeMode(ValueChangeMode.LAZY);
        id.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                idEdited = true;
            }
        });
        domain.setItems(domains);
        domain.setAllowCustomValue(true);
        domain.addCustomValueSetListener(e -> domain.setValue(e.getDetail()));
        domain.setHelperText("Pick one or type a new domain");
        version.setValue("1.0.0");
        version.setHelperText("Semantic version, e.g. 1.0.0");
        version.setValueChangeMode(ValueChangeMode.LAZY);
        tags.setAllowCustomValue(true);
        tags.setItems(new ArrayList<>());
        tags.addCustomValueSetListener(e -> {
            LinkedHashSet<String> values = new LinkedHashSet<>(tags.getValue());
            values.add(e.getDetail().strip().toLowerCase(Locale.ROOT));
            tags.setItems(new ArrayList<>(values));
            tags.setValue(values);
        });
        purpose.setHelperText("What the data is for; Markdown");
        purpose.setValueChangeMode(ValueChangeMode.LAZY);
        team.setLabel("Owning team");
        team.setItems(teams);
        team.setHelperText("Only its members can change the product");
        name.addValueChangeListener(e -> onChange.run());
        id.addValueChangeListener(e -> onChange.run());
        domain.addValueChangeListener(e -> onChange.run());
        version.addValueChangeListener(e -> onChange.run());
        tags.addValueChangeListener(e -> onChange.run());
        purpose.addValueChangeListener(e -> onChange.run());
        team.addValueChangeListener(e -> onChange.run());
    }

    FormLayout identity() {
        FormLayout identity = new FormLayout(name, id, domain, version, team, tags);
        identity.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        return identity;
    }

    FormLayout description() {
        FormLayout description = new FormLayout(purpose, limitations, usage);
        description.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        return description;
    }

    /** The fields that can show a problem, in reading order. */
    List<HasValidation> all() {
        return List.of(name, id, domain, version, team, tags, purpose);
    }

    /** The field a JSON pointer of the document names, if it is one of these. */
    @Nullable
    HasValidation at(String pointer) {
        return switch (pointer) {
            case "/name" -> name;
            case "/id" -> id;
            case "/domain" -> domain;
            case "/version" -> version;
            case "/description/purpose" -> purpose;
            case "/team/name", "/team" -> team;
            default -> pointer.startsWith("/tags") ? tags : null;
        };
    }

    /** Shows a document's values; the id of an edited product is the one in the URL. */
    void read(ObjectNode document, @Nullable String editedId, List<String> publishableTeams) {
        loaded = document.deepCopy();
        name.setValue(Documents.text(document, "name"));
        if (editedId == null) {
            id.setValue(Documents.text(document, "id"));
            idEdited = !id.getValue().isBlank();
        } else {
            id.setValue(editedId);
            idEdited = true;
        }
        String domainValue = Documents.text(document, "domain");
        domain.setValue(domainValue.isEmpty() ? null : domainValue);
        version.setValue(Documents.text(document, "version"));
        List<String> tagValues = tagsOf(document);
        tags.setItems(tagValues);
        tags.setValue(new LinkedHashSet<>(tagValues));
        JsonNode description = document.path("description");
        purpose.setValue(Documents.text(description, "purpose"));
        limitations.setValue(Documents.text(description, "limitations"));
        usage.setValue(Documents.text(description, "usage"));
        String teamName = Documents.text(document.path("team"), "name");
        if (!teamName.isEmpty() && publishableTeams.contains(teamName)) {
            team.setValue(teamName);
        }
    }

    /** Writes what the person changed into {@code document} (a copy of the loaded one). */
    void write(ObjectNode document) {
        document.put("id", id.getValue().strip());
        Documents.edit(document, "name", Documents.text(loaded, "name"), name.getValue());
        Documents.edit(document, "version", Documents.text(loaded, "version"), version.getValue());
        Documents.edit(document, "domain", Documents.text(loaded, "domain"), domain.getValue());
        if (!new ArrayList<>(tags.getValue()).equals(tagsOf(loaded))) {
            if (tags.getValue().isEmpty()) {
                document.remove("tags");
            } else {
                ArrayNode tagArray = document.putArray("tags");
                tags.getValue().forEach(tagArray::add);
            }
        }
        JsonNode before = loaded.path("description");
        ObjectNode description = Documents.object(document, "description");
        Documents.edit(description, "purpose", Documents.text(before, "purpose"), purpose.getValue());
        Documents.edit(description, "limitations", Documents.text(before, "limitations"), limitations.getValue());
        Documents.edit(description, "usage", Documents.text(before, "usage"), usage.getValue());
        if (description.isEmpty() && !loaded.has("description")) {
            document.remove("description");
        }
        if (team.getValue() != null && !Objects.equals(team.getValue(), Documents.text(loaded.path("team"), "name"))) {
            Documents.object(document, "team").put("name", team.getValue());
        }
    }

    /** Another team's product of the same name is a warning beside the name, not an error. */
    void warnAboutSameName(Optional<DataProductSummary> other) {
        name.setHelperText(other.map(ProductFields::sameNameWarning)
                .orElse("At most " + CatalogRules.MAX_NAME_LENGTH + " characters"));
        name.getElement().getThemeList().set("warning", other.isPresent());
    }

    static String sameNameWarning(DataProductSummary other) {
        return "Team " + other.ownerTeam() + " already has a product named '" + other.name() + "' (" + other.id()
                + ").";
    }

    private static List<String> tagsOf(JsonNode document) {
        List<String> values = new ArrayList<>();
        document.path("tags").forEach(tag -> values.add(tag.asString()));
        return values;
    }
}

package io.meshport.publishing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H6;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One object (table, topic ...) of a contract's schema and its fields. Each object of a loaded
 * contract keeps its own section, so that importing a contract with several objects does not
 * merge them; a field keeps every key of the loaded property that the row does not show.
 */
class SchemaObjectEditor extends VerticalLayout {

    static final List<String> TYPES =
            List.of("string", "integer", "number", "boolean", "date", "timestamp", "time", "object", "array");
    static final List<String> CLASSIFICATIONS = List.of("public", "internal", "confidential", "restricted", "pii");

    private final @Nullable ObjectNode original;
    private final VerticalLayout fields = new VerticalLayout();
    private final List<FieldRow> rows = new ArrayList<>();
    private final Runnable onChange;

    SchemaObjectEditor(@Nullable ObjectNode original, Runnable onChange) {
        this.original = original;
        this.onChange = onChange;
        setPadding(false);
        addClassName("schema-object");
        fields.setPadding(false);
        String objectName = original == null ? "" : Documents.text(original, "name");
        if (!objectName.isEmpty()) {
            add(new H6(objectName));
        }
        if (original != null) {
            for (JsonNode property : original.path("properties")) {
                addField(Documents.copy(property));
            }
        }
        Button addField = new Button(
                objectName.isEmpty() ? "Add schema field" : "Add field to " + objectName,
                VaadinIcon.PLUS.create(),
                click -> {
                    addField(null);
                    onChange.run();
                });
        addField.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(fields, addField);
    }

    private void addField(@Nullable ObjectNode property) {
        FieldRow row = new FieldRow(property);
        rows.add(row);
        fields.add(row);
    }

    /**
     * The schema object: the loaded one with its fields as edited, or for an object started in
     * the form one named {@code newName}, when it has fields.
     */
    Optional<ObjectNode> write(String newName) {
        ArrayNode properties = Documents.JSON.createArrayNode();
        rows.forEach(row -> row.write().ifPresent(properties::add));
        if (original == null) {
            if (properties.isEmpty()) {
                return Optional.empty();
            }
            ObjectNode object = Documents.JSON.createObjectNode();
            object.put("name", newName);
            object.put("logicalType", "object");
            object.set("properties", properties);
            return Optional.of(object);
        }
        ObjectNode object = original.deepCopy();
        if (original.has("properties") || !properties.isEmpty()) {
            object.set("properties", properties);
        }
        return Optional.of(object);
    }

    private final class FieldRow extends HorizontalLayout {
        final TextField name = new TextField("Field name");
        final Select<String> type = new Select<>();
        final Checkbox required = new Checkbox("Required");
        final TextField description = new TextField("Description");
        final Select<String> classification = new Select<>();
        private final @Nullable ObjectNode property;
        private final String loadedName;
        private final @Nullable String loadedType;
        private final boolean loadedRequired;
        private final String loadedDescription;
        private final @Nullable String loadedClassification;

        FieldRow(@Nullable ObjectNode property) {
            this.property = property;
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWidthFull();
            type.setLabel("Type");
            classification.setLabel("Classification");
            classification.setEmptySelectionAllowed(true);
            classification.setEmptySelectionCaption("none");
            String typeText = property == null ? "string" : Documents.text(property, "logicalType");
            String classificationText = property == null ? "" : Documents.text(property, "classification");
            type.setItems(withValue(TYPES, typeText));
            type.setEmptySelectionAllowed(property != null && typeText.isEmpty());
            classification.setItems(withValue(CLASSIFICATIONS, classificationText));
            name.setValue(property == null ? "" : Documents.text(property, "name"));
            type.setValue(typeText.isEmpty() ? null : typeText);
            required.setValue(property != null && property.path("required").asBoolean(false));
            description.setValue(property == null ? "" : Documents.text(property, "description"));
            classification.setValue(classificationText.isEmpty() ? null : classificationText);
            loadedName = name.getValue();
            loadedType = type.getValue();
            loadedRequired = required.getValue();
            loadedDescription = description.getValue();
            loadedClassification = classification.getValue();

            Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                rows.remove(this);
                fields.remove(this);
                onChange.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            remove.setAriaLabel("Remove field");
            name.addValueChangeListener(e -> onChange.run());
            type.addValueChangeListener(e -> onChange.run());
            required.addValueChangeListener(e -> onChange.run());
            description.addValueChangeListener(e -> onChange.run());
            classification.addValueChangeListener(e -> onChange.run());
            add(name, type, required, description, classification, remove);
            expand(description);
        }

        /** The property, or nothing for a row without a name. */
        Optional<ObjectNode> write() {
            if (name.getValue().isBlank()) {
                return Optional.empty();
            }
            if (property == null) {
                ObjectNode created = Documents.JSON.createObjectNode();
                created.put("name", name.getValue().strip());
                Documents.put(created, "logicalType", type.getValue());
                created.put("required", required.getValue());
                Documents.put(created, "description", description.getValue());
                Documents.put(created, "classification", classification.getValue());
                return Optional.of(created);
            }
            ObjectNode edited = property.deepCopy();
            Documents.edit(edited, "name", loadedName, name.getValue());
            if (!Objects.equals(loadedType, type.getValue())) {
                Documents.put(edited, "logicalType", type.getValue());
            }
            if (loadedRequired != required.getValue()) {
                edited.put("required", required.getValue());
            }
            Documents.edit(edited, "description", loadedDescription, description.getValue());
            if (!Objects.equals(loadedClassification, classification.getValue())) {
                Documents.put(edited, "classification", classification.getValue());
            }
            return Optional.of(edited);
        }
    }

    /** The choices, with a loaded value the editor does not offer added so that it shows. */
    private static List<String> withValue(List<String> choices, String value) {
        if (value.isEmpty() || choices.contains(value)) {
            return choices;
        }
        List<String> extended = new ArrayList<>(choices);
        extended.add(value);
        return extended;
    }
}

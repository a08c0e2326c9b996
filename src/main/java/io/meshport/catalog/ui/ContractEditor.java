package io.meshport.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A data contract defined in the form: schema fields and service levels, written as an ODCS
 * v3.1.0 document owned by the product's team.
 */
class ContractEditor extends VerticalLayout {

    static final List<String> TYPES =
            List.of("string", "integer", "number", "boolean", "date", "timestamp", "object", "array");
    static final List<String> CLASSIFICATIONS = List.of("public", "internal", "confidential", "restricted", "pii");
    static final List<String> UNITS = List.of("m", "h", "d", "w", "y");

    final TextField contractId = new TextField("Contract id");
    private final VerticalLayout fields = new VerticalLayout();
    private final List<FieldRow> rows = new ArrayList<>();
    final NumberField availability = new NumberField("Availability (%)");
    final Duration freshness = new Duration("Freshness (latency)");
    final Duration frequency = new Duration("Update frequency");
    final Duration retention = new Duration("Retention");
    final Duration timeToRepair = new Duration("Time to repair");
    final TextField supportHours = new TextField("Support hours");
    private final Runnable onChange;

    ContractEditor(Runnable onChange) {
        this.onChange = onChange;
        setPadding(false);
        contractId.setHelperText("Other products' input ports name this id");
        contractId.addValueChangeListener(e -> onChange.run());
        fields.setPadding(false);
        Button addField = new Button("Add schema field", VaadinIcon.PLUS.create(), click -> addField(null));
        addField.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        availability.setMin(0);
        availability.setMax(100);
        availability.setStep(0.01);
        availability.setHelperText("e.g. 99.5");
        supportHours.setHelperText("e.g. 08:00-18:00 CET, Mon-Fri");
        availability.addValueChangeListener(e -> onChange.run());
        supportHours.addValueChangeListener(e -> onChange.run());
        FormLayout sla = new FormLayout(availability, freshness, frequency, retention, timeToRepair, supportHours);
        sla.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(contractId, new H5("Schema"), fields, addField, new H5("Service levels"), sla);
    }

    void addField(JsonNode field) {
        FieldRow row = new FieldRow();
        if (field != null) {
            row.name.setValue(Documents.text(field, "name"));
            String type = Documents.text(field, "logicalType");
            if (TYPES.contains(type)) {
                row.type.setValue(type);
            }
            row.required.setValue(field.path("required").asBoolean(false));
            row.description.setValue(Documents.text(field, "description"));
            String classification = Documents.text(field, "classification").toLowerCase(Locale.ROOT);
            if (CLASSIFICATIONS.contains(classification)) {
                row.classification.setValue(classification);
            }
        }
        rows.add(row);
        fields.add(row);
    }

    /** Fills the editor from an ODCS document. */
    void read(JsonNode contract) {
        contractId.setValue(Documents.text(contract, "id"));
        rows.clear();
        fields.removeAll();
        for (JsonNode object : contract.path("schema")) {
            for (JsonNode property : object.path("properties")) {
                addField(property);
            }
        }
        for (JsonNode property : contract.path("slaProperties")) {
            String name = Documents.text(property, "property").toLowerCase(Locale.ROOT);
            String value = Documents.text(property, "value");
            String unit = Documents.text(property, "unit");
            switch (name) {
                case "availability" -> availability.setValue(parse(value));
                case "latency", "freshness" -> freshness.set(value, unit);
                case "frequency" -> frequency.set(value, unit);
                case "retention" -> retention.set(value, unit);
                case "timetorepair" -> timeToRepair.set(value, unit);
                case "supporthours" -> supportHours.setValue(value);
                default -> {
                    // other objectives are kept in the document but not edited here
                }
            }
        }
    }

    /** The ODCS document this editor describes. */
    ObjectNode write(String team, String productName, String objectName) {
        ObjectNode contract = Documents.JSON.createObjectNode();
        contract.put("apiVersion", "v3.1.0");
        contract.put("kind", "DataContract");
        contract.put("id", contractId.getValue().strip());
        contract.put("name", objectName);
        contract.put("version", "1.0.0");
        contract.put("status", "active");
        contract.put("dataProduct", productName);
        contract.putObject("team").put("name", team);
        ArrayNode schema = contract.putArray("schema");
        ObjectNode object = schema.addObject();
        object.put("name", objectName);
        object.put("logicalType", "object");
        ArrayNode properties = object.putArray("properties");
        for (FieldRow row : rows) {
            if (row.name.getValue().isBlank()) {
                continue;
            }
            ObjectNode property = properties.addObject();
            property.put("name", row.name.getValue().strip());
            if (row.type.getValue() != null) {
                property.put("logicalType", row.type.getValue());
            }
            property.put("required", row.required.getValue());
            Documents.put(property, "description", row.description.getValue());
            if (row.classification.getValue() != null) {
                property.put("classification", row.classification.getValue());
            }
        }
        ArrayNode sla = contract.putArray("slaProperties");
        if (availability.getValue() != null) {
            sla.addObject()
                    .put("property", "availability")
                    .put("value", availability.getValue())
                    .put("unit", "percent");
        }
        freshness.write(sla, "latency");
        frequency.write(sla, "frequency");
        retention.write(sla, "retention");
        timeToRepair.write(sla, "timeToRepair");
        if (!supportHours.getValue().isBlank()) {
            sla.addObject()
                    .put("property", "supportHours")
                    .put("value", supportHours.getValue().strip());
        }
        return contract;
    }

    private static Double parse(String value) {
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private class FieldRow extends HorizontalLayout {
        final TextField name = new TextField("Field name");
        final Select<String> type = new Select<>();
        final Checkbox required = new Checkbox("Required");
        final TextField description = new TextField("Description");
        final Select<String> classification = new Select<>();

        FieldRow() {
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWidthFull();
            type.setLabel("Type");
            type.setItems(TYPES);
            type.setValue("string");
            classification.setLabel("Classification");
            classification.setItems(CLASSIFICATIONS);
            classification.setEmptySelectionAllowed(true);
            classification.setEmptySelectionCaption("none");
            Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                rows.remove(this);
                fields.remove(this);
                onChange.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            remove.setAriaLabel("Remove field");
            name.addValueChangeListener(e -> onChange.run());
            add(name, type, required, description, classification, remove);
            expand(description);
        }
    }

    /** A number with a unit, as ODCS writes durations (value 1, unit d). */
    class Duration extends HorizontalLayout {
        final NumberField value;
        final Select<String> unit = new Select<>();

        Duration(String label) {
            value = new NumberField(label);
            value.setMin(0);
            unit.setLabel("Unit");
            unit.setItems(UNITS);
            unit.setValue("d");
            unit.setWidth("6em");
            value.addValueChangeListener(e -> onChange.run());
            setAlignItems(FlexComponent.Alignment.BASELINE);
            add(value, unit);
        }

        void set(String text, String unitText) {
            value.setValue(parse(text));
            if (UNITS.contains(unitText)) {
                unit.setValue(unitText);
            }
        }

        void write(ArrayNode sla, String property) {
            if (value.getValue() != null) {
                double number = value.getValue();
                ObjectNode node = sla.addObject().put("property", property);
                if (number == Math.rint(number)) {
                    node.put("value", (long) number);
                } else {
                    node.put("value", number);
                }
                node.put("unit", unit.getValue());
            }
        }
    }
}

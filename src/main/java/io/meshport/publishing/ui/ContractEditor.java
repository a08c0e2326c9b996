package io.meshport.publishing.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.meshport.catalog.CatalogRules;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A data contract defined in the form: schema fields and service levels of an ODCS v3 document.
 * A loaded document (from the catalog or an import) is edited in place: what the editor does not
 * show (servers, quality, tags, custom properties, other schema objects' details ...) is kept,
 * and what it shows is written back only when the person changed it.
 */
class ContractEditor extends VerticalLayout {

    final TextField contractId = new TextField("Contract id");
    final TextField version = new TextField("Contract version");
    private final VerticalLayout objects = new VerticalLayout();
    private final List<SchemaObjectEditor> objectEditors = new ArrayList<>();
    final NumberField availability = new NumberField("Availability (%)");
    final SlaField.Duration freshness;
    final SlaField.Duration frequency;
    final SlaField.Duration retention;
    final SlaField.Duration timeToRepair;
    final TextField supportHours = new TextField("Support hours");
    private final List<SlaField> slaFields;
    private final Runnable onChange;

    /** The document as loaded, or null for a contract started in the form. */
    private @Nullable ObjectNode loaded;
    /** Whether the loaded document is the catalog's current one (else an import to publish). */
    private boolean stored;
    /** Whether the person typed the id (then it is no longer suggested from the port). */
    private boolean idEdited;

    ContractEditor(Runnable onChange) {
        this.onChange = onChange;
        setPadding(false);
        contractId.setHelperText("Other products' input ports name this id");
        contractId.setValueChangeMode(ValueChangeMode.LAZY);
        contractId.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                idEdited = true;
            }
            onChange.run();
        });
        version.setValue("1.0.0");
        version.setHelperText("Semantic version, e.g. 1.1.0");
        version.setValueChangeMode(ValueChangeMode.LAZY);
        version.addValueChangeListener(e -> {
            checkVersion();
            onChange.run();
        });
        objects.setPadding(false);

        availability.setMin(0);
        availability.setMax(100);
        availability.setStep(0.01);
        availability.setHelperText("e.g. 99.5");
        supportHours.setHelperText("e.g. 08:00-18:00 CET, Mon-Fri");
        freshness = new SlaField.Duration("Freshness (latency)", onChange);
        frequency = new SlaField.Duration("Update frequency", onChange);
        retention = new SlaField.Duration("Retention", onChange);
        timeToRepair = new SlaField.Duration("Time to repair", onChange);
        slaFields = List.of(
                SlaField.number("availability", "percent", availability, List.of("availability")),
                SlaField.duration("latency", freshness, List.of("latency", "freshness")),
                SlaField.duration("frequency", frequency, List.of("frequency")),
                SlaField.duration("retention", retention, List.of("retention")),
                SlaField.duration("timeToRepair", timeToRepair, List.of("timetorepair")),
                SlaField.text("supportHours", supportHours, List.of("supporthours")));
        availability.addValueChangeListener(e -> onChange.run());
        supportHours.addValueChangeListener(e -> onChange.run());
        FormLayout identity = new FormLayout(contractId, version);
        identity.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        FormLayout sla = new FormLayout(availability, freshness, frequency, retention, timeToRepair, supportHours);
        sla.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(identity, new H5("Schema"), objects, new H5("Service levels"), sla);
        showObjects(null);
    }

    /** Fills the editor from an ODCS document: the catalog's ({@code stored}) or an import. */
    void read(JsonNode contract, boolean stored) {
        loaded = Documents.copy(contract);
        this.stored = stored;
        idEdited = true;
        contractId.setValue(Documents.text(contract, "id"));
        version.setValue(Documents.text(contract, "version"));
        showObjects(contract.path("schema"));
        JsonNode sla = contract.path("slaProperties");
        slaFields.forEach(field -> field.read(sla));
    }

    /** Forgets a loaded document: the editor starts a new contract. */
    void clear() {
        loaded = null;
        stored = false;
        idEdited = false;
        contractId.clear();
        version.setValue("1.0.0");
        showObjects(null);
        slaFields.forEach(field -> field.read(Documents.JSON.createArrayNode()));
    }

    boolean isLoaded() {
        return loaded != null;
    }

    /** The catalog's document this editor started from, if any: what saving would replace. */
    @Nullable
    ObjectNode storedDocument() {
        return stored ? loaded : null;
    }

    /** Suggests an id from the port until the person types one; a loaded contract keeps its id. */
    void suggestId(String suggestion) {
        if (loaded == null && !idEdited && !suggestion.equals(contractId.getValue())) {
            contractId.setValue(suggestion);
        }
    }

    private void showObjects(@Nullable JsonNode schema) {
        objects.removeAll();
        objectEditors.clear();
        if (schema != null) {
            for (JsonNode object : schema) {
                SchemaObjectEditor editor = new SchemaObjectEditor(Documents.copy(object), onChange);
                objectEditors.add(editor);
                objects.add(editor);
            }
        }
        if (objectEditors.isEmpty()) {
            SchemaObjectEditor editor = new SchemaObjectEditor(null, onChange);
            objectEditors.add(editor);
            objects.add(editor);
        }
    }

    private void checkVersion() {
        String problem = CatalogRules.versionProblem(version.getValue().strip());
        version.setInvalid(problem != null);
        version.setErrorMessage(problem);
    }

    /** Problems the form can see before saving: the contract's version. */
    @Nullable
    String versionProblem() {
        return CatalogRules.versionProblem(version.getValue().strip());
    }

    /** The ODCS document this editor describes. */
    ObjectNode write(String team, String productName, String objectName) {
        ObjectNode contract;
        if (loaded != null) {
            contract = loaded.deepCopy();
            Documents.edit(contract, "version", Documents.text(loaded, "version"), version.getValue());
        } else {
            contract = Documents.JSON.createObjectNode();
            contract.put("apiVersion", "v3.1.0");
            contract.put("kind", "DataContract");
            contract.put("name", objectName);
            contract.put("version", version.getValue().strip());
            contract.put("status", "active");
            contract.put("dataProduct", productName);
            contract.putObject("team").put("name", team);
        }
        contract.put("id", contractId.getValue().strip());
        boolean hadSchema = loaded != null && loaded.has("schema");
        ArrayNode schema = Documents.JSON.createArrayNode();
        for (SchemaObjectEditor editor : objectEditors) {
            editor.write(objectName).ifPresent(schema::add);
        }
        if (hadSchema || !schema.isEmpty()) {
            contract.set("schema", schema);
        }
        boolean hadSla = loaded != null && loaded.has("slaProperties");
        ArrayNode sla = hadSla && loaded.get("slaProperties").isArray()
                ? (ArrayNode) loaded.get("slaProperties").deepCopy()
                : Documents.JSON.createArrayNode();
        List<Integer> removed = new ArrayList<>();
        slaFields.forEach(field -> field.write(sla, removed));
        removed.stream().sorted((a, b) -> b - a).forEach(index -> sla.remove((int) index));
        if (hadSla || !sla.isEmpty()) {
            contract.set("slaProperties", sla);
        } else {
            contract.remove("slaProperties");
        }
        return contract;
    }
}

package io.meshport.publishing.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the contract form edits of a stored ODCS document: its name, status and description
 * beside the schema and service levels of {@link ContractEditor}. It edits the loaded document in
 * place (0014): a value is written back only when the person changed it, and everything the form
 * does not show (quality rules, servers, roles, custom properties, unknown keys, key order) stays
 * as loaded.
 */
class ContractFields extends VerticalLayout {

    static final List<String> STATUSES = List.of("proposed", "draft", "active", "deprecated", "retired");

    final TextField name = new TextField("Contract name");
    final Select<String> status = new Select<>();
    final TextArea purpose = new TextArea("Purpose");
    final TextArea limitations = new TextArea("Limitations");
    final TextArea usage = new TextArea("Usage");
    final ContractEditor editor;

    private ObjectNode loaded = Documents.JSON.createObjectNode();
    private String loadedName = "";
    private String loadedStatus = "";
    private String loadedPurpose = "";
    private String loadedLimitations = "";
    private String loadedUsage = "";

    ContractFields(Runnable onChange) {
        setPadding(false);
        editor = new ContractEditor(onChange);
        editor.contractId.setReadOnly(true);
        editor.contractId.setHelperText("A contract keeps its id; products name it in their ports");
        status.setLabel("Status");
        name.addValueChangeListener(e -> onChange.run());
        status.addValueChangeListener(e -> onChange.run());
        for (TextArea area : List.of(purpose, limitations, usage)) {
            area.setHelperText("Markdown");
            area.addValueChangeListener(e -> onChange.run());
        }
        FormLayout identity = new FormLayout(name, status);
        identity.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        FormLayout description = new FormLayout(purpose, limitations, usage);
        description.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(identity, description, editor);
    }

    /** Fills the form from the catalog's document. */
    void read(ObjectNode document) {
        loaded = document.deepCopy();
        loadedName = Documents.text(document, "name");
        loadedStatus = Documents.text(document, "status");
        JsonNode description = document.path("description");
        loadedPurpose = description.isString() ? description.asString() : Documents.text(description, "purpose");
        loadedLimitations = Documents.text(description, "limitations");
        loadedUsage = Documents.text(description, "usage");
        name.setValue(loadedName);
        List<String> statuses = new ArrayList<>(STATUSES);
        if (!loadedStatus.isEmpty() && !statuses.contains(loadedStatus)) {
            statuses.add(loadedStatus);
        }
        status.setItems(statuses);
        status.setValue(loadedStatus.isEmpty() ? null : loadedStatus);
        purpose.setValue(loadedPurpose);
        limitations.setValue(loadedLimitations);
        usage.setValue(loadedUsage);
        editor.read(document, true);
    }

    /** The document as the form describes it: the loaded one with the person's changes. */
    ObjectNode write(String team) {
        String objectName = loadedName.isEmpty() ? Documents.text(loaded, "id") : loadedName;
        ObjectNode document = editor.write(team, Documents.text(loaded, "dataProduct"), objectName);
        Documents.edit(document, "name", loadedName, name.getValue());
        if (status.getValue() != null && !status.getValue().equals(loadedStatus)) {
            document.put("status", status.getValue());
        }
        JsonNode description = document.path("description");
        if (description.isString()) {
            Documents.edit(document, "description", loadedPurpose, purpose.getValue());
            return document;
        }
        boolean changed = !purpose.getValue().equals(loadedPurpose)
                || !limitations.getValue().equals(loadedLimitations)
                || !usage.getValue().equals(loadedUsage);
        if (changed) {
            ObjectNode edited = Documents.object(document, "description");
            Documents.edit(edited, "purpose", loadedPurpose, purpose.getValue());
            Documents.edit(edited, "limitations", loadedLimitations, limitations.getValue());
            Documents.edit(edited, "usage", loadedUsage, usage.getValue());
            if (edited.isEmpty()) {
                document.remove("description");
            }
        }
        return document;
    }
}

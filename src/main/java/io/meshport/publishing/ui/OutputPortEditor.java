package io.meshport.publishing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.meshport.catalog.ProductDetails;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One output port: what it is, and its contract: an existing one, or one defined here. A contract
 * of the product's team that is already in the catalog opens in "Define" with its document, so
 * that editing the port edits that contract instead of replacing it with an empty one.
 */
class OutputPortEditor extends VerticalLayout {

    static final String EXISTING = "Use an existing contract";
    static final String DEFINE = "Define the contract here";
    static final List<String> TYPES = List.of("kafka-topic", "table", "file", "api");

    /** Where the editor gets a contract's current document from, and whether the caller may edit it. */
    interface Contracts {
        List<ProductDetails.ContractView> all();

        /** The catalog's document of a contract the caller may change, if there is one. */
        Optional<ObjectNode> editableDocument(String contractId);
    }

    final TextField name = new TextField("Port name");
    final TextField version = new TextField("Port version");
    final Select<String> type = new Select<>();
    final TextArea description = new TextArea("Port description");
    final RadioButtonGroup<String> contractMode = new RadioButtonGroup<>("Data contract");
    final ComboBox<ProductDetails.ContractView> existingContract = new ComboBox<>("Contract");
    final RadioButtonGroup<String> accessApproval = new RadioButtonGroup<>("Access requests are decided");
    final ContractEditor contract;
    private final Contracts contracts;
    private ObjectNode original = Documents.JSON.createObjectNode();

    OutputPortEditor(Contracts contracts, Runnable onChange, Consumer<OutputPortEditor> onRemove) {
        this.contracts = contracts;
        addClassName("repeatable");
        contract = new ContractEditor(onChange);
        version.setValue("1.0.0");
        version.setValueChangeMode(ValueChangeMode.LAZY);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        type.setLabel("Port type");
        type.setItems(TYPES);
        // A port read without a type allows the empty selection, whose label is asked for with null.
        type.setItemLabelGenerator(t -> t == null
                ? ""
                : switch (t) {
                    case "kafka-topic" -> "Kafka topic";
                    case "table" -> "Table";
                    case "file" -> "File";
                    case "api" -> "API";
                    default -> t;
                });
        type.setValue("table");
        existingContract.setItems(contracts.all());
        existingContract.setItemLabelGenerator(c -> c.id() + (c.name() == null ? "" : " — " + c.name()));
        existingContract.setWidthFull();
        contractMode.setItems(DEFINE, EXISTING);
        contractMode.setValue(DEFINE);
        contractMode.addValueChangeListener(e -> {
            if (e.isFromClient() && DEFINE.equals(e.getValue())) {
                defineSelectedContract();
            }
            showMode();
            onChange.run();
        });
        accessApproval.setItems(AccessApproval.OWNERS, AccessApproval.AUTOMATIC);
        accessApproval.setItemLabelGenerator(AccessApproval::label);
        accessApproval.setValue(AccessApproval.OWNERS);
        accessApproval.setHelperText(
                "Automatically: every request is approved at once; provisioning is still reported.");
        accessApproval.addValueChangeListener(e -> onChange.run());
        name.addValueChangeListener(e -> onChange.run());
        version.addValueChangeListener(e -> onChange.run());
        existingContract.addValueChangeListener(e -> onChange.run());
        Button remove = new Button("Remove port", VaadinIcon.TRASH.create(), click -> onRemove.accept(this));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        FormLayout port = new FormLayout(name, version, type, description);
        port.setColspan(description, 3);
        port.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(port, accessApproval, contractMode, existingContract, contract, remove);
        showMode();
    }

    private void showMode() {
        boolean define = DEFINE.equals(contractMode.getValue());
        contract.setVisible(define);
        existingContract.setVisible(!define);
    }

    /**
     * Switching to "Define" with a contract of the caller's team picked edits that contract's
     * document; another team's contract cannot be redefined here, so a new one starts.
     */
    private void defineSelectedContract() {
        ProductDetails.ContractView picked = existingContract.getValue();
        if (picked == null) {
            return;
        }
        Optional<ObjectNode> document = contracts.editableDocument(picked.id());
        if (document.isPresent()) {
            contract.read(document.get(), true);
        } else if (contract.isLoaded() && contract.contractId.getValue().equals(picked.id())) {
            contract.clear();
        }
    }

    /** Fills the editor from an ODPS output port and the contract it names. */
    void read(JsonNode port) {
        original = Documents.copy(port);
        name.setValue(Documents.text(port, "name"));
        version.setValue(Documents.text(port, "version"));
        String portType = Documents.text(port, "type");
        if (portType.isEmpty()) {
            type.setEmptySelectionAllowed(true);
            type.setValue(null);
        } else {
            if (!TYPES.contains(portType)) {
                List<String> types = new java.util.ArrayList<>(TYPES);
                types.add(portType);
                type.setItems(types);
            }
            type.setValue(portType);
        }
        description.setValue(Documents.text(port, "description"));
        accessApproval.setValue(AccessApproval.of(port));
        String contractId = Documents.text(port, "contractId");
        Optional<ProductDetails.ContractView> known =
                contracts.all().stream().filter(c -> c.id().equals(contractId)).findFirst();
        Optional<ObjectNode> editable = known.isPresent() ? contracts.editableDocument(contractId) : Optional.empty();
        if (editable.isPresent()) {
            existingContract.setValue(known.get());
            contract.read(editable.get(), true);
            contractMode.setValue(DEFINE);
        } else if (known.isPresent()) {
            existingContract.setValue(known.get());
            contractMode.setValue(EXISTING);
        } else {
            contract.clear();
            contract.contractId.setValue(contractId);
            contractMode.setValue(DEFINE);
        }
    }

    /** The ODPS output port; unknown properties of the port as loaded are kept. */
    ObjectNode write() {
        ObjectNode port = original.deepCopy();
        Documents.edit(port, "name", Documents.text(original, "name"), name.getValue());
        Documents.edit(port, "version", Documents.text(original, "version"), version.getValue());
        if (!port.has("name")) {
            port.put("name", "");
        }
        if (!port.has("version")) {
            port.put("version", "");
        }
        Documents.edit(port, "type", Documents.text(original, "type"), type.getValue());
        Documents.edit(port, "description", Documents.text(original, "description"), description.getValue());
        AccessApproval.write(port, original, accessApproval.getValue());
        String contractId = contractId();
        if (!Documents.text(original, "contractId").equals(contractId == null ? "" : contractId)) {
            Documents.put(port, "contractId", contractId);
        }
        return port;
    }

    @Nullable
    String contractId() {
        if (EXISTING.equals(contractMode.getValue())) {
            return existingContract.getValue() == null
                    ? null
                    : existingContract.getValue().id();
        }
        String id = contract.contractId.getValue().strip();
        return id.isEmpty() ? null : id;
    }

    /** The contract to publish with the product, when it is defined here. */
    Optional<ObjectNode> inlineContract(String team, String productName) {
        if (!DEFINE.equals(contractMode.getValue()) || contractId() == null) {
            return Optional.empty();
        }
        return Optional.of(contract.write(team, productName, objectName()));
    }

    /** Whether saving would write the contract defined here: new, imported, or edited. */
    boolean contractChanged(String team, String productName) {
        Optional<ObjectNode> written = inlineContract(team, productName);
        ObjectNode stored = contract.storedDocument();
        return written.isPresent() && (stored == null || !stored.equals(written.get()));
    }

    private String objectName() {
        return name.getValue().isBlank() ? "data" : name.getValue().strip();
    }

    /** Suggests the contract id from the product id and the port name, until the person types one. */
    void suggestContractId(String productId) {
        if (!productId.isBlank() && !name.getValue().isBlank()) {
            contract.suggestId(productId + "-" + ProductForm.slug(name.getValue()) + "-v1");
        }
    }
}

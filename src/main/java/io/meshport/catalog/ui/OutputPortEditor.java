package io.meshport.catalog.ui;

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
import io.meshport.catalog.ProductDetails;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One output port: what it is, and its contract (an existing one, or defined here). */
class OutputPortEditor extends VerticalLayout {

    static final String EXISTING = "Use an existing contract";
    static final String DEFINE = "Define the contract here";
    static final List<String> TYPES = List.of("kafka-topic", "table", "file", "api");

    final TextField name = new TextField("Port name");
    final TextField version = new TextField("Port version");
    final Select<String> type = new Select<>();
    final TextArea description = new TextArea("Port description");
    final RadioButtonGroup<String> contractMode = new RadioButtonGroup<>("Data contract");
    final ComboBox<ProductDetails.ContractView> existingContract = new ComboBox<>("Contract");
    final ContractEditor contract;
    private ObjectNode original = Documents.JSON.createObjectNode();

    OutputPortEditor(
            List<ProductDetails.ContractView> contracts, Runnable onChange, Consumer<OutputPortEditor> onRemove) {
        addClassName("repeatable");
        contract = new ContractEditor(onChange);
        version.setValue("1.0.0");
        type.setLabel("Port type");
        type.setItems(TYPES);
        type.setItemLabelGenerator(t -> switch (t) {
            case "kafka-topic" -> "Kafka topic";
            case "table" -> "Table";
            case "file" -> "File";
            default -> "API";
        });
        type.setValue("table");
        existingContract.setItems(contracts);
        existingContract.setItemLabelGenerator(c -> c.id() + (c.name() == null ? "" : " — " + c.name()));
        existingContract.setWidthFull();
        contractMode.setItems(DEFINE, EXISTING);
        contractMode.setValue(DEFINE);
        contractMode.addValueChangeListener(e -> {
            showMode();
            onChange.run();
        });
        name.addValueChangeListener(e -> onChange.run());
        version.addValueChangeListener(e -> onChange.run());
        existingContract.addValueChangeListener(e -> onChange.run());
        Button remove = new Button("Remove port", VaadinIcon.TRASH.create(), click -> onRemove.accept(this));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        FormLayout port = new FormLayout(name, version, type, description);
        port.setColspan(description, 3);
        port.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        add(port, contractMode, existingContract, contract, remove);
        showMode();
    }

    private void showMode() {
        boolean define = DEFINE.equals(contractMode.getValue());
        contract.setVisible(define);
        existingContract.setVisible(!define);
    }

    /** Fills the editor from an ODPS output port; its contract, when in the catalog, is picked. */
    void read(JsonNode port, Optional<ProductDetails.ContractView> known) {
        original = Documents.copy(port);
        name.setValue(Documents.text(port, "name"));
        version.setValue(Documents.text(port, "version"));
        String portType = Documents.text(port, "type");
        if (TYPES.contains(portType)) {
            type.setValue(portType);
        }
        description.setValue(Documents.text(port, "description"));
        String contractId = Documents.text(port, "contractId");
        if (known.isPresent()) {
            existingContract.setValue(known.get());
            contractMode.setValue(EXISTING);
        } else {
            contract.contractId.setValue(contractId);
            contractMode.setValue(DEFINE);
        }
    }

    /** The ODPS output port; unknown properties of the port as loaded are kept. */
    ObjectNode write() {
        ObjectNode port = original.deepCopy();
        port.put("name", name.getValue().strip());
        port.put("version", version.getValue().strip());
        Documents.put(port, "type", type.getValue());
        Documents.put(port, "description", description.getValue());
        Documents.put(port, "contractId", contractId());
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
        return Optional.of(contract.write(
                team,
                productName,
                name.getValue().isBlank() ? "data" : name.getValue().strip()));
    }

    void suggestContractId(String productId) {
        if (contract.contractId.getValue().isBlank()
                && !productId.isBlank()
                && !name.getValue().isBlank()) {
            contract.contractId.setValue(
                    productId + "-" + name.getValue().strip().replace('_', '-') + "-v1");
        }
    }
}

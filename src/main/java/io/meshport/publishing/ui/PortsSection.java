package io.meshport.publishing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.meshport.catalog.PortChoice;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The product's output ports (with their contracts), input ports and support channels. */
final class PortsSection extends VerticalLayout {

    private final EditorList<OutputPortEditor> outputs = new EditorList<>();
    private final EditorList<InputPortEditor> inputs = new EditorList<>();
    private final EditorList<SupportEditor> support = new EditorList<>();
    private final FormContracts contracts;
    private final List<PortChoice> portChoices;
    private final Runnable onChange;
    private final Consumer<HasValidation> watch;
    private final Supplier<String> productId;

    /**
     * @param onChange runs after every change
     * @param watch hears of every field that can show a problem
     * @param productId the product's id as typed, which contract ids are suggested from
     */
    PortsSection(
            FormContracts contracts,
            List<PortChoice> portChoices,
            Runnable onChange,
            Consumer<HasValidation> watch,
            Supplier<String> productId) {
        this.contracts = contracts;
        this.portChoices = portChoices;
        this.onChange = onChange;
        this.watch = watch;
        this.productId = productId;
        setPadding(false);
        add(
                new H3("Output ports"),
                outputs,
                new Button("Add output port", VaadinIcon.PLUS.create(), click -> {
                    addOutput();
                    onChange.run();
                }),
                new H3("Input ports"),
                new Paragraph("Reading another product's output declares the lineage."),
                inputs,
                new Button("Add input port", VaadinIcon.PLUS.create(), click -> {
                    addInput();
                    onChange.run();
                }),
                new H3("Support"),
                support,
                new Button("Add support channel", VaadinIcon.PLUS.create(), click -> addSupport()));
    }

    /** Where problems of the output ports as a whole show. */
    void showOutputErrorsIn(Component errors) {
        addComponentAtIndex(1, errors);
    }

    /** The catalog's contracts as this opening of the form sees them. */
    FormContracts contracts() {
        return contracts;
    }

    List<OutputPortEditor> outputs() {
        return outputs.editors();
    }

    List<InputPortEditor> inputs() {
        return inputs.editors();
    }

    /** Shows the ports and support channels of an ODPS document. */
    void read(JsonNode document) {
        outputs.clear();
        document.path("outputPorts").forEach(port -> addOutput().read(port));
        inputs.clear();
        document.path("inputPorts").forEach(port -> addInput().read(port, portChoices));
        support.clear();
        document.path("support").forEach(channel -> addSupport().read(channel));
    }

    List<ObjectNode> writeOutputs() {
        return outputs.editors().stream().map(OutputPortEditor::write).toList();
    }

    List<ObjectNode> writeInputs() {
        return inputs.editors().stream().map(InputPortEditor::write).toList();
    }

    List<ObjectNode> writeSupport() {
        return support.editors().stream().map(SupportEditor::write).toList();
    }

    void suggestContractIds(String id) {
        outputs.editors().forEach(editor -> editor.suggestContractId(id));
    }

    /**
     * Makes an imported contract, kept whole, the contract of a port: the last one while it has
     * no name, else a new one, named after the contract's first schema object.
     */
    OutputPortEditor take(DocumentImport.Contract contract) {
        List<OutputPortEditor> ports = outputs.editors();
        OutputPortEditor editor =
                ports.isEmpty() || !ports.getLast().name.getValue().isBlank() ? addOutput() : ports.getLast();
        editor.contractMode.setValue(OutputPortEditor.DEFINE);
        editor.contract.read(contract.document(), false);
        if (editor.name.getValue().isBlank() && !contract.firstObjectName().isBlank()) {
            editor.name.setValue(contract.firstObjectName());
        }
        return editor;
    }

    OutputPortEditor addOutput() {
        OutputPortEditor editor = new OutputPortEditor(contracts, onChange, removed -> {
            outputs.drop(removed);
            onChange.run();
        });
        editor.name.addValueChangeListener(e -> editor.suggestContractId(productId.get()));
        List.<HasValidation>of(
                        editor.name,
                        editor.version,
                        editor.existingContract,
                        editor.contract.contractId,
                        editor.contract.version)
                .forEach(watch);
        return outputs.append(editor);
    }

    private InputPortEditor addInput() {
        InputPortEditor editor = new InputPortEditor(portChoices, onChange, removed -> {
            inputs.drop(removed);
            onChange.run();
        });
        List.<HasValidation>of(editor.name, editor.version, editor.contractId).forEach(watch);
        return inputs.append(editor);
    }

    private SupportEditor addSupport() {
        return support.append(new SupportEditor(onChange, removed -> {
            support.drop(removed);
            onChange.run();
        }));
    }
}

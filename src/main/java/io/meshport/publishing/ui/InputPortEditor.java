package io.meshport.publishing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.meshport.catalog.PortChoice;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One input port: picking another product's output port fills in its contract id, which is what
 * declares the lineage. A contract id not (yet) in the catalog may be typed in.
 */
class InputPortEditor extends HorizontalLayout {

    final ComboBox<PortChoice> source = new ComboBox<>("Reads from (another product's output port)");
    final TextField name = new TextField("Input port name");
    final TextField version = new TextField("Input port version");
    final TextField contractId = new TextField("Contract id");
    private ObjectNode original = Documents.JSON.createObjectNode();

    InputPortEditor(List<PortChoice> choices, Runnable onChange, Consumer<InputPortEditor> onRemove) {
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.BASELINE);
        source.setItems(choices);
        source.setItemLabelGenerator(PortChoice::label);
        source.setWidth("28em");
        version.setValue("1.0.0");
        source.addValueChangeListener(event -> {
            PortChoice choice = event.getValue();
            if (choice != null) {
                contractId.setValue(choice.contractId());
                if (name.getValue().isBlank()) {
                    name.setValue(choice.portName());
                }
                version.setValue(choice.portVersion());
            }
            onChange.run();
        });
        contractId.addValueChangeListener(e -> onChange.run());
        name.addValueChangeListener(e -> onChange.run());
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> onRemove.accept(this));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        remove.setAriaLabel("Remove input port");
        add(source, name, version, contractId, remove);
    }

    void read(JsonNode port, List<PortChoice> choices) {
        original = Documents.copy(port);
        name.setValue(Documents.text(port, "name"));
        version.setValue(Documents.text(port, "version"));
        contractId.setValue(Documents.text(port, "contractId"));
        choices.stream()
                .filter(choice -> choice.contractId().equals(contractId.getValue()))
                .findFirst()
                .ifPresent(source::setValue);
    }

    ObjectNode write() {
        ObjectNode port = original.deepCopy();
        port.put("name", name.getValue().strip());
        port.put("version", version.getValue().strip());
        port.put("contractId", contractId.getValue().strip());
        return port;
    }
}

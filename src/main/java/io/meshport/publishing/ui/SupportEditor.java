package io.meshport.publishing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One support channel: where consumers ask questions and hear about changes. */
class SupportEditor extends HorizontalLayout {

    static final List<String> TOOLS = List.of("slack", "teams", "email", "ticket", "other");

    final TextField channel = new TextField("Channel");
    final Select<String> tool = new Select<>();
    final TextField url = new TextField("Link (https:// or mailto:)");
    private ObjectNode original = Documents.JSON.createObjectNode();

    SupportEditor(Runnable onChange, Consumer<SupportEditor> onRemove) {
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.BASELINE);
        tool.setLabel("Tool");
        tool.setItems(TOOLS);
        tool.setValue("slack");
        url.setWidth("24em");
        url.addValueChangeListener(e -> onChange.run());
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> onRemove.accept(this));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        remove.setAriaLabel("Remove support channel");
        add(channel, tool, url, remove);
    }

    void read(JsonNode support) {
        original = Documents.copy(support);
        channel.setValue(Documents.text(support, "channel"));
        String toolName = Documents.text(support, "tool");
        if (TOOLS.contains(toolName)) {
            tool.setValue(toolName);
        }
        url.setValue(Documents.text(support, "url"));
    }

    ObjectNode write() {
        ObjectNode support = original.deepCopy();
        Documents.put(support, "channel", channel.getValue());
        Documents.put(support, "tool", tool.getValue());
        Documents.put(support, "url", url.getValue());
        return support;
    }
}

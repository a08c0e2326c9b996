package io.meshport.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Asks for an optional successor and sunset date before a product is deprecated. */
final class DeprecationDialog extends Dialog {

    DeprecationDialog(
            String productId, List<String> successors, BiConsumer<@Nullable String, @Nullable LocalDate> deprecate) {
        setHeaderTitle("Deprecate " + productId);
        ComboBox<String> successor = new ComboBox<>("Successor product (optional)");
        successor.setItems(successors);
        DatePicker sunset = new DatePicker("Sunset date (optional)");
        add(
                new Paragraph("Consumers see the product as deprecated; it keeps serving until it is retired."),
                new VerticalLayout(successor, sunset));
        Button confirm = new Button("Deprecate", click -> {
            close();
            deprecate.accept(successor.getValue(), sunset.getValue());
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), confirm);
    }

    /** Writes successor and sunset date as ODPS custom properties, replacing earlier ones. */
    static void apply(ObjectNode document, @Nullable String successor, @Nullable LocalDate sunset) {
        ArrayNode properties = document.get("customProperties") instanceof ArrayNode existing
                ? existing
                : document.putArray("customProperties");
        for (int i = properties.size() - 1; i >= 0; i--) {
            String property = properties.get(i).path("property").asString("");
            if (property.equals("successor") || property.equals("sunsetDate")) {
                properties.remove(i);
            }
        }
        if (successor != null) {
            properties.addObject().put("property", "successor").put("value", successor);
        }
        if (sunset != null) {
            properties.addObject().put("property", "sunsetDate").put("value", sunset.toString());
        }
        if (properties.isEmpty()) {
            document.remove("customProperties");
        }
    }
}

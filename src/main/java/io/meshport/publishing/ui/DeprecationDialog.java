package io.meshport.publishing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.meshport.catalog.PortChoice;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/** Asks for an optional successor and sunset date before a product is deprecated ({@link ProductForm#deprecate}). */
final class DeprecationDialog extends Dialog {

    /** @param choices the catalog's output ports, whose products (other than this one) may succeed it */
    DeprecationDialog(
            String productId, List<PortChoice> choices, BiConsumer<@Nullable String, @Nullable LocalDate> deprecate) {
        setHeaderTitle("Deprecate " + productId);
        ComboBox<String> successor = new ComboBox<>("Successor product (optional)");
        successor.setItems(choices.stream()
                .map(PortChoice::productId)
                .distinct()
                .filter(candidate -> !candidate.equals(productId))
                .toList());
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
}

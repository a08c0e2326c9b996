package io.meshport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.meshport.catalog.ContractDetails;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A contract's schema: one table per object, a row per property with its logical and physical
 * type, whether it is required or part of the key, its classification (a labelled badge, so that
 * it does not depend on colour) and its description.
 */
final class ContractSchema extends VerticalLayout {

    ContractSchema(List<ContractDetails.SchemaObject> objects) {
        setPadding(false);
        if (objects.isEmpty()) {
            add(new Paragraph("The contract describes no schema."));
        }
        for (ContractDetails.SchemaObject object : objects) {
            VerticalLayout card = new VerticalLayout();
            card.addClassName("schema-object-card");
            String physical = object.physicalName() == null
                    ? ""
                    : " (" + object.physicalName() + (object.physicalType() == null ? "" : ", " + object.physicalType())
                            + ")";
            card.add(new H3(object.name() + physical));
            if (object.description() != null) {
                card.add(new Paragraph(object.description()));
            }
            card.add(object.properties().isEmpty() ? new Paragraph("No properties.") : properties(object));
            add(card);
        }
    }

    private static Component properties(ContractDetails.SchemaObject object) {
        Grid<ContractDetails.SchemaProperty> grid = new Grid<>();
        grid.addClassName("schema-properties");
        grid.getElement().setAttribute("aria-label", "Properties of " + object.name());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ContractDetails.SchemaProperty::path)
                .setHeader("Property")
                .setAutoWidth(true);
        grid.addColumn(p -> Objects.requireNonNullElse(p.logicalType(), "")).setHeader("Logical type");
        grid.addColumn(p -> Objects.requireNonNullElse(p.physicalType(), "")).setHeader("Physical type");
        grid.addColumn(p -> p.required() ? "required" : "optional").setHeader("Required");
        grid.addColumn(p -> p.primaryKey() ? "primary key" : "").setHeader("Key");
        grid.addComponentColumn(ContractSchema::classification).setHeader("Classification");
        grid.addColumn(p -> Objects.requireNonNullElse(p.description(), ""))
                .setHeader("Description")
                .setFlexGrow(3);
        grid.setItems(object.properties());
        return grid;
    }

    private static Component classification(ContractDetails.SchemaProperty property) {
        if (property.classification() == null) {
            return new Span("—");
        }
        Span badge = new Span(property.classification());
        String kind = property.classification().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        badge.addClassNames("classification-badge", "classification-" + kind);
        badge.getElement().setAttribute("title", "Classification: " + property.classification());
        return badge;
    }
}

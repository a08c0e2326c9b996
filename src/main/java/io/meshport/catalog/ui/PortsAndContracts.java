package io.meshport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.meshport.catalog.PortActions;
import io.meshport.catalog.ProductDetails;
import io.meshport.catalog.SchemaField;
import io.meshport.catalog.SlaProperty;
import java.util.List;
import java.util.Objects;

/** The product page's "Ports and contracts" tab: what each output port offers, and what the product reads. */
final class PortsAndContracts extends VerticalLayout {

    PortsAndContracts(ProductDetails product, List<PortActions> portActions) {
        setPadding(false);
        add(new H3("Output ports"));
        if (product.outputPorts().isEmpty()) {
            add(new Paragraph("No output port."));
        }
        for (ProductDetails.OutputPortView port : product.outputPorts()) {
            VerticalLayout card = new VerticalLayout();
            card.addClassName("port-card");
            card.add(new H4(port.name() + " · " + port.version() + (port.type() == null ? "" : " · " + port.type())));
            if (port.description() != null) {
                card.add(new Paragraph(port.description()));
            }
            portActions.forEach(actions -> actions.beside(product, port).ifPresent(card::add));
            ProductDetails.ContractView contract = port.contract();
            if (port.contractId() == null) {
                card.add(new Paragraph("No data contract."));
            } else if (contract == null) {
                card.add(new Paragraph("Contract " + port.contractId() + " is not in the catalog yet."));
            } else {
                card.add(new Paragraph("Contract " + contract.id() + " · version " + contract.version() + " · "
                        + contract.status() + " · owned by " + contract.ownerTeam()));
                card.add(new H4("Schema"), schema(contract.schema()), new H4("Service levels"), sla(contract.sla()));
            }
            add(card);
        }
        add(new H3("Input ports"));
        if (product.inputPorts().isEmpty()) {
            add(new Paragraph("No input port: this product derives from no other product in the catalog."));
        } else {
            Grid<ProductDetails.InputPortView> inputs = new Grid<>();
            inputs.setId("input-ports");
            inputs.addThemeVariants(GridVariant.LUMO_COMPACT);
            inputs.setAllRowsVisible(true);
            inputs.addColumn(ProductDetails.InputPortView::name).setHeader("Port");
            inputs.addColumn(ProductDetails.InputPortView::version).setHeader("Version");
            inputs.addColumn(ProductDetails.InputPortView::contractId).setHeader("Contract");
            inputs.addComponentColumn(PortsAndContracts::provider).setHeader("From");
            inputs.setItems(product.inputPorts());
            add(inputs);
        }
    }

    private static Component provider(ProductDetails.InputPortView port) {
        if (!port.resolved()) {
            Span unresolved = new Span("unresolved");
            unresolved.addClassNames("status-badge", "status-unresolved");
            unresolved.getElement().setAttribute("title", "No product in the catalog provides this contract yet.");
            return unresolved;
        }
        HorizontalLayout links = new HorizontalLayout();
        port.providerProductIds()
                .forEach(id -> links.add(new RouterLink(id, ProductView.class, new RouteParameters("id", id))));
        return links;
    }

    private static Component schema(List<SchemaField> fields) {
        if (fields.isEmpty()) {
            return new Paragraph("The contract describes no schema fields.");
        }
        Grid<SchemaField> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(SchemaField::objectName).setHeader("Object");
        grid.addColumn(SchemaField::name).setHeader("Field");
        grid.addColumn(field -> Objects.requireNonNullElse(field.logicalType(), "")
                        + (field.physicalType() == null ? "" : " (" + field.physicalType() + ")"))
                .setHeader("Type");
        grid.addColumn(field -> (field.primaryKey() ? "key " : "") + (field.required() ? "required" : ""))
                .setHeader("Constraints");
        grid.addColumn(SchemaField::classification).setHeader("Classification");
        grid.addColumn(SchemaField::description).setHeader("Description").setFlexGrow(3);
        grid.setItems(fields);
        return grid;
    }

    private static Component sla(List<SlaProperty> properties) {
        if (properties.isEmpty()) {
            return new Paragraph("The contract promises no service levels.");
        }
        Grid<SlaProperty> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(SlaProperty::property).setHeader("Objective");
        grid.addColumn(p -> Objects.requireNonNullElse(p.value(), "") + (p.unit() == null ? "" : " " + p.unit()))
                .setHeader("Value");
        grid.addColumn(SlaProperty::element).setHeader("Measured on");
        grid.addColumn(SlaProperty::driver).setHeader("Driver");
        grid.setItems(properties);
        return grid;
    }
}

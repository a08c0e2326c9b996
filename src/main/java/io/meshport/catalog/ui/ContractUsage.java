package io.meshport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.meshport.catalog.ContractAgreements;
import io.meshport.catalog.ContractDetails;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who relies on a contract: the products whose output ports provide it, the products whose input
 * ports declare that they read it, and the consumers of approved data usage agreements on ports
 * that offer it.
 */
final class ContractUsage extends VerticalLayout {

    ContractUsage(ContractDetails contract) {
        setPadding(false);
        add(new H3("Provided by"));
        if (contract.providers().isEmpty()) {
            add(new Paragraph("No product offers this contract through an output port yet."));
        } else {
            Grid<ContractDetails.Provider> providers = grid("contract-providers");
            providers
                    .addComponentColumn(p -> product(p.productId(), p.productName()))
                    .setHeader("Product");
            providers.addColumn(ContractDetails.Provider::team).setHeader("Team");
            providers.addColumn(p -> p.port() + " · " + p.portVersion()).setHeader("Output port");
            providers.setItems(contract.providers());
            add(providers);
        }
        add(new H3("Consumed by"));
        if (contract.readers().isEmpty() && contract.agreements().isEmpty()) {
            add(new Paragraph("No product declares that it reads this contract, and no agreement is approved."));
            return;
        }
        if (!contract.readers().isEmpty()) {
            Grid<ContractDetails.Reader> readers = grid("contract-readers");
            readers.addComponentColumn(r -> product(r.productId(), r.productName()))
                    .setHeader("Product");
            readers.addColumn(ContractDetails.Reader::team).setHeader("Team");
            readers.addColumn(ContractDetails.Reader::port).setHeader("Port");
            readers.addColumn(r -> "declared input").setHeader("How");
            readers.setItems(contract.readers());
            add(readers);
        }
        if (!contract.agreements().isEmpty()) {
            Grid<ContractAgreements.Agreement> agreements = grid("contract-agreements");
            agreements.addColumn(ContractAgreements.Agreement::consumerTeam).setHeader("Consumer team");
            agreements
                    .addComponentColumn(a -> a.consumerProduct() == null
                            ? new Span("the team itself")
                            : product(a.consumerProduct(), a.consumerProduct()))
                    .setHeader("Consumer product");
            agreements
                    .addComponentColumn(a -> product(a.providerProduct(), a.providerProduct() + " · " + a.outputPort()))
                    .setHeader("On port");
            agreements.addColumn(a -> text(a.agreedVersion())).setHeader("Agreed version");
            agreements.addColumn(a -> "approved agreement").setHeader("How");
            agreements.setItems(contract.agreements());
            add(agreements);
        }
    }

    private static Component product(String id, String label) {
        return new RouterLink(label, ProductView.class, new RouteParameters("id", id));
    }

    private static <T> Grid<T> grid(String id) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static String text(@Nullable String value) {
        return Objects.requireNonNullElse(value, "");
    }
}

package io.meshport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.meshport.catalog.ContractCatalog;
import io.meshport.catalog.ContractSummary;
import jakarta.annotation.security.PermitAll;
import java.util.Objects;

/** Every data contract in the catalog, paged lazily, narrowed by a filter on id, name or team. */
@Route("contracts")
@PageTitle("Data contracts · Meshport")
@Menu(order = 0.5, title = "Data contracts", icon = "FILE_TEXT_O")
@PermitAll
@StyleSheet("styles/contracts.css")
class ContractsView extends VerticalLayout {

    ContractsView(ContractCatalog contracts) {
        setSizeFull();
        TextField filter = new TextField("Filter");
        filter.setPlaceholder("Id, name or team");
        filter.setPrefixComponent(VaadinIcon.FILTER.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("24em");

        Grid<ContractSummary> grid = new Grid<>();
        grid.setId("contracts");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(ContractsView::link).setHeader("Contract").setFlexGrow(2);
        grid.addColumn(ContractSummary::id).setHeader("Id").setFlexGrow(2);
        grid.addColumn(ContractSummary::version).setHeader("Version");
        grid.addComponentColumn(ContractsView::status).setHeader("Status");
        grid.addColumn(ContractSummary::ownerTeam).setHeader("Team");
        grid.addColumn(ContractSummary::providers).setHeader("Providers");
        grid.addColumn(ContractSummary::readers).setHeader("Declared consumers");
        grid.setItems(query -> contracts.list(filter.getValue(), query.getOffset(), query.getLimit()).stream());
        grid.setEmptyStateText("No data contract matches.");
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        add(new H2("Data contracts"), filter, grid);
        setFlexGrow(1, grid);
    }

    private static Component link(ContractSummary contract) {
        return new RouterLink(
                Objects.requireNonNullElse(contract.name(), contract.id()),
                ContractView.class,
                new RouteParameters("id", contract.id()));
    }

    private static Component status(ContractSummary contract) {
        Span badge = new Span(contract.status());
        badge.addClassNames("status-badge", "status-" + contract.status());
        return badge;
    }
}

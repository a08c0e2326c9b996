package io.meshport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.meshport.catalog.CatalogPaths;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.ContractCatalog;
import io.meshport.catalog.ContractDetails;
import jakarta.annotation.security.PermitAll;
import java.util.Objects;

/**
 * One data contract: what it promises (schema with classifications, quality, service levels,
 * servers), who owns and supports it, the document itself, who provides and consumes it, and its
 * versions. Each tab is built when first opened ({@link LazyTabs}); the URL names the open one.
 */
@Route("contracts/:id")
@PermitAll
@StyleSheet("styles/contracts.css")
class ContractView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final String FIRST_TAB = "overview";

    private final ContractCatalog contracts;
    private final CatalogService catalog;
    private String title = "Data contract · Meshport";

    ContractView(ContractCatalog contracts, CatalogService catalog) {
        this.contracts = contracts;
        this.catalog = catalog;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = CatalogPaths.idOf(event.getRouteParameters().get("id").orElse(""));
        String tab = event.getLocation()
                .getQueryParameters()
                .getSingleParameter(ProductView.TAB_PARAMETER)
                .orElse("");
        removeAll();
        contracts.details(id).ifPresentOrElse(contract -> show(contract, tab), () -> notFound(id));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void notFound(String id) {
        title = "Not found · Meshport";
        // A very long id is cut in the sentence; the whole of it is no help to a reader.
        String shown = id.length() > 120 ? id.substring(0, 120) + "…" : id;
        H2 heading = new H2("No data contract '" + shown + "'");
        heading.getStyle().set("overflow-wrap", "anywhere");
        add(
                heading,
                new Paragraph("The catalog has no data contract with this id."),
                new RouterLink("All data contracts", ContractsView.class));
    }

    private void show(ContractDetails contract, String requestedTab) {
        title = displayName(contract) + " · Data contract · Meshport";
        add(header(contract));
        LazyTabs tabs = new LazyTabs(selected -> getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(
                        null,
                        new Location(
                                CatalogPaths.contract(contract.id()),
                                selected.equals(FIRST_TAB)
                                        ? QueryParameters.empty()
                                        : QueryParameters.of(ProductView.TAB_PARAMETER, selected)))));
        tabs.add("Overview", () -> new ContractOverview(contract));
        tabs.add("Schema", () -> new ContractSchema(contract.schema()));
        tabs.add("Quality", () -> ContractTerms.quality(contract.quality()));
        tabs.add("Service levels", () -> ContractTerms.sla(contract.sla()));
        tabs.add("Servers", () -> ContractTerms.servers(contract.servers()));
        tabs.add("Providers and consumers", () -> new ContractUsage(contract));
        tabs.add("YAML", () -> yaml(contract.yaml()));
        tabs.add("Versions", () -> new ContractVersions(catalog, contract.id()));
        tabs.open(requestedTab);
        add(tabs.sheet());
    }

    private Component header(ContractDetails contract) {
        H2 name = new H2(displayName(contract));
        name.getStyle().set("margin", "0");
        Span status = new Span(contract.status());
        status.addClassNames("status-badge", "status-" + contract.status());
        HorizontalLayout heading = new HorizontalLayout(name, status);
        heading.setAlignItems(FlexComponent.Alignment.CENTER);

        HorizontalLayout facts = new HorizontalLayout();
        facts.addClassName("product-facts");
        facts.add(fact("Id", contract.id()));
        facts.add(fact("Version", contract.version()));
        facts.add(fact("Owning team", contract.ownerTeam()));
        facts.add(fact("Domain", Objects.requireNonNullElse(contract.domain(), "—")));
        facts.add(fact("ODCS", contract.apiVersion()));

        VerticalLayout header = new VerticalLayout(heading, facts);
        header.setPadding(false);
        if (contract.editable()) {
            Button edit = new Button("Edit contract", VaadinIcon.EDIT.create(), click -> getUI().ifPresent(
                            ui -> ui.navigate(CatalogPaths.editContract(contract.id()))));
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(edit);
        }
        return header;
    }

    private static String displayName(ContractDetails contract) {
        return contract.name() == null ? contract.id() : contract.name();
    }

    private static Component yaml(String yaml) {
        Pre document = new Pre(yaml);
        document.addClassName("contract-yaml");
        document.setId("contract-yaml");
        return document;
    }

    static Component fact(String label, String value) {
        Span labelSpan = new Span(label);
        labelSpan.addClassName("fact-label");
        Span valueSpan = new Span(value);
        valueSpan.addClassName("fact-value");
        Div fact = new Div(labelSpan, valueSpan);
        fact.addClassName("fact");
        return fact;
    }
}

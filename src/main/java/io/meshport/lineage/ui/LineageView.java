package io.meshport.lineage.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DataProductSummary;
import io.meshport.lineage.LineageService;
import io.meshport.lineage.ProvenanceFilter;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A product's lineage full screen ({@code /products/{id}/lineage?depth=N&view=table&show=declared});
 * the URL keeps the depth, whether the graph or the table is shown, and which edges (declared,
 * observed; both when {@code show} is absent).
 */
@Route("products/:id/lineage")
@PermitAll
class LineageView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LineageService lineage;
    private final CatalogService catalog;
    private String title = "Lineage · Meshport";

    LineageView(LineageService lineage, CatalogService catalog) {
        this.lineage = lineage;
        this.catalog = catalog;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        Optional<DataProductSummary> product = catalog.find(id);
        if (product.isEmpty()) {
            title = "Not found · Meshport";
            add(new H2("No such data product"), new Paragraph("The catalog has no data product with id '" + id + "'."));
            return;
        }
        String name = product.get().name();
        title = "Lineage of " + name + " · Meshport";
        Map<String, List<String>> query =
                event.getLocation().getQueryParameters().getParameters();
        LineagePanel.State state = new LineagePanel.State(
                query.getOrDefault("depth", List.of("1")).stream()
                        .findFirst()
                        .filter(d -> d.matches("\\d{1,2}"))
                        .map(Integer::parseInt)
                        .orElse(1),
                query.getOrDefault("view", List.of()).contains("table")
                        ? LineagePanel.Mode.TABLE
                        : LineagePanel.Mode.GRAPH,
                query.getOrDefault("show", List.of()).stream()
                        .findFirst()
                        .flatMap(ProvenanceFilter::fromWire)
                        .orElse(ProvenanceFilter.ALL));
        H2 heading = new H2("Lineage of " + name);
        heading.getStyle().set("margin", "0");
        Anchor back = new Anchor("products/" + id, "Back to " + name);
        back.getElement().setAttribute("router-link", true);
        LineagePanel panel = new LineagePanel(
                lineage::lineage,
                id,
                name,
                state,
                back,
                other -> getUI().ifPresent(ui -> ui.navigate("products/" + other)),
                changed -> getUI().ifPresent(ui ->
                        ui.getPage().getHistory().replaceState(null, "products/" + id + "/lineage?" + query(changed))));
        panel.setSizeFull();
        add(heading, panel);
        setFlexGrow(1, panel);
    }

    private static String query(LineagePanel.State state) {
        return "depth=" + state.depth() + "&view=" + (state.mode() == LineagePanel.Mode.TABLE ? "table" : "graph")
                + (state.show() == ProvenanceFilter.ALL
                        ? ""
                        : "&show=" + state.show().value());
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

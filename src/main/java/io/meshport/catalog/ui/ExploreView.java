package io.meshport.catalog.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DataProductSummary;
import jakarta.annotation.security.PermitAll;

/** The catalog, browsable by everyone who has signed in. Full-text search arrives on top of it. */
@Route("")
@PageTitle("Explore · Meshport")
@Menu(order = 0, title = "Explore", icon = "SEARCH")
@PermitAll
class ExploreView extends VerticalLayout {

    ExploreView(CatalogService catalog) {
        setSizeFull();
        add(new H2("Explore data products"));
        add(new Paragraph(catalog.count() + " data products in the catalog"));

        Grid<DataProductSummary> grid = new Grid<>();
        grid.setId("catalog-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(product ->
                        new RouterLink(product.name(), ProductView.class, new RouteParameters("id", product.id())))
                .setHeader("Name")
                .setKey("name")
                .setSortProperty("name")
                .setFlexGrow(2);
        grid.addColumn(DataProductSummary::domain)
                .setHeader("Domain")
                .setKey("domain")
                .setSortable(true);
        grid.addColumn(DataProductSummary::ownerTeam)
                .setHeader("Owning team")
                .setKey("ownerTeam")
                .setSortable(true);
        grid.addComponentColumn(product -> StatusBadge.of(product.status()))
                .setHeader("Status")
                .setKey("status");
        grid.addColumn(DataProductSummary::purpose).setHeader("Purpose").setFlexGrow(4);
        grid.setMultiSort(false);
        // Sort keys are the summary's property names; the service orders by name when none is chosen.
        grid.setItems(query -> catalog.list(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        addAndExpand(grid);
    }
}

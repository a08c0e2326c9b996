package io.meshport.openlineage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.meshport.openlineage.SeenDatasets;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The datasets pipeline runs named that no output port of the catalog is ("seen, not in the
 * catalog"), the most recently seen first, each with the jobs that read and write it and a way to
 * start a product from it: Create opens with the dataset as the new product's output port.
 */
@Route("datasets")
@PageTitle("Pipeline datasets · Meshport")
@Menu(order = 4.5, title = "Pipeline datasets", icon = "DATABASE")
@PermitAll
class SeenDatasetsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    SeenDatasetsView(SeenDatasets seen) {
        setSizeFull();
        TextField filter = new TextField("Filter");
        filter.setPlaceholder("Namespace or name");
        filter.setPrefixComponent(VaadinIcon.FILTER.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("24em");

        Grid<SeenDatasets.Seen> grid = new Grid<>();
        grid.setId("seen-datasets");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(dataset -> dataset.dataset().name()).setHeader("Dataset").setFlexGrow(3);
        grid.addColumn(dataset -> dataset.dataset().namespace())
                .setHeader("Namespace")
                .setFlexGrow(2);
        grid.addColumn(dataset -> WHEN.format(dataset.firstSeen()))
                .setHeader("First seen (UTC)")
                .setWidth("9em")
                .setFlexGrow(0);
        grid.addColumn(dataset -> WHEN.format(dataset.lastSeen()))
                .setHeader("Last seen (UTC)")
                .setWidth("9em")
                .setFlexGrow(0);
        grid.addColumn(dataset -> jobs(dataset.readBy(), dataset.readers()))
                .setHeader("Read by")
                .setFlexGrow(2);
        grid.addColumn(dataset -> jobs(dataset.writtenBy(), dataset.writers()))
                .setHeader("Written by")
                .setFlexGrow(2);
        grid.addComponentColumn(SeenDatasetsView::startProduct)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(
                query -> seen.list(filter.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> seen.count(filter.getValue()));
        grid.setEmptyStateText("Every dataset pipelines named is an output port of the catalog.");
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        add(
                new H2("Pipeline datasets"),
                new Paragraph(
                        "Datasets that OpenLineage events from pipelines named but that no output port of the catalog is:"
                                + " neither a contract's servers nor a port's explicit mapping names them."),
                filter,
                grid);
        setFlexGrow(1, grid);
    }

    /** The jobs as {@code a, b (+3 more)}; a dash for none. */
    static String jobs(List<String> shown, int all) {
        if (shown.isEmpty()) {
            return "—";
        }
        String listed = String.join(", ", shown);
        return all > shown.size() ? listed + " (+" + (all - shown.size()) + " more)" : listed;
    }

    private static Component startProduct(SeenDatasets.Seen dataset) {
        String query = "datasetNamespace=" + URLEncoder.encode(dataset.dataset().namespace(), StandardCharsets.UTF_8)
                + "&datasetName=" + URLEncoder.encode(dataset.dataset().name(), StandardCharsets.UTF_8);
        Anchor link = new Anchor("create?" + query, "Start a product");
        link.addClassName("start-product");
        link.getElement().setAttribute("title", "Create a product whose output port is " + dataset.dataset());
        return link;
    }
}

package io.meshport.lineage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.ProductDetails;
import io.meshport.catalog.ProductPageSection;
import io.meshport.lineage.Impact;
import io.meshport.lineage.LineageService;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The product page's Impact tab: who is hurt if this product, or one of its output ports,
 * breaks. Every product downstream, transitively, with hops, team, status and path, and the
 * list as CSV to take to a meeting.
 */
@Service
@Order(2)
class ImpactSection implements ProductPageSection {

    static final String ALL_PORTS = "All output ports";

    private final LineageService lineage;
    private final CatalogService catalog;

    ImpactSection(LineageService lineage, CatalogService catalog) {
        this.lineage = lineage;
        this.catalog = catalog;
    }

    @Override
    public String title() {
        return "Impact";
    }

    @Override
    public Component content(String productId, String productName) {
        List<String> ports = new ArrayList<>();
        ports.add(ALL_PORTS);
        catalog.details(productId).map(ProductDetails::outputPorts).orElse(List.of()).stream()
                .map(port -> port.name() + "@" + port.version())
                .forEach(ports::add);

        Select<String> port = new Select<>();
        port.setLabel("Output port");
        port.setId("impact-port");
        port.setItems(ports);

        Paragraph summary = new Paragraph();
        summary.setId("impact-summary");
        Grid<Impact.ImpactedProduct> grid = new Grid<>();
        grid.setId("impact-table");
        grid.getElement().setAttribute("aria-label", "Products downstream of " + productName);
        grid.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Impact.ImpactedProduct::depth)
                .setHeader("Hops")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(product -> new Anchor("products/" + product.id(), product.name()))
                .setHeader("Product")
                .setFlexGrow(2);
        grid.addColumn(product -> product.domain() == null ? "" : product.domain())
                .setHeader("Domain");
        grid.addColumn(Impact.ImpactedProduct::team).setHeader("Owning team");
        grid.addColumn(product -> product.status().value()).setHeader("Status");
        grid.addColumn(product -> String.join(" → ", product.path()))
                .setHeader("Path")
                .setFlexGrow(3);
        grid.setHeight("28rem");

        HorizontalLayout controls = new HorizontalLayout(port);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        port.addValueChangeListener(event -> {
            Impact impact = lineage.impact(productId, ALL_PORTS.equals(event.getValue()) ? null : event.getValue());
            grid.setItems(impact.products());
            summary.setText(
                    impact.products().isEmpty()
                            ? "Nothing in the catalog consumes "
                                    + (impact.outputPort() == null ? productName : impact.outputPort())
                                    + ", directly or through others."
                            : impact.products().size() + (impact.truncated() ? "+" : "") + " product"
                                    + (impact.products().size() == 1 ? "" : "s") + " downstream"
                                    + (impact.truncated()
                                            ? " (the list stops at the nearest "
                                                    + impact.products().size() + ")"
                                            : "")
                                    + ".");
            if (controls.getComponentCount() > 1) {
                controls.remove(controls.getComponentAt(1));
            }
            controls.add(csv(productId, impact.outputPort()));
        });
        port.setValue(ALL_PORTS);

        VerticalLayout content = new VerticalLayout(controls, summary, grid);
        content.setPadding(false);
        return content;
    }

    /**
     * The list as CSV, walked again and written out when someone downloads it: the page keeps no
     * copy of the file in the session.
     */
    private Anchor csv(String productId, @Nullable String outputPort) {
        Anchor download = new Anchor(
                (DownloadHandler) event -> {
                    Impact impact = lineage.impact(productId, outputPort);
                    event.setFileName(productId + "-impact.csv");
                    event.setContentType(Impact.CSV_MEDIA_TYPE);
                    try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                        out.write(impact.csv());
                    }
                },
                "Download as CSV");
        download.setId("impact-csv");
        download.getElement().setAttribute("download", true);
        return download;
    }
}

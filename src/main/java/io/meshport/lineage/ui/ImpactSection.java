package io.meshport.lineage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.ProductDetails;
import io.meshport.catalog.ProductPageSection;
import io.meshport.lineage.Impact;
import io.meshport.lineage.LineageGraph;
import io.meshport.lineage.LineageService;
import io.meshport.lineage.ProvenanceFilter;
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
 * breaks. Every product downstream, transitively, with hops, team, status and path, every team
 * reading a port through an approved agreement, each saying whether a declared input or an
 * agreement puts it there (or only pipeline runs show it: observed consumers are included unless
 * unticked, and the tab says which), and the list as CSV to take to a meeting.
 */
@Service
@Order(2)
class ImpactSection implements ProductPageSection {

    static final String ALL_PORTS = "All output ports";
    static final String OBSERVED_LABEL = "Include consumers observed in pipeline runs";

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
        Span provenance = new Span();
        provenance.setId("impact-provenance");
        Grid<Impact.Line> grid = new Grid<>();
        grid.setId("impact-table");
        grid.getElement().setAttribute("aria-label", "Products and teams downstream of " + productName);
        grid.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Impact.Line::depth).setHeader("Hops").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(ImpactSection::consumer)
                .setHeader("Product or team")
                .setFlexGrow(2);
        grid.addColumn(ImpactSection::via).setHeader("Via").setFlexGrow(2);
        grid.addColumn(line -> line.domain() == null ? "" : line.domain()).setHeader("Domain");
        grid.addColumn(Impact.Line::team).setHeader("Owning team");
        grid.addColumn(line -> line.status() == null ? "—" : line.status().value())
                .setHeader("Status");
        grid.addColumn(line -> line.provisioning() == null ? "" : line.provisioning())
                .setHeader("Provisioning")
                .setAutoWidth(true);
        grid.addColumn(line -> String.join(" → ", line.path()))
                .setHeader("Path")
                .setFlexGrow(3);
        grid.setHeight("28rem");

        // Consumers seen reading the data in pipeline runs are hurt too, declared or not: included
        // unless the person unticks it (docs/decisions/0031-observed-lineage.md).
        Checkbox observed = new Checkbox(OBSERVED_LABEL, true);
        observed.setId("impact-observed");
        HorizontalLayout controls = new HorizontalLayout(port, observed);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Runnable refresh = () -> {
            String asked = ALL_PORTS.equals(port.getValue()) ? null : port.getValue();
            ProvenanceFilter shown = observed.getValue() ? ProvenanceFilter.ALL : ProvenanceFilter.DECLARED;
            Impact impact = lineage.impact(productId, asked, LineageService.MAX_IMPACTED, true, shown);
            List<Impact.Line> lines = impact.lines();
            grid.setItems(lines);
            summary.setText(summary(impact, lines, productName));
            provenance.setText(
                    impact.includesObserved()
                            ? "Includes consumers observed in pipeline runs."
                            : "Declared consumers only: those only observed in pipeline runs are left out.");
            if (controls.getComponentCount() > 2) {
                controls.remove(controls.getComponentAt(2));
            }
            controls.add(csv(productId, impact.outputPort(), shown));
        };
        port.addValueChangeListener(event -> refresh.run());
        observed.addValueChangeListener(event -> refresh.run());
        port.setValue(ALL_PORTS);

        VerticalLayout content = new VerticalLayout(controls, summary, provenance, grid);
        content.setPadding(false);
        return content;
    }

    static String summary(Impact impact, List<Impact.Line> lines, String productName) {
        if (lines.isEmpty()) {
            return "Nothing in the catalog consumes "
                    + (impact.outputPort() == null ? productName : impact.outputPort())
                    + ", directly or through others, and no team reads it through an agreement.";
        }
        long products = impact.products().size();
        long teams = lines.size() - products;
        long agreed = impact.products().stream()
                .filter(product -> product.via() == LineageGraph.EdgeKind.AGREEMENT)
                .count();
        long observed = impact.products().stream()
                .filter(product -> product.via() == LineageGraph.EdgeKind.OBSERVED)
                .count();
        String more = impact.truncated() ? "+" : "";
        return products + more + " product" + (products == 1 ? "" : "s") + " downstream"
                + (agreed == 0 && observed == 0
                        ? ""
                        : " ("
                                + (agreed == 0 ? "" : agreed + " through an agreement")
                                + (agreed == 0 || observed == 0 ? "" : ", ")
                                + (observed == 0 ? "" : observed + " only observed in pipeline runs")
                                + ")")
                + (teams == 0
                        ? ""
                        : ", and " + teams + " team" + (teams == 1 ? "" : "s") + " reading through an agreement")
                + (impact.truncated() ? " (the list stops at the nearest " + products + " products)" : "")
                + ".";
    }

    private static Component consumer(Impact.Line line) {
        if (line.kind() == LineageGraph.NodeKind.TEAM) {
            return new Span("Team " + line.name());
        }
        return new Anchor("products/" + line.id(), line.name());
    }

    private static String via(Impact.Line line) {
        if (line.via() != LineageGraph.EdgeKind.AGREEMENT) {
            return line.viaText();
        }
        return "agreement on " + line.port()
                + (line.contractVersion() == null ? "" : " (contract " + line.contractVersion() + ")");
    }

    /**
     * The list as CSV, walked again and written out when someone downloads it: the page keeps no
     * copy of the file in the session.
     */
    private Anchor csv(String productId, @Nullable String outputPort, ProvenanceFilter shown) {
        Anchor download = new Anchor(
                (DownloadHandler) event -> {
                    Impact impact = lineage.impact(productId, outputPort, LineageService.MAX_IMPACTED, true, shown);
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

package io.meshport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
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
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.meshport.catalog.CatalogPaths;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.ExportedDocument;
import io.meshport.catalog.PortActions;
import io.meshport.catalog.ProductDetails;
import io.meshport.catalog.ProductPageSection;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One data product: overview, ports and contracts, the tabs other features add (lineage), history;
 * Edit for its owners. A tab is built when it is first opened (see {@link LazyTabs}); the URL names
 * the open one. Public only because the form, in its own package, returns here after a save.
 */
@Route("products/:id")
@PermitAll
class ProductView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The query parameter that names the open tab, so that a link can open one ({@code ?tab=sla}). */
    static final String TAB_PARAMETER = "tab";

    private static final String OVERVIEW = "overview";

    private final CatalogService catalog;
    private final ObjectProvider<ProductPageSection> sections;
    private final ObjectProvider<PortActions> portActions;
    private String title = "Data product · Meshport";

    ProductView(
            CatalogService catalog,
            ObjectProvider<ProductPageSection> sections,
            ObjectProvider<PortActions> portActions) {
        this.catalog = catalog;
        this.sections = sections;
        this.portActions = portActions;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        String tab = event.getLocation()
                .getQueryParameters()
                .getSingleParameter(TAB_PARAMETER)
                .orElse("");
        removeAll();
        catalog.details(id).ifPresentOrElse(product -> show(product, tab), () -> {
            title = "Not found · Meshport";
            add(new H2("No such data product"), new Paragraph("The catalog has no data product with id '" + id + "'."));
        });
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(ProductDetails product, String requestedTab) {
        title = product.summary().name() + " · Meshport";
        add(header(product));
        String id = product.summary().id();
        LazyTabs tabs = new LazyTabs(selected -> getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .replaceState(
                        null,
                        new Location(
                                "products/" + id,
                                selected.equals(OVERVIEW)
                                        ? QueryParameters.empty()
                                        : QueryParameters.of(TAB_PARAMETER, selected)))));
        tabs.add("Overview", () -> overview(product));
        tabs.add(
                "Ports and contracts",
                () -> new PortsAndContracts(product, portActions.orderedStream().toList()));
        sections.orderedStream()
                .forEach(section -> tabs.add(
                        section.title(),
                        () -> section.content(id, product.summary().name())));
        tabs.add("History", () -> new ChangeHistory(catalog.history(id)));
        tabs.open(requestedTab);
        add(tabs.sheet());
    }

    private Component header(ProductDetails product) {
        H2 name = new H2(product.summary().name());
        name.getStyle().set("margin", "0");
        HorizontalLayout title =
                new HorizontalLayout(name, StatusBadge.of(product.summary().status()));
        headlines(product.summary().id()).forEach(title::add);
        title.setAlignItems(FlexComponent.Alignment.CENTER);

        HorizontalLayout facts = new HorizontalLayout();
        facts.addClassName("product-facts");
        facts.add(fact("Id", product.summary().id()));
        facts.add(fact("Version", Objects.requireNonNullElse(product.summary().version(), "—")));
        facts.add(fact("Domain", Objects.requireNonNullElse(product.summary().domain(), "—")));
        facts.add(fact("Owning team", product.summary().ownerTeam()));
        facts.add(fact("ODPS", product.apiVersion()));

        HorizontalLayout actions = new HorizontalLayout();
        if (product.editable()) {
            Button edit = new Button("Edit", VaadinIcon.EDIT.create(), click -> getUI().ifPresent(ui ->
                    ui.navigate(CatalogPaths.editProduct(product.summary().id()))));
            edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(edit);
        }
        actions.add(
                export(product.summary().id(), DocumentFormat.YAML),
                export(product.summary().id(), DocumentFormat.JSON));

        VerticalLayout header = new VerticalLayout(title, facts, tags(product.tags()), actions);
        header.setPadding(false);
        if (product.summary().status().name().equals("DEPRECATED")) {
            StringBuilder notice = new StringBuilder("Deprecated.");
            if (product.successor() != null) {
                notice.append(" Successor: ").append(product.successor()).append('.');
            }
            if (product.sunsetDate() != null) {
                notice.append(" Sunset: ").append(product.sunsetDate()).append('.');
            }
            Div warning = new Div(notice.toString());
            warning.addClassName("deprecation-notice");
            header.add(warning);
        }
        return header;
    }

    /** What the tabs other features add say in the header, each a link that opens its tab. */
    private List<Anchor> headlines(String id) {
        return sections.orderedStream()
                .flatMap(section -> {
                    String headline = section.headline(id);
                    if (headline == null) {
                        return java.util.stream.Stream.empty();
                    }
                    Anchor link = new Anchor(
                            CatalogPaths.product(id) + "?" + TAB_PARAMETER + "=" + LazyTabs.name(section.title()),
                            headline);
                    link.getElement().setAttribute("router-link", true);
                    link.addClassNames("status-badge", "product-headline");
                    return java.util.stream.Stream.of(link);
                })
                .toList();
    }

    private Anchor export(String id, DocumentFormat format) {
        String extension = format == DocumentFormat.YAML ? "yaml" : "json";
        Anchor anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    ExportedDocument document =
                            catalog.exportProduct(id, format).orElseThrow();
                    byte[] bytes = document.content().getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            id + ".odps." + extension,
                            format.mediaType(),
                            bytes.length);
                }),
                "Export " + extension.toUpperCase());
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    private static Component fact(String label, String value) {
        Span labelSpan = new Span(label);
        labelSpan.addClassName("fact-label");
        Span valueSpan = new Span(value);
        valueSpan.addClassName("fact-value");
        Div fact = new Div(labelSpan, valueSpan);
        fact.addClassName("fact");
        return fact;
    }

    private static Component tags(List<String> tags) {
        HorizontalLayout layout = new HorizontalLayout();
        layout.setSpacing(false);
        layout.getStyle().set("gap", "var(--lumo-space-xs)");
        tags.forEach(tag -> {
            Span badge = new Span(tag);
            badge.addClassName("team-badge");
            layout.add(badge);
        });
        return layout;
    }

    private static Component overview(ProductDetails product) {
        VerticalLayout overview = new VerticalLayout();
        overview.setPadding(false);
        overview.add(new H3("Purpose"));
        overview.add(
                product.summary().purpose() == null
                        ? new Paragraph("No purpose given yet.")
                        : Markdown.render(product.summary().purpose()));
        if (product.limitations() != null) {
            overview.add(new H3("Limitations"), Markdown.render(product.limitations()));
        }
        if (product.usage() != null) {
            overview.add(new H3("Usage"), Markdown.render(product.usage()));
        }
        overview.add(new H3("Support"));
        if (product.support().isEmpty()) {
            overview.add(new Paragraph("No support channel given."));
        }
        for (ProductDetails.SupportChannel channel : product.support()) {
            String label = Objects.requireNonNullElse(channel.channel(), "channel")
                    + (channel.tool() == null ? "" : " (" + channel.tool() + ")");
            String url = channel.url();
            overview.add(
                    url != null && (url.startsWith("https://") || url.startsWith("mailto:"))
                            ? new Anchor(url, label)
                            : new Span(label));
        }
        return overview;
    }
}

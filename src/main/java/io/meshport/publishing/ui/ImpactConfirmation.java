package io.meshport.publishing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.meshport.catalog.DownstreamImpact;
import io.meshport.catalog.ProductStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Before a change that downstream products feel (deprecating, retiring, changing what a port
 * offers), the owner sees every product affected, and every team reading a port through an
 * approved agreement, with its team, how it consumes, status, distance and path,
 * can take the list away as CSV, and must say they have seen it before the change goes ahead.
 */
final class ImpactConfirmation extends Dialog {

    /** What the button that goes ahead says. */
    static String action(ProductStatus before, ProductStatus after) {
        if (after == before) {
            return "Save";
        }
        return after == ProductStatus.DEPRECATED ? "Deprecate" : after == ProductStatus.RETIRED ? "Retire" : "Save";
    }

    ImpactConfirmation(String productId, String action, DownstreamImpact.Report report, Runnable proceed) {
        setId("impact-confirmation");
        long products = report.products().stream()
                .filter(DownstreamImpact.Affected::isProduct)
                .count();
        long teams = report.products().size() - products;
        String productCount = products + (report.truncated() ? "+" : "") + " product" + (products == 1 ? "" : "s");
        String teamCount = teams + " team" + (teams == 1 ? "" : "s");
        setHeaderTitle((teams == 0 ? productCount : products == 0 ? teamCount : productCount + " and " + teamCount)
                + " downstream of " + productId);
        setWidth("56em");

        Grid<DownstreamImpact.Affected> affected = new Grid<>();
        affected.setId("impact-products");
        affected.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        affected.addComponentColumn(product -> {
                    if (!product.isProduct()) {
                        return new Span("Team " + product.name());
                    }
                    Anchor link = new Anchor("products/" + product.id(), product.name());
                    link.setTarget(AnchorTarget.BLANK);
                    return link;
                })
                .setHeader("Product")
                .setAutoWidth(true);
        affected.addColumn(DownstreamImpact.Affected::team).setHeader("Team").setAutoWidth(true);
        // An approved agreement makes a consumer as much as a declared input does; say which.
        affected.addColumn(product -> product.fromAgreement()
                        ? "agreement" + (product.outputPort() == null ? "" : " on " + product.outputPort())
                        : "declared input")
                .setHeader("Via")
                .setAutoWidth(true);
        affected.addColumn(product ->
                        product.status() == null ? "—" : product.status().value())
                .setHeader("Status")
                .setAutoWidth(true);
        affected.addColumn(DownstreamImpact.Affected::depth)
                .setHeader("Hops")
                .setAutoWidth(true)
                .setFlexGrow(0);
        affected.addColumn(product -> String.join(" → ", product.path()))
                .setHeader("Path")
                .setFlexGrow(2);
        affected.setItems(report.products());
        affected.setAllRowsVisible(report.products().size() <= 8);

        byte[] csv = report.csv().getBytes(StandardCharsets.UTF_8);
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(csv), productId + "-impact.csv", "text/csv", csv.length)),
                "Download as CSV");
        download.getElement().setAttribute("download", true);

        Checkbox seen = new Checkbox("I have seen who is affected by this change");
        seen.setId("impact-acknowledged");
        Button go = new Button(action, click -> {
            close();
            proceed.run();
        });
        go.setId("impact-proceed");
        go.setEnabled(false);
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        seen.addValueChangeListener(event -> go.setEnabled(event.getValue()));

        add(
                new Paragraph(action + " changes what these products and teams consume, directly or through others."
                        + " Their owners may need to hear from you first."
                        + (report.truncated() ? " The list stops at the first products found; there are more." : "")),
                affected,
                download,
                seen);
        getFooter().add(new Button("Cancel", click -> close()), go);
    }
}

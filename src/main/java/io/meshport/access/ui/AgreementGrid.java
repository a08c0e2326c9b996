package io.meshport.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.meshport.access.Agreement;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Agreements as rows: who reads which port, where the agreement stands (approval and provisioning
 * apart), for when, on which contract version, and the steps the caller may take. A team has tens
 * of agreements, not thousands: the rows are held in memory.
 */
final class AgreementGrid extends Grid<Agreement> {

    /**
     * @param direction the "way" column ("we asked" or "asked of us"); null for none
     * @param productNames the name of a product by its id, for a product column; null for none
     * @param actions the caller's steps on a row
     */
    AgreementGrid(
            @Nullable Function<String, String> productNames,
            @Nullable Function<Agreement, String> direction,
            Function<Agreement, Component> actions) {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addComponentColumn(
                        a -> new Anchor(AccessTexts.path(a), a.id().toString().substring(0, 8)))
                .setHeader("Request")
                .setAutoWidth(true)
                .setFlexGrow(0);
        if (direction != null) {
            addColumn(direction::apply).setHeader("Way").setAutoWidth(true).setFlexGrow(0);
        }
        if (productNames != null) {
            addComponentColumn(a -> new Div(
                            AccessTexts.productLink(a.productId(), productNames.apply(a.productId())),
                            new Span(" · " + a.outputPort() + " " + a.outputPortVersion())))
                    .setHeader("Product · port")
                    .setWidth("10rem")
                    .setFlexGrow(2);
        } else {
            addColumn(a -> a.outputPort() + " " + a.outputPortVersion()).setHeader("Port");
        }
        addColumn(AccessTexts::consumer).setHeader("Consumer").setWidth("8rem").setFlexGrow(2);
        addComponentColumn(a -> AccessTexts.statusBadge(a.status()))
                .setHeader("Status")
                .setAutoWidth(true);
        addComponentColumn(a -> AccessTexts.provisioningBadge(a.provisioning()))
                .setHeader("Provisioning")
                .setAutoWidth(true);
        addColumn(AccessTexts::dates).setHeader("Dates").setAutoWidth(true);
        addComponentColumn(AgreementGrid::contract)
                .setHeader("Contract version")
                .setWidth("9rem")
                .setFlexGrow(2);
        addColumn(a -> a.requestedBy() + ", " + AccessTexts.when(a.requestedAt()))
                .setHeader("Requested")
                .setWidth("8rem");
        // As wide as its buttons and kept in view at the grid's right edge: a step a person may
        // take is never cut off nor scrolled away (the other columns scroll sideways instead).
        addComponentColumn(actions::apply)
                .setHeader("Actions")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
    }

    private static Component contract(Agreement agreement) {
        Div cell = new Div(new Span(AccessTexts.contractVersion(agreement)));
        if (agreement.reconsentVersion() != null) {
            Span reconsent = new Span("re-consent needed: " + agreement.reconsentVersion());
            reconsent.addClassNames("status-badge", "attention-badge", "reconsent-needed");
            cell.add(new Span(" "), reconsent);
        }
        return cell;
    }
}

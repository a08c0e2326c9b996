package io.meshport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.ContractChange;
import io.meshport.catalog.ContractVersionSummary;
import io.meshport.catalog.NotInCatalogException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * A contract's published versions, newest first, a breaking one marked in words (not by colour
 * alone); choosing two versions shows the semantic differences between them, breaking ones marked.
 */
final class ContractVersions extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CatalogService catalog;
    private final String contractId;
    private final Div diff = new Div();

    ContractVersions(CatalogService catalog, String contractId) {
        this.catalog = catalog;
        this.contractId = contractId;
        setPadding(false);
        List<ContractVersionSummary> versions = catalog.contractVersions(contractId);
        if (versions.isEmpty()) {
            add(new Paragraph("No published version is recorded for this contract."));
            return;
        }
        Grid<ContractVersionSummary> grid = new Grid<>();
        grid.setId("contract-versions");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ContractVersionSummary::version).setHeader("Version");
        grid.addColumn(v -> WHEN.format(v.publishedAt())).setHeader("Published");
        grid.addColumn(ContractVersionSummary::publishedBy).setHeader("By");
        grid.addComponentColumn(ContractVersions::compatibility).setHeader("Compatibility");
        grid.addColumn(v -> v.changes().isEmpty()
                        ? "—"
                        : v.changes().size() + (v.changes().size() == 1 ? " change" : " changes"))
                .setHeader("Changes from the version before");
        grid.setItems(versions);
        add(new H3("Versions"), grid);
        if (versions.size() < 2) {
            add(new Paragraph("Only one version so far: there is nothing to compare it with."));
            return;
        }
        List<String> labels =
                versions.stream().map(ContractVersionSummary::version).toList();
        Select<String> from = select("From version", labels, labels.get(1));
        Select<String> to = select("To version", labels, labels.getFirst());
        Button compare = new Button("Compare", click -> showDiff(from.getValue(), to.getValue()));
        HorizontalLayout choice = new HorizontalLayout(from, to, compare);
        choice.setAlignItems(FlexComponent.Alignment.BASELINE);
        diff.setId("contract-diff");
        diff.setWidthFull();
        add(new H3("Compare two versions"), choice, diff);
        showDiff(from.getValue(), to.getValue());
    }

    private static Select<String> select(String label, List<String> versions, String value) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setItems(versions);
        select.setValue(value);
        return select;
    }

    private void showDiff(String from, String to) {
        diff.removeAll();
        if (Objects.equals(from, to)) {
            diff.add(new Paragraph("Choose two different versions."));
            return;
        }
        List<ContractChange> changes;
        try {
            changes = catalog.contractDiff(contractId, from, to);
        } catch (NotInCatalogException e) {
            diff.add(new Paragraph(e.getMessage()));
            return;
        }
        long breaking = changes.stream().filter(ContractChange::breaking).count();
        diff.add(new Paragraph("From " + from + " to " + to + ": " + changes.size()
                + (changes.size() == 1 ? " change" : " changes")
                + (breaking == 0 ? ", none breaking." : ", " + breaking + " breaking.")));
        UnorderedList list = new UnorderedList();
        list.addClassName("contract-changes");
        for (ContractChange change : changes) {
            ListItem item = new ListItem();
            if (change.breaking()) {
                item.add(breakingBadge());
                item.add(" ");
            }
            String line = change.line();
            item.add(new Span(change.breaking() ? line.replaceFirst(" \\(breaking\\)$", "") : line));
            list.add(item);
        }
        if (!changes.isEmpty()) {
            diff.add(list);
        }
    }

    private static Component compatibility(ContractVersionSummary version) {
        if (version.breaking()) {
            return breakingBadge();
        }
        return new Span(version.changes().isEmpty() ? "—" : "compatible");
    }

    private static Span breakingBadge() {
        Span badge = new Span("Breaking");
        badge.addClassNames("status-badge", "change-breaking");
        return badge;
    }
}

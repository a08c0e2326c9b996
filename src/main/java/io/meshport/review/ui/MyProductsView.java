package io.meshport.review.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.meshport.catalog.ProductBadges;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import io.meshport.review.OwnedProduct;
import io.meshport.review.ReviewBadges;
import io.meshport.review.ReviewService;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Owner review: the products of the signed-in user's teams, with status, SLA compliance, open
 * warnings and review state, and the marks other features put on products (a policy violated,
 * say, leading to the page that explains it); sortable and filterable. A team has tens of
 * products, not thousands, so the list is held in memory and sorted there.
 */
@Route("my")
@PageTitle("My products · Meshport")
@Menu(order = 2, title = "My products", icon = "USER_CHECK")
@PermitAll
class MyProductsView extends VerticalLayout {

    static final String ALL = "All statuses";

    MyProductsView(ReviewService reviews, CurrentIdentity currentIdentity, List<ProductBadges> badgeSources) {
        add(new H2("My products"));
        Identity caller = currentIdentity.require();
        List<OwnedProduct> rows = reviews.myProducts();
        // Other features' marks: review's own ("Review overdue") is the Review column here.
        Map<String, List<ProductBadges.Mark>> marks = marks(
                badgeSources.stream()
                        .filter(source -> !(source instanceof ReviewBadges))
                        .toList(),
                rows.stream().map(row -> row.product().id()).toList());
        if (rows.isEmpty()) {
            Paragraph none = new Paragraph(
                    caller.teams().isEmpty()
                            ? "You belong to no team, so you own no data products. Products are owned by teams"
                                    + " (groups of the identity provider); once you are in one, its products are"
                                    + " listed here for review."
                            : "Your teams (" + String.join(", ", caller.teams())
                                    + ") own no data products yet. Publish one with Create.");
            none.setId("my-products-empty");
            add(none);
            return;
        }

        TextField name = new TextField("Filter by name or id");
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.setClearButtonVisible(true);
        Select<String> status = new Select<>();
        status.setLabel("Status");
        List<String> statuses = new ArrayList<>(List.of(ALL));
        rows.stream()
                .map(row -> row.product().status().value())
                .distinct()
                .sorted()
                .forEach(statuses::add);
        status.setItems(statuses);
        status.setValue(ALL);
        Checkbox attention = new Checkbox("Needs attention only");
        HorizontalLayout filters = new HorizontalLayout(name, status, attention);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        Grid<OwnedProduct> grid = new Grid<>();
        grid.setId("my-products");
        grid.setAllRowsVisible(true);
        var product = grid.addComponentColumn(row ->
                        nameAndMarks(row, marks.getOrDefault(row.product().id(), List.of())))
                .setHeader("Product (review)")
                .setComparator(Comparator.comparing(
                        (OwnedProduct row) -> row.product().name().toLowerCase(Locale.ROOT)))
                .setSortable(true)
                .setFlexGrow(2);
        // The short columns as wide as their text: the product's name has the rest.
        // Wide enough for the header and its sort mark too (auto width measures the cells only).
        grid.addColumn(row -> row.product().ownerTeam())
                .setHeader("Team")
                .setWidth("6.5em")
                .setFlexGrow(0)
                .setSortable(true);
        grid.addColumn(row -> row.product().status().value())
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setSortable(true);
        grid.addComponentColumn(row -> ReviewTexts.complianceBadge(row.sla()))
                .setHeader("SLA (30 days)")
                .setAutoWidth(true)
                .setComparator(Comparator.comparing(OwnedProduct::sla))
                .setSortable(true);
        grid.addComponentColumn(row -> warnings(row))
                .setHeader("Warnings")
                .setWidth("8.5em")
                .setFlexGrow(0)
                .setComparator(Comparator.comparingInt(
                        (OwnedProduct row) -> row.warnings().size()))
                .setSortable(true);
        grid.addComponentColumn(row -> review(row))
                .setHeader("Review")
                // "overdue since 28 Sept 2026" whole, not cut at the grid's edge.
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setComparator(Comparator.comparing(
                        (OwnedProduct row) -> row.review().due(), Comparator.nullsLast(LocalDate::compareTo)))
                .setSortable(true);

        ListDataProvider<OwnedProduct> items = new ListDataProvider<>(rows);
        grid.setItems(items);
        grid.sort(List.of(new GridSortOrder<>(product, com.vaadin.flow.data.provider.SortDirection.ASCENDING)));
        Runnable filter = () ->
                items.setFilter(row -> matches(row, marks, name.getValue(), status.getValue(), attention.getValue()));
        name.addValueChangeListener(e -> filter.run());
        status.addValueChangeListener(e -> filter.run());
        attention.addValueChangeListener(e -> filter.run());

        long needing = rows.stream().filter(row -> needsAttention(row, marks)).count();
        Paragraph summary = new Paragraph(rows.size() + " products of your teams (" + String.join(", ", caller.teams())
                + "); " + needing + " need attention.");
        summary.setId("my-products-summary");
        add(summary, filters, grid);
    }

    private static boolean matches(
            OwnedProduct row,
            Map<String, List<ProductBadges.Mark>> marks,
            String text,
            String status,
            boolean attentionOnly) {
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return (needle.isEmpty()
                        || row.product().name().toLowerCase(Locale.ROOT).contains(needle)
                        || row.product().id().toLowerCase(Locale.ROOT).contains(needle))
                && (ALL.equals(status) || row.product().status().value().equals(status))
                && (!attentionOnly || needsAttention(row, marks));
    }

    /** Review's own reasons, or a mark another feature puts on the product (a policy violated). */
    private static boolean needsAttention(OwnedProduct row, Map<String, List<ProductBadges.Mark>> marks) {
        return row.needsAttention()
                || !marks.getOrDefault(row.product().id(), List.of()).isEmpty();
    }

    /** The marks of the products, from every feature that puts some, in one look-up each. */
    private static Map<String, List<ProductBadges.Mark>> marks(List<ProductBadges> sources, List<String> ids) {
        Map<String, List<ProductBadges.Mark>> marks = new HashMap<>();
        if (ids.isEmpty()) {
            return marks;
        }
        for (ProductBadges source : sources) {
            source.marks(ids)
                    .forEach((id, found) -> marks.merge(id, found, (a, b) -> {
                        List<ProductBadges.Mark> all = new ArrayList<>(a);
                        all.addAll(b);
                        return all;
                    }));
        }
        return marks;
    }

    /** The product's name (leading to its review) and its marks, each leading to what explains it. */
    static HorizontalLayout nameAndMarks(OwnedProduct row, List<ProductBadges.Mark> marks) {
        HorizontalLayout cell = new HorizontalLayout(
                ReviewTexts.link("my/" + row.product().id(), row.product().name()));
        cell.setSpacing(false);
        // A long name wraps (a grid cell's text does not by default) instead of being cut off.
        cell.getStyle()
                .set("gap", "var(--lumo-space-xs)")
                .set("flex-wrap", "wrap")
                .set("white-space", "normal");
        cell.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (!row.drift().isEmpty()) {
            // Marked as other features' marks are, leading to the lineage that shows the drift.
            HtmlContainer drift =
                    ReviewTexts.link("products/" + row.product().id() + "/lineage", DriftList.mark(row.drift()));
            drift.addClassNames("status-badge", "attention-badge", "product-mark", "lineage-drift");
            drift.getStyle().set("text-decoration", "underline");
            drift.setTitle(String.join(
                    "\n", row.drift().stream().map(item -> item.message()).toList()));
            cell.add(drift);
        }
        for (ProductBadges.Mark mark : marks) {
            HtmlContainer badge =
                    mark.link() == null ? new Span(mark.text()) : ReviewTexts.link(mark.link(), mark.text());
            badge.addClassNames("status-badge", "attention-badge", "product-mark");
            if (mark.link() != null) {
                // Said by the underline too, not by the badge alone: it leads to what explains it.
                badge.getStyle().set("text-decoration", "underline");
            }
            cell.add(badge);
        }
        return cell;
    }

    private static Span warnings(OwnedProduct row) {
        Span count = new Span(
                row.warnings().isEmpty()
                        ? "none"
                        : String.valueOf(row.warnings().size()));
        if (!row.warnings().isEmpty()) {
            count.addClassNames("status-badge", "attention-badge");
            count.setTitle(String.join(
                    "\n", row.warnings().stream().map(w -> w.message()).toList()));
        }
        return count;
    }

    private static Span review(OwnedProduct row) {
        Span due = new Span(ReviewTexts.due(row.review()));
        if (row.review().overdue()) {
            due.addClassNames("status-badge", "attention-badge", "review-overdue");
        }
        return due;
    }
}

package io.meshport.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.meshport.governance.GovernanceService;
import io.meshport.governance.PolicyView;
import io.meshport.governance.ViolationEntry;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The products that violate an enabled policy now, the newest violations first, paged lazily
 * through the service (a large mesh may have thousands); filtered by policy on request.
 */
class ViolationsSection extends VerticalLayout {

    static final String ALL = "All policies";

    /** Up to this many violations, the grid is as tall as its rows. */
    static final int ALL_ROWS_VISIBLE = 20;

    private final GovernanceService governance;
    private final Grid<ViolationEntry> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();

    ViolationsSection(GovernanceService governance) {
        this.governance = governance;
        setPadding(false);
        Select<String> policy = new Select<>();
        policy.setId("violations-policy");
        policy.setLabel("Policy");
        policy.setWidth("min(28rem, 100%)");
        List<String> ids = new ArrayList<>(List.of(ALL));
        List<PolicyView> enabled = governance.policies().stream()
                .filter(p -> p.definition().enabled())
                .toList();
        enabled.forEach(p -> ids.add(p.id()));
        policy.setItems(ids);
        policy.setItemLabelGenerator(id -> enabled.stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .map(p -> p.definition().title())
                .orElse(id));
        policy.setValue(ALL);
        policy.addValueChangeListener(change -> load(ALL.equals(change.getValue()) ? null : change.getValue()));
        summary.setId("violations-summary");

        grid.setId("violations-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(ViolationsSection::product)
                .setHeader("Product")
                .setWidth("12rem")
                .setFlexGrow(2);
        grid.addColumn(ViolationEntry::team)
                .setHeader("Team")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(ViolationsSection::policy)
                .setHeader("Policy")
                .setWidth("12rem")
                .setFlexGrow(2);
        grid.addColumn(v -> v.message() == null ? v.policyTitle() : v.message())
                .setHeader("What is wrong")
                .setWidth("14rem")
                .setFlexGrow(3);
        grid.addColumn(v -> GovernanceTexts.when(v.since()))
                .setHeader("Since")
                .setAutoWidth(true)
                .setFlexGrow(0);
        add(policy, summary, grid);
        load(null);
    }

    private void load(@Nullable String policyId) {
        long count = governance.violationCount(policyId);
        summary.setText(
                count == 0
                        ? "No product violates " + (policyId == null ? "an enabled policy" : "this policy") + "."
                        : count + (count == 1 ? " violation" : " violations") + ", the newest first.");
        grid.setItems(query -> governance.violations(policyId, query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, governance.violationCount(policyId)));
        // A few rows take the room they need; many scroll inside the grid, fetched page by page.
        grid.setAllRowsVisible(count <= ALL_ROWS_VISIBLE);
        if (count > ALL_ROWS_VISIBLE) {
            grid.setHeight("32rem");
        }
        grid.setVisible(count > 0);
    }

    private static Component product(ViolationEntry violation) {
        Div cell = new Div(GovernanceTexts.productLink(violation.productId(), violation.productName()));
        if (violation.domain() != null) {
            Span domain = new Span(violation.domain());
            domain.getStyle()
                    .set("display", "block")
                    .set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            cell.add(domain);
        }
        return cell;
    }

    private static Component policy(ViolationEntry violation) {
        return new Div(
                GovernanceTexts.policyLink(violation.policyId(), violation.policyTitle()),
                new Span(" "),
                GovernanceTexts.mode(violation.mode()),
                new Span(" "),
                GovernanceTexts.severity(violation.severity()));
    }
}

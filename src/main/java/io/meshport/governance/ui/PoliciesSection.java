package io.meshport.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.meshport.governance.GovernanceService;
import io.meshport.governance.PolicyDefinition;
import io.meshport.governance.PolicyMode;
import io.meshport.governance.PolicyView;
import java.util.Comparator;
import java.util.List;

/**
 * The policies not retired, each with how it is enforced and how many of the products it covers
 * keep it today. A mesh has tens of policies: the rows are held in memory.
 */
class PoliciesSection extends VerticalLayout {

    PoliciesSection(GovernanceService governance) {
        setPadding(false);
        List<PolicyView> policies = governance.policies();
        long enabled = policies.stream().filter(p -> p.definition().enabled()).count();
        Paragraph summary = new Paragraph(
                policies.size() + (policies.size() == 1 ? " policy, " : " policies, ") + enabled + " enabled.");
        summary.setId("policies-summary");
        if (governance.mayGovern()) {
            Button create = new Button("New policy", VaadinIcon.PLUS.create(), click -> getUI().ifPresent(
                            ui -> ui.navigate(GovernanceTexts.newPolicyPath())));
            create.setId("new-policy");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        add(summary, grid(policies));
    }

    private static Grid<PolicyView> grid(List<PolicyView> policies) {
        Grid<PolicyView> grid = new Grid<>();
        grid.setId("policies-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(PoliciesSection::title)
                .setHeader("Policy")
                .setComparator(
                        Comparator.comparing((PolicyView p) -> p.definition().title(), String.CASE_INSENSITIVE_ORDER))
                .setWidth("12rem")
                .setFlexGrow(3);
        grid.addComponentColumn(p -> GovernanceTexts.mode(p.definition().mode()))
                .setHeader("Mode")
                .setComparator(p -> p.definition().mode())
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(p -> p.definition().mode() == PolicyMode.ENFORCED
                        ? "on " + p.definition().enforceOn().value()
                        : "—")
                .setHeader("Enforced")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(p -> GovernanceTexts.severity(p.definition().severity()))
                .setHeader("Severity")
                .setWidth("7rem")
                .setComparator(p -> p.definition().severity())
                .setFlexGrow(0);
        grid.addComponentColumn(PoliciesSection::marks)
                .setHeader("State")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(PolicyView::inScope)
                .setHeader("In scope")
                .setSortable(true)
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(PolicyView::failing)
                .setHeader("Failing")
                .setWidth("6.5rem")
                .setSortable(true)
                .setTextAlign(ColumnTextAlign.END)
                .setFlexGrow(0);
        grid.addComponentColumn(PoliciesSection::passRate)
                .setHeader("Pass rate")
                .setComparator(p -> p.definition().enabled() ? p.passRate() : 2.0)
                // Wide enough for "100 %" and its bar: measured from the text alone, it clipped the bar.
                .setWidth("10rem")
                .setFlexGrow(0);
        grid.setItems(policies);
        grid.setPartNameGenerator(p -> p.definition().enabled() ? null : "disabled-policy");
        return grid;
    }

    private static Component title(PolicyView policy) {
        Div cell = new Div(
                GovernanceTexts.policyLink(policy.id(), policy.definition().title()));
        Span id = new Span(policy.id() + " · " + policy.definition().scope().describe());
        id.getStyle()
                .set("display", "block")
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        cell.add(id);
        return cell;
    }

    private static Component marks(PolicyView policy) {
        PolicyDefinition definition = policy.definition();
        Div cell = new Div(
                definition.enabled()
                        ? GovernanceTexts.badge("✓ enabled", "policy-enabled", "status-active")
                        : GovernanceTexts.badge("– disabled", "policy-disabled"));
        if (policy.builtIn()) {
            cell.add(new Span(" "), GovernanceTexts.badge("built-in", "policy-built-in", "team-badge"));
        }
        return cell;
    }

    private static Component passRate(PolicyView policy) {
        // Short, so the column fits a laptop screen beside the others; the reason is its title.
        if (!policy.definition().enabled()) {
            return none("not evaluated: disabled");
        }
        if (policy.inScope() == 0) {
            return none("no product in scope");
        }
        Div cell = GovernanceTexts.shareBar(policy.passRate());
        cell.getElement().setAttribute("title", policy.passing() + " of " + policy.inScope() + " keep it");
        return cell;
    }

    private static Span none(String why) {
        Span none = new Span("— " + (why.startsWith("not") ? "off" : "none"));
        none.getElement().setAttribute("title", why);
        none.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return none;
    }
}

package io.meshport.governance.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.meshport.governance.ExpiringExemption;
import io.meshport.governance.GovernanceService;
import java.time.Duration;
import java.util.List;

/**
 * The exemptions that run out in the next {@value #DAYS} days, the soonest first: after that, the
 * product violates the policy again unless it keeps it by then.
 */
class ExpiringExemptionsSection extends VerticalLayout {

    static final int DAYS = 14;

    ExpiringExemptionsSection(GovernanceService governance) {
        setPadding(false);
        List<ExpiringExemption> exemptions = governance.exemptionsExpiring(Duration.ofDays(DAYS));
        Paragraph summary = new Paragraph(
                exemptions.isEmpty()
                        ? "No exemption expires in the next " + DAYS + " days."
                        : exemptions.size() + (exemptions.size() == 1 ? " exemption expires" : " exemptions expire")
                                + " in the next " + DAYS + " days; the product then violates the policy again unless it"
                                + " keeps it by then.");
        summary.setId("exemptions-summary");
        add(summary);
        if (exemptions.isEmpty()) {
            return;
        }
        Grid<ExpiringExemption> grid = new Grid<>();
        grid.setId("exemptions-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> GovernanceTexts.when(e.expiresAt()))
                .setHeader("Expires")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(e -> GovernanceTexts.productLink(e.productId(), e.productName()))
                .setHeader("Product")
                .setFlexGrow(2);
        grid.addColumn(ExpiringExemption::team)
                .setHeader("Team")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(e -> GovernanceTexts.policyLink(e.policyId(), e.policyTitle()))
                .setHeader("Policy")
                .setFlexGrow(2);
        grid.addColumn(ExpiringExemption::reason).setHeader("Reason").setFlexGrow(3);
        grid.addColumn(e -> e.grantedBy() + ", " + GovernanceTexts.day(e.grantedAt()))
                .setHeader("Granted")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(exemptions);
        add(grid);
    }
}

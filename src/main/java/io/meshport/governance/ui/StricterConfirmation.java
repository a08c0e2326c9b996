package io.meshport.governance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import io.meshport.governance.DryRun;
import io.meshport.governance.PolicyMode;

/**
 * Before a policy is enabled or made enforced: the dry run's effect on today's catalog, which
 * governance confirms or cancels. Nothing is saved until Confirm.
 */
class StricterConfirmation extends Dialog {

    StricterConfirmation(String title, PolicyMode mode, boolean enabling, DryRun effect, Runnable confirmed) {
        setId("stricter-dialog");
        setHeaderTitle((enabling ? "Enable " : "Enforce ") + "'" + title + "'?");
        setWidth("min(40rem, 95vw)");
        Paragraph headline = new Paragraph(EffectPanel.headline(effect));
        headline.setId("stricter-headline");
        headline.getStyle().set("font-weight", "600");
        add(headline);
        add(new Paragraph(consequence(mode, effect)));
        if (effect.violating() > 0) {
            Grid<DryRun.TeamCount> teams = new Grid<>();
            teams.setId("stricter-teams");
            teams.addThemeVariants(GridVariant.LUMO_COMPACT);
            teams.setAllRowsVisible(true);
            teams.addColumn(DryRun.TeamCount::team).setHeader("Team").setFlexGrow(2);
            teams.addColumn(DryRun.TeamCount::violating)
                    .setHeader("Would violate")
                    .setTextAlign(ColumnTextAlign.END);
            teams.addColumn(DryRun.TeamCount::evaluated).setHeader("In scope").setTextAlign(ColumnTextAlign.END);
            teams.setItems(
                    effect.byTeam().stream().filter(t -> t.violating() > 0).toList());
            add(teams);
        }
        Button confirm = new Button("Confirm", click -> {
            close();
            confirmed.run();
        });
        confirm.setId("stricter-confirm");
        confirm.addThemeVariants(
                mode == PolicyMode.ENFORCED ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY,
                ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("stricter-cancel");
        getFooter().add(cancel, confirm);
    }

    private static String consequence(PolicyMode mode, DryRun effect) {
        if (effect.violating() == 0) {
            return mode == PolicyMode.ENFORCED
                    ? "From now on, a change that breaks it is refused."
                    : "From now on, products that break it are shown as violating it.";
        }
        return mode == PolicyMode.ENFORCED
                ? "Their owners are told, and a change that breaks it is refused from now on (on publish or on"
                        + " activation, as the policy says). Products that break it today keep working until then."
                : "Their owners are told, and the violations are shown on their products and here. Nothing is"
                        + " refused: the policy is advisory.";
    }
}

package io.meshport.governance.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import io.meshport.governance.DryRun;

/**
 * A policy's effect on today's catalog, as the dry run found it: how many products it covers,
 * how many would violate it, per team, and which (with links to them).
 */
class EffectPanel extends Div {

    EffectPanel(DryRun effect) {
        setId("policy-effect");
        setWidthFull();
        add(new H3("Effect on today's catalog"));
        Paragraph headline = new Paragraph(headline(effect));
        headline.setId("policy-effect-headline");
        headline.getStyle().set("font-weight", "600");
        add(headline);
        Paragraph counts = new Paragraph("Evaluated: " + products(effect.evaluated()) + " in scope · Passing: "
                + effect.passing() + (effect.exempt() > 0 ? " (" + effect.exempt() + " by an exemption)" : "")
                + " · Violating: " + products(effect.violating())
                + (effect.errors() > 0 ? " · " + effect.errors() + " where the rule could not decide" : ""));
        counts.setId("policy-effect-counts");
        add(counts);
        if (effect.evaluated() == 0) {
            return;
        }
        add(new H4("By team"));
        Grid<DryRun.TeamCount> teams = new Grid<>();
        teams.setId("policy-effect-teams");
        teams.addThemeVariants(GridVariant.LUMO_COMPACT);
        teams.setAllRowsVisible(true);
        teams.addColumn(DryRun.TeamCount::team).setHeader("Team").setFlexGrow(2);
        teams.addColumn(DryRun.TeamCount::evaluated).setHeader("In scope").setTextAlign(ColumnTextAlign.END);
        teams.addColumn(DryRun.TeamCount::violating).setHeader("Would violate").setTextAlign(ColumnTextAlign.END);
        teams.setItems(effect.byTeam());
        add(teams);
        if (effect.violations().isEmpty()) {
            return;
        }
        add(new H4("Products that would violate it"));
        Grid<DryRun.Finding> products = new Grid<>();
        products.setId("policy-effect-products");
        products.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        products.setAllRowsVisible(effect.violations().size() <= 20);
        if (effect.violations().size() > 20) {
            products.setHeight("24rem");
        }
        products.addComponentColumn(f -> GovernanceTexts.productLink(f.productId(), f.productName()))
                .setHeader("Product")
                .setFlexGrow(2);
        products.addColumn(DryRun.Finding::team).setHeader("Team").setAutoWidth(true);
        products.addColumn(DryRun.Finding::message).setHeader("What is wrong").setFlexGrow(3);
        products.setItems(effect.violations());
        add(products);
        if (effect.truncated()) {
            add(new Paragraph(
                    "The first " + effect.violations().size() + " of " + effect.violating() + " are listed."));
        }
    }

    /** "2 products of 1 team would violate this policy", or that none would. */
    static String headline(DryRun effect) {
        if (effect.violating() == 0) {
            return "No product would violate this policy (" + products(effect.evaluated()) + " in scope).";
        }
        long teams = effect.byTeam().stream().filter(t -> t.violating() > 0).count();
        return products(effect.violating()) + " of " + teams + (teams == 1 ? " team" : " teams")
                + " would violate this policy (of " + effect.evaluated() + " in scope).";
    }

    static String products(long count) {
        return count + (count == 1 ? " product" : " products");
    }
}

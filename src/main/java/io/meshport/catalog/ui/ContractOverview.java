package io.meshport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.meshport.catalog.ContractDetails;
import io.meshport.catalog.ProductDetails;
import java.util.Objects;

/** A contract page's first tab: what the contract is for, who owns and supports it, its custom properties. */
final class ContractOverview extends VerticalLayout {

    ContractOverview(ContractDetails contract) {
        setPadding(false);
        add(new H3("Purpose"));
        add(contract.purpose() == null ? new Paragraph("No purpose given.") : Markdown.render(contract.purpose()));
        if (contract.limitations() != null) {
            add(new H3("Limitations"), Markdown.render(contract.limitations()));
        }
        if (contract.usage() != null) {
            add(new H3("Usage"), Markdown.render(contract.usage()));
        }
        if (!contract.tags().isEmpty()) {
            HorizontalLayout tags = new HorizontalLayout();
            tags.getStyle().set("gap", "var(--lumo-space-xs)");
            contract.tags().forEach(tag -> {
                Span badge = new Span(tag);
                badge.addClassName("team-badge");
                tags.add(badge);
            });
            add(new H3("Tags"), tags);
        }
        HorizontalLayout facts = new HorizontalLayout();
        facts.addClassName("product-facts");
        facts.add(ContractView.fact("Data product", Objects.requireNonNullElse(contract.dataProduct(), "—")));
        facts.add(ContractView.fact("Tenant", Objects.requireNonNullElse(contract.tenant(), "—")));
        add(facts);

        add(new H3("Team"), new Paragraph("Owned by team " + contract.ownerTeam() + "."));
        if (!contract.team().isEmpty()) {
            Grid<ContractDetails.Member> members = new Grid<>();
            members.setId("contract-team");
            members.addThemeVariants(GridVariant.LUMO_COMPACT);
            members.setAllRowsVisible(true);
            members.addColumn(ContractDetails.Member::username).setHeader("Member");
            members.addColumn(ContractDetails.Member::name).setHeader("Name");
            members.addColumn(ContractDetails.Member::role).setHeader("Role");
            members.setItems(contract.team());
            add(members);
        }
        add(new H3("Support"));
        if (contract.support().isEmpty()) {
            add(new Paragraph("No support channel given."));
        }
        for (ProductDetails.SupportChannel channel : contract.support()) {
            String label = Objects.requireNonNullElse(channel.channel(), "channel")
                    + (channel.tool() == null ? "" : " (" + channel.tool() + ")");
            String url = channel.url();
            add(
                    url != null && (url.startsWith("https://") || url.startsWith("mailto:"))
                            ? new Anchor(url, label)
                            : new Span(label));
        }
        add(new H3("Custom properties"));
        add(customProperties(contract));
    }

    private static Component customProperties(ContractDetails contract) {
        if (contract.customProperties().isEmpty()) {
            return new Paragraph("No custom properties.");
        }
        Grid<ContractDetails.Property> grid = new Grid<>();
        grid.setId("custom-properties");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ContractDetails.Property::property).setHeader("Property");
        grid.addColumn(ContractDetails.Property::value).setHeader("Value").setFlexGrow(3);
        grid.setItems(contract.customProperties());
        return grid;
    }
}

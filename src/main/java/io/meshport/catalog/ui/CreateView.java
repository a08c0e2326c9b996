package io.meshport.catalog.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.meshport.identity.CurrentIdentity;
import jakarta.annotation.security.PermitAll;

/** Where owners will publish data products. Says what it will offer and for which teams. */
@Route("create")
@PageTitle("Create · Meshport")
@Menu(order = 1, title = "Create", icon = "PLUS_CIRCLE")
@PermitAll
class CreateView extends VerticalLayout {

    CreateView(CurrentIdentity currentIdentity) {
        add(new H2("Publish a data product"));
        String teams = currentIdentity
                .find()
                .map(identity -> identity.teams().isEmpty() ? "" : String.join(", ", identity.teams()))
                .orElse("");
        add(new Paragraph(
                teams.isEmpty()
                        ? "You are in no team, so there is nothing you can publish yet: ask to be added to a domain team's group."
                        : "You can publish for: " + teams + "."));
        add(new Paragraph("The publishing form is being built. It will let you:"));
        add(new UnorderedList(
                new ListItem("describe a product: name, domain, purpose (Markdown), limitations, usage, tags"),
                new ListItem("declare output ports with their contracts: schema fields, SLA"),
                new ListItem("connect input ports to other products' output ports, which declares lineage"),
                new ListItem("import and export ODPS and ODCS documents")));
        add(new Paragraph("Until then, pipelines publish through the REST API at /api/v1."));
    }
}

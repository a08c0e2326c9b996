package io.meshport.review.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Owner review of the products of one's teams. Says what it will offer. */
@Route("my")
@PageTitle("My products · Meshport")
@Menu(order = 2, title = "My products", icon = "USER_CHECK")
@PermitAll
class MyProductsView extends VerticalLayout {

    MyProductsView() {
        add(new H2("My products"));
        add(new Paragraph("Owner review is being built. For the products of your teams it will show:"));
        add(new UnorderedList(
                new ListItem("status, SLA compliance measured from observations, and open warnings"),
                new ListItem("lineage health: deprecated or unresolved upstream products"),
                new ListItem("reviews due, and a place to sign them off")));
    }
}

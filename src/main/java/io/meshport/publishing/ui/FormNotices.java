package io.meshport.publishing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.meshport.catalog.CatalogPaths;
import io.meshport.catalog.ProductDetails;

/** What the form's page says instead of a form when there is nothing the caller may edit. */
final class FormNotices {

    private FormNotices() {}

    static Component[] noSuchProduct(String id) {
        return new Component[] {
            new H2("No such data product"), new Paragraph("The catalog has no data product '" + id + "'.")
        };
    }

    static Component[] notAMember(ProductDetails product) {
        return new Component[] {
            new H2("You may not edit this product"),
            new Paragraph("'" + product.summary().name() + "' is owned by team "
                    + product.summary().ownerTeam() + ", and you are not a member."),
            productLink("Back to the product", product.summary().id())
        };
    }

    static Component[] noTeam() {
        return new Component[] {
            new H2("Publish a data product"),
            new Paragraph("You are in no team, so there is nothing you can publish yet: ask to be added to a"
                    + " domain team's group in the identity provider.")
        };
    }

    /** A link to catalog's product page, followed by the router without reloading the page. */
    static Anchor productLink(String text, String productId) {
        Anchor link = new Anchor(CatalogPaths.product(productId), text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }
}

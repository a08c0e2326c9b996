package io.meshport.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.meshport.catalog.CatalogPaths;
import io.meshport.catalog.MarkdownText;
import io.meshport.search.SearchResults;
import java.util.List;
import java.util.Objects;

/** One product in Explore's result list: its name (a link), status, marks, facts and snippet. */
final class HitCard {

    private HitCard() {}

    /** A link to the product's page (catalog's), followed by the router without reloading the page. */
    private static Anchor productLink(SearchResults.Hit hit) {
        Anchor name = new Anchor(CatalogPaths.product(hit.id()), hit.name());
        name.getElement().setAttribute("router-link", true);
        name.addClassName("hit-name");
        return name;
    }

    private static Span statusBadge(SearchResults.Hit hit) {
        Span badge = new Span(hit.status().value());
        badge.addClassNames("status-badge", "status-" + hit.status().value());
        return badge;
    }

    static Component of(SearchResults.Hit hit, List<String> marks) {
        HorizontalLayout title = new HorizontalLayout(productLink(hit), statusBadge(hit));
        for (String mark : marks) {
            Span badge = new Span(mark);
            badge.addClassNames("status-badge", "attention-badge", "hit-badge");
            title.add(badge);
        }
        if (hit.trustScore() != null) {
            Span trust = new Span("Trust " + hit.trustScore());
            trust.addClassName("hit-trust");
            trust.setTitle("Trust score from governance, 0 to 100: its points are explained on the product's page");
            title.add(trust);
        }
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        Span facts = new Span(
                Objects.requireNonNullElse(hit.domain(), "no domain") + " · team " + hit.team() + " · " + hit.id());
        facts.addClassName("hit-facts");
        VerticalLayout card = new VerticalLayout(title, facts);
        card.setPadding(false);
        card.setSpacing(false);
        if (hit.highlight() != null) {
            // The highlighter escapes the text and adds only <mark>: safe to show as HTML.
            Html snippet = new Html("<span class=\"hit-snippet\">" + hit.highlight() + "</span>");
            card.add(snippet);
        } else if (hit.purpose() != null) {
            String text = MarkdownText.of(hit.purpose());
            Span purpose = new Span(text.length() > 200 ? text.substring(0, 200) + "…" : text);
            purpose.addClassName("hit-snippet");
            card.add(purpose);
        }
        return card;
    }
}

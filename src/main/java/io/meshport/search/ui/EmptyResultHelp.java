package io.meshport.search.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.meshport.search.SearchRequest;
import org.jspecify.annotations.Nullable;

/** What an empty result says: why nothing was found, and the ways on from there. */
final class EmptyResultHelp {

    /** The ways on that Explore offers; each changes its search. */
    interface Ways {
        void showRetired();

        void searchFor(String text);

        void removeFilters();
    }

    private EmptyResultHelp() {}

    static Component of(SearchRequest current, @Nullable String suggestion, long hiddenRetired, Ways ways) {
        VerticalLayout help = new VerticalLayout();
        help.setPadding(false);
        boolean filtered = !current.domains().isEmpty()
                || !current.teams().isEmpty()
                || !current.statuses().isEmpty()
                || !current.tags().isEmpty()
                || !current.portTypes().isEmpty()
                || current.myTeams();
        help.add(new Paragraph(
                current.text().isEmpty()
                        ? "No data product matches these filters."
                        : "No data product matches “" + current.text() + "”"
                                + (filtered ? " with these filters." : ".")));
        if (hiddenRetired > 0) {
            Button showRetired = new Button(
                    hiddenRetired == 1
                            ? "Show the retired product that matches"
                            : "Show the " + hiddenRetired + " retired products that match",
                    click -> ways.showRetired());
            showRetired.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            help.add(showRetired);
        }
        if (suggestion != null) {
            Button didYouMean =
                    new Button("Search for “" + suggestion + "” instead", click -> ways.searchFor(suggestion));
            didYouMean.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            help.add(didYouMean);
        }
        if (filtered) {
            Button broaden = new Button("Remove the filters", click -> ways.removeFilters());
            broaden.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            help.add(broaden);
        }
        if (!current.includeRetired() && hiddenRetired == 0) {
            help.add(new Span("Retired products are hidden: tick “Show retired” to include them."));
        }
        if (!current.includeOtherTeamsDrafts()) {
            help.add(new Span("Other teams' drafts and proposals are hidden: tick “Show other teams' drafts” to"
                    + " include them."));
        }
        return help;
    }
}

package io.meshport.search.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.meshport.catalog.ProductBadges;
import io.meshport.search.CatalogSearch;
import io.meshport.search.SearchRequest;
import io.meshport.search.SearchResults;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Explore: search and browse the catalog. Results follow the typing; facets narrow them down,
 * with counts that follow the query; the URL holds the whole state, so a search can be shared
 * and the back button returns to it.
 */
@Route("")
@PageTitle("Explore · Meshport")
@Menu(order = 0, title = "Explore", icon = "SEARCH")
@PermitAll
class ExploreView extends HorizontalLayout implements BeforeEnterObserver {

    private static final Map<String, String> FACET_LABELS = new LinkedHashMap<>();

    static {
        FACET_LABELS.put("domain", "Domain");
        FACET_LABELS.put("team", "Owning team");
        FACET_LABELS.put("status", "Status");
        FACET_LABELS.put("tag", "Tag");
        FACET_LABELS.put("portType", "Output port type");
        FACET_LABELS.put("violating", "Policies");
    }

    /** How the values of a facet read; most are shown as indexed. */
    private static final Map<String, Map<String, String>> VALUE_LABELS =
            Map.of("violating", Map.of("true", "Violates a policy", "false", "No violations"));

    /** The trust scores Explore offers as a lower bound. */
    private static final List<Integer> TRUST_BOUNDS = List.of(50, 70, 90);

    private final CatalogSearch search;
    private final TextField query = new TextField("Search data products");
    private final Select<SearchRequest.Sort> sort = new Select<>();
    private final Select<Integer> minTrust = new Select<>();
    private List<Integer> offeredTrustBounds = TRUST_BOUNDS;
    private final Checkbox mine = new Checkbox("My teams' products");
    private final Checkbox retired = new Checkbox("Show retired");
    private final Checkbox drafts = new Checkbox("Show other teams' drafts");
    private final Map<String, CheckboxGroup<String>> facets = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private final Paragraph summary = new Paragraph();
    private final Div emptyHelp = new Div();
    /** Said in words, not by colour: the results hold most of the query's words, not every one. */
    private final Paragraph partial =
            new Paragraph("No product matches every word; showing products that match most of them.");

    private final Grid<SearchResults.Hit> results = new Grid<>();
    private SearchRequest request = SearchRequest.text("");
    private boolean restoring;
    // True while this view puts its own state into the URL: the fields already hold that state
    // (and what is typed may be ahead of it), so the navigation must not write them back.
    private boolean followingFields;

    private final List<ProductBadges> badgeSources;
    // Marks of the products on the pages fetched so far (other features', e.g. "Review overdue").
    private final Map<String, List<String>> badges = new HashMap<>();

    ExploreView(CatalogSearch search, List<ProductBadges> badgeSources) {
        this.search = search;
        this.badgeSources = badgeSources;
        setSizeFull();

        VerticalLayout filters = new VerticalLayout();
        filters.setWidth("18em");
        filters.addClassName("explore-filters");
        mine.addValueChangeListener(e -> stateChanged());
        retired.addValueChangeListener(e -> stateChanged());
        drafts.setId("show-drafts");
        drafts.setTooltipText("Draft and proposed products of teams you are not in");
        drafts.addValueChangeListener(e -> stateChanged());
        filters.add(mine, retired, drafts);
        FACET_LABELS.forEach((facet, label) -> {
            CheckboxGroup<String> group = new CheckboxGroup<>(label);
            group.setId("facet-" + facet);
            group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
            group.setItemLabelGenerator(
                    value -> VALUE_LABELS.getOrDefault(facet, Map.of()).getOrDefault(value, value) + " ("
                            + counts.getOrDefault(facet, Map.of()).getOrDefault(value, 0L) + ")");
            group.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    stateChanged();
                }
            });
            facets.put(facet, group);
            filters.add(group);
        });
        minTrust.setId("min-trust");
        minTrust.setLabel("Trust score at least");
        minTrust.setItems(TRUST_BOUNDS);
        minTrust.setEmptySelectionAllowed(true);
        minTrust.setEmptySelectionCaption("Any");
        minTrust.setPlaceholder("Any");
        minTrust.setItemLabelGenerator(bound -> bound == null ? "Any" : String.valueOf(bound));
        minTrust.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                stateChanged();
            }
        });
        filters.add(minTrust);

        query.setId("explore-search");
        query.setPlaceholder("Name, purpose, field, tag…");
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setMaxLength(SearchRequest.MAX_TEXT);
        query.setWidthFull();
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setValueChangeTimeout(300);
        query.addValueChangeListener(e -> stateChanged());
        query.addKeyPressListener(Key.ENTER, e -> stateChanged());
        sort.setLabel("Sort by");
        sort.setItems(SearchRequest.Sort.values());
        sort.setItemLabelGenerator(s -> switch (s) {
            case RELEVANCE -> "Relevance";
            case NAME -> "Name";
            case UPDATED -> "Last updated";
            case TRUST -> "Trust score";
        });
        sort.setValue(SearchRequest.Sort.RELEVANCE);
        sort.addValueChangeListener(e -> stateChanged());
        HorizontalLayout bar = new HorizontalLayout(query, sort);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.expand(query);

        results.setId("search-results");
        results.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        results.addComponentColumn(hit -> HitCard.of(hit, badges.getOrDefault(hit.id(), List.of())))
                .setHeader("Data products");
        summary.setId("search-summary");
        emptyHelp.setId("search-empty");
        partial.setId("search-partial");
        partial.setVisible(false);

        VerticalLayout main =
                new VerticalLayout(new H2("Explore data products"), bar, summary, partial, emptyHelp, results);
        main.setSizeFull();
        main.expand(results);
        add(filters, main);
        expand(main);
    }

    /**
     * The URL is the state: on a real navigation (a link, the back button) the fields are set from
     * it; on the navigation that {@link #stateChanged} makes, they are left as they are, so that
     * nothing a person is typing is rewritten (the URL holds the query stripped).
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        String text = first(parameters, "q");
        restoring = true;
        try {
            if (!followingFields) {
                if (!query.getValue().strip().equals(text.strip())) {
                    query.setValue(text);
                }
                sort.setValue(
                        switch (first(parameters, "sort")) {
                            case "name" -> SearchRequest.Sort.NAME;
                            case "updated" -> SearchRequest.Sort.UPDATED;
                            case "trust" -> SearchRequest.Sort.TRUST;
                            default -> SearchRequest.Sort.RELEVANCE;
                        });
                mine.setValue("true".equals(first(parameters, "mine")));
                retired.setValue("true".equals(first(parameters, "retired")));
                drafts.setValue("true".equals(first(parameters, "otherTeamsDrafts")));
            }
            request = new SearchRequest(
                    text.length() > SearchRequest.MAX_TEXT ? text.substring(0, SearchRequest.MAX_TEXT) : text,
                    values(parameters, "domain"),
                    values(parameters, "team"),
                    values(parameters, "status"),
                    values(parameters, "tag"),
                    values(parameters, "portType"),
                    mine.getValue(),
                    retired.getValue(),
                    drafts.getValue(),
                    sort.getValue(),
                    violating(parameters),
                    trustBound(first(parameters, "minTrust")));
            showTrustBound(request.minTrust());
            refresh();
        } finally {
            restoring = false;
        }
    }

    private void stateChanged() {
        if (restoring) {
            return;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (!query.getValue().isBlank()) {
            parameters.put("q", List.of(query.getValue().strip()));
        }
        facets.forEach((facet, group) -> {
            if (!group.getValue().isEmpty()) {
                parameters.put(facet, group.getValue().stream().sorted().toList());
            }
        });
        if (mine.getValue()) {
            parameters.put("mine", List.of("true"));
        }
        if (retired.getValue()) {
            parameters.put("retired", List.of("true"));
        }
        if (drafts.getValue()) {
            parameters.put("otherTeamsDrafts", List.of("true"));
        }
        if (minTrust.getValue() != null) {
            parameters.put("minTrust", List.of(String.valueOf(minTrust.getValue())));
        }
        if (sort.getValue() != SearchRequest.Sort.RELEVANCE) {
            parameters.put("sort", List.of(sort.getValue().name().toLowerCase(Locale.ROOT)));
        }
        getUI().ifPresent(ui -> {
            followingFields = true;
            try {
                ui.navigate(ExploreView.class, new QueryParameters(parameters));
            } finally {
                followingFields = false;
            }
        });
    }

    private void refresh() {
        SearchRequest current = request;
        SearchResults first = search.search(current, 0, 0);
        counts.clear();
        first.facets().forEach((facet, values) -> {
            Map<String, Long> byValue = new LinkedHashMap<>();
            values.forEach(count -> byValue.put(count.value(), count.count()));
            counts.put(facet, byValue);
        });
        facets.forEach((facet, group) -> {
            Set<String> selected = selected(current, facet);
            // The values some product has (governance's facet counts its values even when none has one).
            List<String> items = new ArrayList<>();
            counts.getOrDefault(facet, Map.of()).forEach((value, count) -> {
                if (count > 0) {
                    items.add(value);
                }
            });
            selected.stream().filter(v -> !items.contains(v)).forEach(items::add);
            group.setItems(items);
            group.setValue(selected);
            group.setVisible(!items.isEmpty());
        });
        summary.setText(first.total() == 1 ? "1 data product" : first.total() + " data products");
        partial.setVisible(first.partial() && first.total() > 0);
        emptyHelp.removeAll();
        if (first.total() == 0) {
            emptyHelp.add(
                    EmptyResultHelp.of(current, first.suggestion(), first.hiddenRetired(), new EmptyResultHelp.Ways() {
                        @Override
                        public void showRetired() {
                            retired.setValue(true);
                        }

                        @Override
                        public void searchFor(String text) {
                            query.setValue(text);
                        }

                        @Override
                        public void removeFilters() {
                            facets.values().forEach(group -> group.setValue(Set.of()));
                            minTrust.clear();
                            mine.setValue(false);
                            stateChanged();
                        }
                    }));
        }
        // Facets and the total come from the first query; scrolling fetches hits only.
        badges.clear();
        results.setItems(q -> withBadges(search.hits(current, q.getOffset(), q.getLimit())).stream(), q ->
                (int) Math.min(Integer.MAX_VALUE, first.total()));
    }

    /** Asks the features that mark products once per page fetched. */
    private List<SearchResults.Hit> withBadges(List<SearchResults.Hit> page) {
        List<String> ids = page.stream().map(SearchResults.Hit::id).toList();
        for (ProductBadges source : badgeSources) {
            source.badges(ids)
                    .forEach((id, marks) -> badges.merge(id, marks, (a, b) -> {
                        List<String> all = new ArrayList<>(a);
                        all.addAll(b);
                        return all;
                    }));
        }
        return page;
    }

    private static Set<String> selected(SearchRequest request, String facet) {
        return switch (facet) {
            case "domain" -> request.domains();
            case "team" -> request.teams();
            case "status" -> request.statuses();
            case "tag" -> request.tags();
            case "violating" -> request.violating();
            default -> request.portTypes();
        };
    }

    /** The URL's violating values that mean something; a shared link with others is not an error. */
    private static Set<String> violating(Map<String, List<String>> parameters) {
        Set<String> values = new LinkedHashSet<>();
        values(parameters, "violating").stream()
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .filter(SearchRequest.VIOLATING_VALUES::contains)
                .forEach(values::add);
        return values;
    }

    /** The URL's lower bound of the trust score, if it is one (0 to 100); otherwise none. */
    private static @Nullable Integer trustBound(String parameter) {
        try {
            int bound = Integer.parseInt(parameter.strip());
            return bound >= 0 && bound <= 100 ? bound : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Shows the bound in the select, offering it too when a link names one Explore does not offer. */
    private void showTrustBound(@Nullable Integer bound) {
        List<Integer> offered = new ArrayList<>(TRUST_BOUNDS);
        if (bound != null && !offered.contains(bound)) {
            offered.add(bound);
            offered.sort(null);
        }
        if (!offered.equals(offeredTrustBounds)) {
            offeredTrustBounds = offered;
            minTrust.setItems(offered);
        }
        minTrust.setValue(bound);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.getFirst();
    }

    private static Set<String> values(Map<String, List<String>> parameters, String name) {
        return new LinkedHashSet<>(parameters.getOrDefault(name, List.of()));
    }
}

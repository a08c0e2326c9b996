package io.meshport.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.access.AgreementStatus;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DataProductSummary;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * My teams' access requests and agreements, both ways: what we asked of other teams' products
 * (as consumer) and what others asked of ours (as provider), each with its state and the steps the
 * caller may take. {@code /access?request={id}} opens one with its history: where notifications
 * link, so that an owner decides from the notification.
 */
@Route("access")
@PageTitle("Access · Meshport")
@Menu(order = 3, title = "Access", icon = "KEY")
@PermitAll
class AccessView extends VerticalLayout implements BeforeEnterObserver {

    static final int LIMIT = 500;
    static final String ALL_TEAMS = "All my teams";
    static final String BOTH = "Both ways";
    static final String AS_CONSUMER = "As consumer: what we asked for";
    static final String AS_PROVIDER = "As provider: what others asked of our products";
    static final String EVERYONE = "All agreements (governance)";
    static final String ALL_STATUSES = "All statuses";

    private final AccessService access;
    private final Identity caller;
    private final CatalogService catalog;
    private final Map<String, Boolean> mayDecide = new HashMap<>();
    private final Map<String, String> productNames = new HashMap<>();
    private final Select<String> team = new Select<>();
    private final Select<String> way = new Select<>();
    private final Select<String> status = new Select<>();
    private final AgreementGrid grid;
    private final Paragraph summary = new Paragraph();

    AccessView(AccessService access, CatalogService catalog, CurrentIdentity currentIdentity) {
        this.access = access;
        this.catalog = catalog;
        this.caller = currentIdentity.require();
        team.setLabel("Team");
        List<String> teams = new ArrayList<>(List.of(ALL_TEAMS));
        teams.addAll(caller.teams());
        team.setItems(teams);
        team.setValue(ALL_TEAMS);
        way.setLabel("Which way");
        way.setItems(
                caller.admin()
                        ? List.of(BOTH, AS_CONSUMER, AS_PROVIDER, EVERYONE)
                        : List.of(BOTH, AS_CONSUMER, AS_PROVIDER));
        way.setValue(BOTH);
        status.setLabel("Status");
        List<String> statuses = new ArrayList<>(List.of(ALL_STATUSES));
        Arrays.stream(AgreementStatus.values()).map(AgreementStatus::value).forEach(statuses::add);
        status.setItems(statuses);
        status.setValue(ALL_STATUSES);
        grid = new AgreementGrid(this::productName, this::direction, this::actions);
        grid.setId("access-agreements");
        summary.setId("access-summary");
        team.addValueChangeListener(e -> load());
        way.addValueChangeListener(e -> load());
        status.addValueChangeListener(e -> load());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> request =
                event.getLocation().getQueryParameters().getSingleParameter(AccessTexts.REQUEST_PARAMETER);
        show(request.isPresent(), request.flatMap(AccessView::uuid));
    }

    /** The page with one request open (when asked for), then the list. */
    private void show(boolean asked, Optional<UUID> request) {
        mayDecide.clear();
        productNames.clear();
        removeAll();
        add(new H2("Access requests and agreements"));
        if (asked) {
            add(details(request));
        }
        if (caller.teams().isEmpty()) {
            Paragraph none = new Paragraph("You belong to no team, so you have no requests or agreements. Access is"
                    + " asked for and granted to teams (groups of the identity provider): join a team to request"
                    + " access.");
            none.setId("access-no-team");
            add(none);
            return;
        }
        HorizontalLayout filters = new HorizontalLayout(team, way, status);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(filters, summary, grid);
        load();
    }

    private Component details(Optional<UUID> id) {
        Optional<Agreement> agreement = id.flatMap(access::find);
        RouterLink all = new RouterLink("All requests and agreements", AccessView.class);
        if (agreement.isEmpty()) {
            Paragraph none = new Paragraph("There is no such request, or it is not one of your teams' (only the two"
                    + " teams and governance see it).");
            none.setId("access-request-missing");
            return new VerticalLayout(none, all);
        }
        Agreement shown = agreement.get();
        VerticalLayout details = new VerticalLayout(
                new AgreementDetails(shown, productName(shown.productId()), access.history(shown.id()), actions(shown)),
                all);
        details.setPadding(false);
        return details;
    }

    private void load() {
        List<Agreement> rows = rows();
        grid.setItems(new ListDataProvider<>(rows));
        long pending = rows.stream()
                .filter(a -> a.status() == AgreementStatus.REQUESTED && caller.isMemberOf(a.providerTeam()))
                .count();
        summary.setText(rows.size() + " requests and agreements; " + pending + " waiting for your teams' decision.");
    }

    /** The agreements the filters select, newest request first, each once. */
    private List<Agreement> rows() {
        AgreementStatus wanted = AgreementStatus.fromValue(status.getValue()).orElse(null);
        Map<UUID, Agreement> rows = new LinkedHashMap<>();
        if (EVERYONE.equals(way.getValue())) {
            access.list(new AccessService.Filter(null, null, null, wanted), LIMIT)
                    .forEach(a -> rows.put(a.id(), a));
        } else {
            List<String> teams =
                    ALL_TEAMS.equals(team.getValue()) ? List.copyOf(caller.teams()) : List.of(team.getValue());
            for (String t : teams) {
                if (!AS_PROVIDER.equals(way.getValue())) {
                    access.list(new AccessService.Filter(null, t, null, wanted), LIMIT)
                            .forEach(a -> rows.put(a.id(), a));
                }
                if (!AS_CONSUMER.equals(way.getValue())) {
                    access.list(new AccessService.Filter(null, null, t, wanted), LIMIT)
                            .forEach(a -> rows.put(a.id(), a));
                }
            }
        }
        return rows.values().stream()
                .sorted((a, b) -> b.requestedAt().compareTo(a.requestedAt()))
                .toList();
    }

    /** As the catalog names it; a product since deleted keeps its id. */
    private String productName(String id) {
        return productNames.computeIfAbsent(
                id, key -> catalog.find(key).map(DataProductSummary::name).orElse(key));
    }

    private String direction(Agreement agreement) {
        boolean consumer = caller.isMemberOf(agreement.consumerTeam());
        boolean provider = caller.isMemberOf(agreement.providerTeam());
        return consumer && provider ? "both" : consumer ? "we asked" : provider ? "asked of us" : "governance";
    }

    private Component actions(Agreement agreement) {
        boolean decides = mayDecide.computeIfAbsent(agreement.productId(), access::mayDecide);
        // After a step, the page shows the agreement as it is now (and the list with it).
        return new AgreementActions(access, agreement, caller, decides, after -> {
            show(true, Optional.of(after.id()));
            getUI().ifPresent(
                            ui -> ui.getPage().getHistory().replaceState(null, new Location(AccessTexts.path(after))));
        });
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package io.meshport.teams.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.meshport.identity.ApiKeyService;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A team's settings, today its API keys. {@code /teams/{team}} names the team (a team may be a
 * path such as {@code org-a/sales}); {@code /teams} opens the first of the user's teams. With
 * several teams a chooser moves between them through the URL. Governance may open any team's.
 */
@Route("teams")
@RouteAlias("teams/:team*")
@PageTitle("Team settings · Meshport")
@Menu(order = 5, title = "Team settings", icon = "COG")
@PermitAll
class TeamSettingsView extends VerticalLayout implements BeforeEnterObserver {

    static final String PATH = "teams";

    private final ApiKeyService keys;
    private final Identity caller;
    private final Clock clock;

    TeamSettingsView(ApiKeyService keys, CurrentIdentity currentIdentity, Clock clock) {
        this.keys = keys;
        this.caller = currentIdentity.require();
        this.clock = clock;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String team = event.getRouteParameters().get("team").map(String::strip).orElse("");
        if (team.isEmpty() && !ownTeams().isEmpty()) {
            event.forwardTo(PATH + "/" + ownTeams().getFirst());
            return;
        }
        removeAll();
        add(new H2(team.isEmpty() ? "Team settings" : "Team settings: " + team));
        if (caller.teams().isEmpty() && !caller.admin()) {
            Paragraph none = new Paragraph("You belong to no team, so there are no team settings for you. Teams are"
                    + " groups of the identity provider: once you are in a team (ask whoever runs it), its settings"
                    + " and API keys are here.");
            none.setId("team-settings-no-team");
            add(none);
            return;
        }
        if (ownTeams().size() > 1 || (!team.isEmpty() && !caller.isMemberOf(team))) {
            add(chooser(team));
        }
        if (team.isEmpty()) {
            return;
        }
        if (!caller.mayActFor(team)) {
            Paragraph notYours = new Paragraph("You are not a member of team " + team + ": only its members and"
                    + " governance see its settings.");
            notYours.setId("team-settings-not-yours");
            add(notYours);
            return;
        }
        add(new ApiKeysSection(keys, team, clock));
    }

    /** The caller's teams, those keys can act for first (the governance group last). */
    private List<String> ownTeams() {
        List<String> teams = new ArrayList<>(keys.teamsForKeys());
        caller.teams().stream().filter(team -> !teams.contains(team)).forEach(teams::add);
        return teams;
    }

    private Select<String> chooser(String team) {
        Select<String> chooser = new Select<>();
        chooser.setId("team-chooser");
        chooser.setLabel("Team");
        List<String> teams = ownTeams();
        if (!team.isEmpty() && !teams.contains(team)) {
            teams.add(team);
        }
        chooser.setItems(teams);
        if (!team.isEmpty()) {
            chooser.setValue(team);
        }
        chooser.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(PATH + "/" + change.getValue()));
            }
        });
        return chooser;
    }
}

package io.meshport.teams.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.meshport.identity.ApiKeyService;
import java.time.Clock;

/** A team's API keys: what they are for, the list, and (for the team's members) a new one. */
final class ApiKeysSection extends VerticalLayout {

    ApiKeysSection(ApiKeyService keys, String team, Clock clock) {
        setPadding(false);
        setWidthFull();
        add(new H3("API keys"));
        Paragraph about = new Paragraph("A key lets a pipeline call Meshport's API for team " + team
                + " (lineage events, observations, publishing documents) with the same rights as the team's members,"
                + " never as governance. Send it as Authorization: Bearer <secret>. Keys cannot manage keys.");
        about.setId("api-keys-about");
        add(about);

        ApiKeyGrid grid = new ApiKeyGrid(keys, team);
        grid.setWidthFull();
        grid.setHeight("24em");
        if (keys.teamsForKeys().contains(team)) {
            Button create = new Button("Create API key", VaadinIcon.PLUS.create(), click -> new CreateApiKeyDialog(
                            keys, team, clock, created -> {
                                grid.refresh();
                                new SecretDialog(created).open();
                            })
                    .open());
            create.setId("create-api-key");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        } else if (keys.isGovernance(team)) {
            add(new Paragraph("Team " + team + " is the governance group. API keys act for a data-owning team and never"
                    + " as governance; governance's automation uses its own client of the identity provider."));
        } else {
            add(new Paragraph("You are not a member of team " + team
                    + ": as governance you may see and revoke its keys," + " and only its members create them."));
        }
        add(grid);
    }
}

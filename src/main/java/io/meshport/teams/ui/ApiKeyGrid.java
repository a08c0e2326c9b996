package io.meshport.teams.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import io.meshport.identity.ApiKey;
import io.meshport.identity.ApiKeyService;
import io.meshport.identity.ApiKeyState;

/**
 * A team's keys, newest first, paged lazily through the service: name, the secret's visible
 * prefix, who created it and when, expiry, last use and state; Revoke (after a confirmation) for
 * those who may.
 */
final class ApiKeyGrid extends Grid<ApiKey> {

    private final ApiKeyService keys;
    private final boolean mayRevoke;

    ApiKeyGrid(ApiKeyService keys, String team) {
        this.keys = keys;
        this.mayRevoke = keys.mayManage(team);
        setId("api-keys");
        // Names and people are shown whole, on a second line where needed, never cut off.
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(ApiKey::name).setHeader("Name").setFlexGrow(2);
        addColumn(key -> key.prefix() + "…").setHeader("Key").setWidth("9.5em").setFlexGrow(0);
        addColumn(ApiKey::createdBy).setHeader("Created by").setFlexGrow(1);
        addColumn(key -> KeyTexts.time(key.createdAt(), ""))
                .setHeader("Created")
                .setWidth("8.5em")
                .setFlexGrow(0);
        addColumn(KeyTexts::expiry).setHeader("Expires").setWidth("8.5em").setFlexGrow(0);
        addColumn(key -> KeyTexts.time(key.lastUsedAt(), "never"))
                .setHeader("Last used")
                .setWidth("8.5em")
                .setFlexGrow(0);
        addComponentColumn(ApiKeyGrid::state).setHeader("State").setWidth("9em").setFlexGrow(0);
        if (mayRevoke) {
            addComponentColumn(this::revokeButton).setHeader("").setWidth("7em").setFlexGrow(0);
        }
        setItems(query -> keys.list(team, query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, keys.count(team)));
        setEmptyStateText("Team " + team + " has no API keys yet.");
    }

    void refresh() {
        getDataProvider().refreshAll();
    }

    private static Component state(ApiKey key) {
        Span state = new Span(KeyTexts.state(key));
        state.getElement()
                .getThemeList()
                .add("badge "
                        + switch (key.state()) {
                            case ACTIVE -> "success";
                            case EXPIRED -> "contrast";
                            case REVOKED -> "error";
                        });
        if (key.state() != ApiKeyState.REVOKED) {
            return state;
        }
        Span when = new Span(KeyTexts.time(key.revokedAt(), "") + " by " + key.revokedBy());
        when.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("display", "block");
        return new Div(state, when);
    }

    private Component revokeButton(ApiKey key) {
        Button revoke = new Button("Revoke", click -> confirm(key));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        revoke.setAriaLabel("Revoke " + key.name());
        revoke.setVisible(KeyTexts.revocable(key));
        return revoke;
    }

    private void confirm(ApiKey key) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("revoke-api-key-dialog");
        dialog.setHeader("Revoke API key '" + key.name() + "'?");
        dialog.setText("Every pipeline that sends this key is refused from its next request on. A revoked key"
                + " cannot be used again; create a new one to replace it.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Revoke");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirmed -> {
            if (KeyProblems.attempt(() -> keys.revoke(key.id()))) {
                Notification.show("API key '" + key.name() + "' revoked.", 4000, Notification.Position.BOTTOM_START);
                refresh();
            }
        });
        dialog.open();
    }
}

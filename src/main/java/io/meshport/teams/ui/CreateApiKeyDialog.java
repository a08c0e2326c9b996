package io.meshport.teams.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.meshport.identity.ApiKeyConflictException;
import io.meshport.identity.ApiKeyService;
import io.meshport.identity.CreatedApiKey;
import io.meshport.identity.InvalidApiKeyException;
import io.meshport.identity.NewApiKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * Asks for a new key's name and optional expiry day. The service checks both (the same rules as
 * the API); what it refuses is said next to the field.
 */
final class CreateApiKeyDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final DatePicker expiresOn = new DatePicker("Expires on (optional)");

    CreateApiKeyDialog(ApiKeyService keys, String team, Clock clock, Consumer<CreatedApiKey> created) {
        setId("create-api-key-dialog");
        setHeaderTitle("Create an API key for " + team);
        name.setId("api-key-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(ApiKeyService.MAX_NAME_LENGTH);
        name.setHelperText("What uses it, e.g. airflow-prod. Letters, digits, spaces, '.', '-' and '_'.");
        name.setWidthFull();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        expiresOn.setId("api-key-expires");
        expiresOn.setMin(today.plusDays(1));
        expiresOn.setMax(today.plus(ApiKeyService.MAX_LIFETIME));
        expiresOn.setHelperText("The key stops working at the start of this day (UTC). Empty: it does not expire.");
        expiresOn.setWidthFull();
        add(
                new Paragraph(
                        "The key acts for team " + team + " on the API, with the same rights as the team's members"
                                + " (never as governance). Its secret is shown once, right after this."),
                name,
                expiresOn);

        Button create = new Button("Create", click -> create(keys, team, created));
        create.setId("create-api-key-confirm");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), create);
        setWidth("32em");
    }

    private void create(ApiKeyService keys, String team, Consumer<CreatedApiKey> created) {
        name.setInvalid(false);
        expiresOn.setInvalid(false);
        LocalDate day = expiresOn.getValue();
        try {
            CreatedApiKey key = keys.create(new NewApiKey(
                    name.getValue(),
                    team,
                    day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant()));
            close();
            created.accept(key);
        } catch (InvalidApiKeyException e) {
            for (InvalidApiKeyException.Field error : e.errors()) {
                switch (error.pointer()) {
                    case "/name" -> invalid(name, error.message());
                    case "/expiresAt" -> {
                        expiresOn.setErrorMessage(error.message());
                        expiresOn.setInvalid(true);
                    }
                    default ->
                        KeyProblems.attempt(() -> {
                            throw e;
                        });
                }
            }
        } catch (ApiKeyConflictException e) {
            invalid(name, e.getMessage());
        } catch (RuntimeException e) {
            KeyProblems.attempt(() -> {
                throw e;
            });
        }
    }

    private static void invalid(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}

package io.meshport.access.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.meshport.access.AccessRequest;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.access.InvalidAccessRequestException;
import io.meshport.catalog.DataProductSummary;
import io.meshport.catalog.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Asks for access to one output port: for which of the caller's teams (and optionally which of its
 * products will read it), why, and from when until when. The fields show the service's own
 * problems: a field's rule is checked as it is left, and whatever the service refuses on send is
 * shown at the field it names.
 */
final class RequestAccessDialog extends Dialog {

    private final Select<String> team = new Select<>();
    private final ComboBox<DataProductSummary> product = new ComboBox<>("Which of the team's products will read it");
    private final TextArea purpose = new TextArea("Purpose");
    private final Div preview = new Div();
    private final DatePicker startsOn = new DatePicker("Start date");
    private final DatePicker until = new DatePicker("End date (optional)");
    private final Paragraph problems = new Paragraph();
    private final Map<String, HasValidation> fields = Map.of(
            "/consumerTeam",
            team,
            "/consumerProduct",
            product,
            "/purpose",
            purpose,
            "/from",
            startsOn,
            "/until",
            until);
    private final LocalDate today;

    RequestAccessDialog(
            AccessService access,
            String productId,
            String productName,
            String outputPort,
            String outputPortVersion,
            List<String> teams,
            Function<String, List<DataProductSummary>> productsOf,
            LocalDate today,
            Consumer<Agreement> sent) {
        this.today = today;
        setId("request-access-dialog");
        setHeaderTitle("Request access to " + productName + " · " + outputPort);
        setWidth("min(48rem, 95vw)");

        team.setLabel("Consuming team");
        team.setItems(teams);
        team.setValue(teams.getFirst());
        team.addValueChangeListener(e -> products(productsOf));
        product.setItemLabelGenerator(p -> p.name() + " (" + p.id() + ")");
        product.setClearButtonVisible(true);
        product.setHelperText("Leave empty when the team reads it directly.");
        products(productsOf);

        purpose.setRequired(true);
        purpose.setHelperText("What the data will be used for, in Markdown. The owners decide on it.");
        purpose.setMinHeight("8rem");
        purpose.setValueChangeMode(ValueChangeMode.LAZY);
        purpose.addValueChangeListener(e -> {
            preview.removeAll();
            if (!e.getValue().isBlank()) {
                preview.add(AccessTexts.markdown(e.getValue()));
            }
        });
        purpose.addBlurListener(e -> checkPurpose());
        Details previewDetails = new Details("Preview", preview);

        startsOn.setValue(today);
        startsOn.setMin(today);
        startsOn.setHelperText("Empty: today.");
        until.setClearButtonVisible(true);
        startsOn.addValueChangeListener(e -> checkDates());
        until.addValueChangeListener(e -> checkDates());
        for (HasValidation field : List.of(team, product, purpose, startsOn, until)) {
            field.setManualValidation(true);
        }

        FormLayout form = new FormLayout(team, product, purpose, previewDetails, startsOn, until);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(purpose, 2);
        form.setColspan(previewDetails, 2);
        problems.addClassName("form-errors");
        problems.setVisible(false);
        add(form, problems);

        Button send = new Button("Send request", click -> {
            boolean valid = checkPurpose() & checkDates();
            if (!valid) {
                return;
            }
            try {
                Agreement agreement = access.request(new AccessRequest(
                        productId,
                        outputPort,
                        outputPortVersion,
                        purpose.getValue(),
                        team.getValue(),
                        product.getValue() == null ? null : product.getValue().id(),
                        startsOn.getValue(),
                        until.getValue()));
                close();
                sent.accept(agreement);
            } catch (InvalidAccessRequestException e) {
                show(e.violations());
            } catch (RuntimeException e) {
                String message = AccessProblems.message(e);
                if (message == null) {
                    throw e;
                }
                show(List.of(new Violation("", message)));
            }
        });
        send.setId("send-access-request");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, send);
    }

    private void products(Function<String, List<DataProductSummary>> productsOf) {
        product.clear();
        product.setItems(team.getValue() == null ? List.of() : productsOf.apply(team.getValue()));
    }

    /** A purpose is required and bounded, with the service's words ({@code AccessService.request}). */
    private boolean checkPurpose() {
        String text = purpose.getValue().strip();
        String problem = text.isEmpty()
                ? "Say what the data will be used for."
                : text.length() > AccessService.MAX_PURPOSE_LENGTH
                        ? "The purpose is longer than " + AccessService.MAX_PURPOSE_LENGTH + " characters."
                        : null;
        invalid(purpose, problem);
        return problem == null;
    }

    /** The start (empty: today) is not in the past, the end (optional) not before it, as the service checks. */
    private boolean checkDates() {
        LocalDate start = startsOn.getValue() == null ? today : startsOn.getValue();
        LocalDate end = until.getValue();
        boolean future = !start.isBefore(today);
        invalid(startsOn, future ? null : "The start lies in the past; start today or later.");
        boolean ordered = end == null || !end.isBefore(start);
        invalid(until, ordered ? null : "The end lies before the start.");
        return future && ordered;
    }

    private void show(List<Violation> violations) {
        List<String> general = new ArrayList<>();
        for (Violation violation : violations) {
            HasValidation field =
                    violation.pointer().equals("/until") || violation.pointer().equals("/endsOn")
                            ? until
                            : fields.get(violation.pointer());
            if (field == null) {
                general.add(violation.message());
            } else {
                invalid(field, violation.message());
            }
        }
        problems.setText(String.join(" ", general));
        problems.setVisible(!general.isEmpty());
    }

    private static void invalid(HasValidation field, @Nullable String message) {
        field.setErrorMessage(message);
        field.setInvalid(message != null);
    }
}

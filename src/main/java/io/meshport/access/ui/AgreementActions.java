package io.meshport.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.access.AgreementStatus;
import io.meshport.identity.Identity;
import java.util.function.Consumer;

/**
 * The steps the caller may take on one agreement, as buttons. Which ones show follows the
 * service's rules (the providing team or governance decides and revokes, the consumer team cancels,
 * consents and renews); the service checks again, and a refusal is said, not hidden.
 */
final class AgreementActions extends HorizontalLayout {

    private final AccessService access;
    private final Agreement agreement;
    private final Consumer<Agreement> changed;

    /**
     * @param mayDecide whether the caller may decide requests for the agreement's product
     * @param changed told of the agreement after a step was taken
     */
    AgreementActions(
            AccessService access,
            Agreement agreement,
            Identity caller,
            boolean mayDecide,
            Consumer<Agreement> changed) {
        this.access = access;
        this.agreement = agreement;
        this.changed = changed;
        setSpacing(false);
        getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        boolean consumer = caller.isMemberOf(agreement.consumerTeam());
        // Governance does not decide its own team's request for another team's product.
        boolean decides = mayDecide && (caller.isMemberOf(agreement.providerTeam()) || !consumer);
        AgreementStatus status = agreement.status();
        if (status == AgreementStatus.REQUESTED && decides) {
            add(button(
                    "Approve",
                    ButtonVariant.LUMO_SUCCESS,
                    () -> new StepDialog(
                            "Approve access",
                            "Approve " + AccessTexts.consumer(agreement) + " reading " + agreement.outputPort() + "?",
                            "Approve",
                            "Comment (optional)",
                            false,
                            comment -> step(() -> access.decide(
                                    agreement.id(), AccessService.Decision.APPROVE, comment, agreement.revision())))));
            add(button(
                    "Reject",
                    ButtonVariant.LUMO_ERROR,
                    () -> new StepDialog(
                            "Reject the request",
                            "Reject " + AccessTexts.consumer(agreement) + "'s request for " + agreement.outputPort()
                                    + "?",
                            "Reject",
                            "Reason",
                            true,
                            comment -> step(() -> access.decide(
                                    agreement.id(), AccessService.Decision.REJECT, comment, agreement.revision())))));
        }
        if (status == AgreementStatus.APPROVED && agreement.reconsentVersion() != null && consumer) {
            add(button(
                    "Consent",
                    ButtonVariant.LUMO_PRIMARY,
                    () -> new StepDialog(
                            "Consent to the new contract version",
                            "The contract changed in a breaking way. Consent to version " + agreement.reconsentVersion()
                                    + " of " + agreement.contractId() + " to keep this agreement on it?",
                            "Consent",
                            null,
                            false,
                            comment -> step(() -> access.consent(agreement.id())))));
        }
        // An agreement without an end needs no renewal; an expired one may be asked for again.
        if (((status == AgreementStatus.APPROVED && agreement.endsOn() != null) || status == AgreementStatus.EXPIRED)
                && consumer) {
            add(button("Renew", ButtonVariant.LUMO_TERTIARY, this::renewDialog));
        }
        if (status.isOpen() && consumer) {
            String label = status == AgreementStatus.REQUESTED ? "Cancel request" : "Cancel agreement";
            add(button(
                    label,
                    ButtonVariant.LUMO_TERTIARY,
                    () -> new StepDialog(
                            label,
                            status == AgreementStatus.REQUESTED
                                    ? "Withdraw this request?"
                                    : "End this agreement early? The providing team is told to remove the access.",
                            label,
                            "Comment (optional)",
                            false,
                            comment -> step(() -> access.cancel(agreement.id(), comment)))));
        }
        if (status == AgreementStatus.APPROVED && mayDecide) {
            add(button(
                    "Revoke",
                    ButtonVariant.LUMO_ERROR,
                    () -> new StepDialog(
                            "Revoke the agreement",
                            "Revoke " + AccessTexts.consumer(agreement) + "'s access to " + agreement.outputPort()
                                    + "?",
                            "Revoke",
                            "Reason",
                            false,
                            comment -> step(() -> access.revoke(agreement.id(), comment)))));
        }
    }

    private interface Taken {
        Agreement take();
    }

    private boolean step(Taken step) {
        Agreement[] after = new Agreement[1];
        boolean done = AccessProblems.attempt(() -> after[0] = step.take());
        if (done) {
            changed.accept(after[0]);
        }
        return done;
    }

    private Dialog renewDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("access-step-dialog");
        dialog.setHeaderTitle("Renew the agreement");
        DatePicker until = new DatePicker("New end date (optional)");
        until.setMin(agreement.endsOn() == null ? null : agreement.endsOn().plusDays(1));
        dialog.add(
                new Paragraph("Asks " + agreement.providerTeam() + " for the same access from "
                        + agreement.endsOn().plusDays(1) + "; decided as any request."),
                until);
        Button renew = new Button("Request renewal", click -> {
            if (step(() -> access.renew(agreement.id(), until.getValue()))) {
                dialog.close();
            }
        });
        renew.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        renew.setId("access-step-confirm");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), renew);
        return dialog;
    }

    private Button button(String label, ButtonVariant variant, java.util.function.Supplier<Dialog> dialog) {
        Button button = new Button(label, click -> dialog.get().open());
        button.addThemeVariants(variant, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(label + " — " + AccessTexts.consumer(agreement) + " on " + agreement.productId() + " · "
                + agreement.outputPort());
        return button;
    }
}

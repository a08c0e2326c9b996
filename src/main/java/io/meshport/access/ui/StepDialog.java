package io.meshport.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.jspecify.annotations.Nullable;

/**
 * Confirms one step of an agreement (approve, reject, revoke, cancel, consent) with an optional
 * or required comment. The step runs on the server; when the service refuses it the dialog stays
 * open and the notification says why.
 */
final class StepDialog extends Dialog {

    /** The step itself, given the comment (null when empty); true when it was done. */
    interface Step {
        boolean take(@Nullable String comment);
    }

    private final TextArea comment = new TextArea();

    StepDialog(
            String title,
            String text,
            String confirm,
            @Nullable String commentLabel,
            boolean commentRequired,
            Step step) {
        setId("access-step-dialog");
        setHeaderTitle(title);
        setWidth("min(36rem, 95vw)");
        add(new Paragraph(text));
        if (commentLabel != null) {
            comment.setLabel(commentLabel);
            comment.setRequired(commentRequired);
            comment.setManualValidation(true);
            comment.setWidthFull();
            add(comment);
        }
        Button ok = new Button(confirm, click -> {
            String given =
                    comment.getValue().isBlank() ? null : comment.getValue().strip();
            if (commentRequired && given == null) {
                comment.setErrorMessage("Give a reason: the requesting team reads it.");
                comment.setInvalid(true);
                comment.focus();
                return;
            }
            if (step.take(given)) {
                close();
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setId("access-step-confirm");
        getFooter().add(new Button("Cancel", click -> close()), ok);
    }
}

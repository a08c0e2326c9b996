package io.meshport.publishing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.meshport.catalog.BreakingChangeException;
import io.meshport.catalog.DataProductSummary;
import io.meshport.catalog.Violation;
import java.util.List;

/** The questions and answers the form puts to a person while saving. */
final class FormDialogs {

    private FormDialogs() {}

    static void confirmSameName(DataProductSummary namesake, Runnable saveAnyway) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Another team's product has this name");
        dialog.setText(ProductFields.sameNameWarning(namesake)
                + " People may take one for the other. Save under the same name anyway?");
        dialog.setCancelable(true);
        dialog.setConfirmText("Save anyway");
        dialog.addConfirmListener(e -> saveAnyway.run());
        dialog.open();
    }

    static void savedMeanwhile(String conflict, Runnable reload) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Someone else saved this product");
        dialog.setText(conflict + " Your edits are still in the form. Reload to see the newer version"
                + " (your edits in the form are then replaced).");
        dialog.setConfirmText("Reload the newer version");
        dialog.addConfirmListener(event -> reload.run());
        dialog.setCancelable(true);
        dialog.setCancelText("Keep my edits");
        dialog.open();
    }

    static void notPublished(List<Violation> violations) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Not published yet");
        UnorderedList missing = new UnorderedList();
        violations.forEach(v -> missing.add(new ListItem(v.message())));
        dialog.add(new Paragraph("To become active, the product still needs:"), missing);
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }

    static void confirmRetirement(String productId, Runnable retire) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Retire " + productId);
        dialog.setText("A retired product no longer serves data and disappears from searches unless asked for."
                + " Retirement is final.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Retire");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> retire.run());
        dialog.open();
    }

    /**
     * A contract the save changes breaks its consumers under the same major version, and no impact
     * confirmation was shown (agreements only, say): the owner acknowledges it, or goes back.
     */
    static void confirmBreaking(BreakingChangeException refused, Runnable publishAnyway) {
        Dialog dialog = new Dialog();
        dialog.setId("breaking-change-confirmation");
        dialog.setHeaderTitle("Breaking change to contract " + refused.contractId());
        UnorderedList changes = new UnorderedList();
        refused.changes().forEach(change -> changes.add(new ListItem(change)));
        dialog.add(
                new Paragraph("Teams " + String.join(", ", refused.consumerTeams()) + " read this contract. These"
                        + " changes break what they rely on:"),
                changes,
                new Paragraph("Publish it as version " + refused.nextMajor() + ", or publish it anyway: the teams"
                        + " are told either way."));
        Button anyway = new Button("Publish anyway", click -> {
            dialog.close();
            publishAnyway.run();
        });
        anyway.setId("breaking-change-acknowledge");
        anyway.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), anyway);
        dialog.open();
    }
}

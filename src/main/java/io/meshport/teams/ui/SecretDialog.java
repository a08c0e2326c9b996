package io.meshport.teams.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import io.meshport.identity.CreatedApiKey;

/**
 * The new key's secret, this once: Meshport keeps only a digest of it. Copy writes it to the
 * clipboard in the browser, within the click (where browsers allow it). Closing the dialog takes
 * the secret off the page.
 */
final class SecretDialog extends Dialog {

    SecretDialog(CreatedApiKey created) {
        setId("api-key-secret-dialog");
        setHeaderTitle("API key '" + created.key().name() + "' created");
        setCloseOnOutsideClick(false);
        Paragraph warning = new Paragraph("Copy the secret now and store it where your pipeline keeps its secrets. It"
                + " will not be shown again: Meshport keeps only a digest of it and cannot show it to anyone.");
        warning.setId("api-key-secret-warning");
        warning.getElement().getThemeList().add("badge warning");
        warning.getStyle().set("white-space", "normal").set("padding", "var(--lumo-space-s)");

        TextField secret = new TextField("Secret");
        secret.setId("api-key-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();

        Button copy = new Button("Copy", VaadinIcon.COPY.create());
        copy.setId("api-key-secret-copy");
        // Written within the click itself, where browsers allow the clipboard; the page hears how it went.
        copy.getElement().executeJs("""
                        this.addEventListener('click', () => {
                          const told = (what) => this.dispatchEvent(new CustomEvent(what));
                          if (!navigator.clipboard) { told('secret-not-copied'); return; }
                          navigator.clipboard.writeText($0).then(() => told('secret-copied'), () => told('secret-not-copied'));
                        })""", created.secret());
        copy.getElement()
                .addEventListener(
                        "secret-copied",
                        event -> Notification.show(
                                "Copied to the clipboard.", 3000, Notification.Position.BOTTOM_START));
        copy.getElement()
                .addEventListener(
                        "secret-not-copied",
                        event -> Notification.show(
                                "The browser did not allow copying; select the secret and copy it yourself.",
                                5000,
                                Notification.Position.BOTTOM_START));

        Paragraph use = new Paragraph("A pipeline sends it as Authorization: Bearer <secret> and then acts for team "
                + created.key().team() + ".");
        add(warning, secret, copy, use);

        Button done = new Button("I have stored it", click -> close());
        done.setId("api-key-secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        setWidth("40em");
        // Once closed, nothing on the page holds the secret any more.
        addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                removeAll();
            }
        });
    }
}

package io.meshport.publishing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Pasting or uploading an ODPS or ODCS document for the form to take over. The form says what it
 * did with the document; why it cannot take one ({@link DocumentImport#read}) shows in the dialog,
 * which then stays open.
 */
final class ImportDialog extends Dialog {

    /**
     * @param editedId the product being edited, or null for a new one
     * @param take takes a document that can be imported
     */
    ImportDialog(@Nullable String editedId, Consumer<DocumentImport> take) {
        setHeaderTitle("Import an ODPS or ODCS document");
        TextArea pasted = new TextArea("Document (YAML or JSON)");
        pasted.setWidth("40em");
        pasted.setHeight("16em");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> pasted.setValue(new String(bytes, StandardCharsets.UTF_8))))));
        upload.setAcceptedFileTypes(".yaml", ".yml", ".json", "application/json", "application/yaml");
        upload.setMaxFileSize(1024 * 1024);
        upload.setDropLabel(new Span("Drop an .odps.yaml or .odcs.yaml file here"));
        Button fill = new Button("Fill the form", click -> {
            DocumentImport document;
            try {
                document = DocumentImport.read(pasted.getValue(), editedId);
            } catch (DocumentImport.NotImportable e) {
                pasted.setErrorMessage(e.getMessage());
                pasted.setInvalid(true);
                return;
            }
            take.accept(document);
            close();
        });
        fill.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new VerticalLayout(upload, pasted));
        getFooter().add(new Button("Cancel", click -> close()), fill);
    }
}

package io.meshport.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.meshport.catalog.DocumentFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pasting or uploading an ODPS or ODCS document for the form to take over. The form says what it
 * did with the document, or why it cannot take it (then the dialog stays open).
 */
final class ImportDialog extends Dialog {

    /**
     * @param take takes a parsed document and answers why it cannot, or nothing when it took it
     */
    ImportDialog(Function<ObjectNode, Optional<String>> take) {
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
            Optional<String> problem;
            try {
                problem = take.apply(tree(pasted.getValue()));
            } catch (NotImportable e) {
                problem = Optional.of(e.getMessage());
            }
            if (problem.isEmpty()) {
                close();
            } else {
                pasted.setErrorMessage(problem.get());
                pasted.setInvalid(true);
            }
        });
        fill.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new VerticalLayout(upload, pasted));
        getFooter().add(new Button("Cancel", click -> close()), fill);
    }

    private static ObjectNode tree(String text) {
        JsonNode tree;
        try {
            tree = (DocumentFormat.detect(text) == DocumentFormat.JSON ? Documents.JSON : Documents.YAML)
                    .readTree(text);
        } catch (JacksonException e) {
            throw new NotImportable("Not a readable YAML or JSON document: " + e.getOriginalMessage());
        }
        if (tree instanceof ObjectNode document) {
            return document;
        }
        throw new NotImportable("The document must be a mapping (an object).");
    }

    private static final class NotImportable extends RuntimeException {
        NotImportable(String message) {
            super(message);
        }
    }
}

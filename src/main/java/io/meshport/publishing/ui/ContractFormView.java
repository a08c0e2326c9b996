package io.meshport.publishing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.meshport.catalog.BreakingChangeException;
import io.meshport.catalog.CatalogConflictException;
import io.meshport.catalog.CatalogPaths;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.ContractCatalog;
import io.meshport.catalog.ContractDetails;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.ExportedDocument;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.Published;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.node.ObjectNode;

/**
 * A data contract's own form, for its owners: name, status, description, schema and service
 * levels, saved losslessly (everything else in the document stays as published) through
 * {@link CatalogService#publishContract} with the revision the form was opened at, so that a save
 * over someone else's newer one is refused. A refused save says why next to the form.
 */
@Route("contracts/:id/edit")
@PermitAll
@StyleSheet("styles/contracts.css")
class ContractFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CatalogService catalog;
    private final ContractCatalog contracts;
    private final ContractProblems problems = new ContractProblems();
    private @Nullable ContractFields fields;
    private @Nullable ObjectNode loaded;
    private String contractId = "";
    private String ownerTeam = "";
    private long revision;
    private boolean loading;

    ContractFormView(CatalogService catalog, ContractCatalog contracts) {
        this.catalog = catalog;
        this.contracts = contracts;
        setMaxWidth("72em");
    }

    @Override
    public String getPageTitle() {
        return "Edit contract " + contractId + " · Meshport";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        problems.clear();
        contractId = CatalogPaths.idOf(event.getRouteParameters().get("id").orElse(""));
        Optional<ContractDetails> contract = contracts.details(contractId);
        if (contract.isEmpty()) {
            add(
                    new H2("No data contract '" + shortened(contractId) + "'"),
                    new Paragraph("The catalog has no data contract with this id."));
            return;
        }
        if (!contract.get().editable()) {
            add(
                    new H2("You may not edit this contract"),
                    new Paragraph("Data contract " + contractId + " is owned by team "
                            + contract.get().ownerTeam() + ", and you are not a member (nor governance)."),
                    contractLink("Back to the contract"));
            return;
        }
        ownerTeam = contract.get().ownerTeam();
        ExportedDocument document =
                catalog.exportContract(contractId, DocumentFormat.JSON).orElseThrow();
        revision = document.revision();
        loaded = (ObjectNode) Documents.JSON.readTree(document.content());
        loading = true;
        ContractFields form = new ContractFields(this::changed);
        fields = form;
        form.read(loaded);
        loading = false;

        Button save = new Button("Save contract", click -> save(false));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(save, contractLink("Cancel"));
        actions.setAlignItems(Alignment.BASELINE);
        add(
                new H2("Edit contract " + contractId),
                new Paragraph("Owned by team " + ownerTeam + ". Quality rules, servers, roles, custom properties"
                        + " and every other part of the document the form does not show are kept as they are."),
                form,
                problems,
                actions);
    }

    private void changed() {
        if (!loading && fields != null) {
            problems.checkVersion(fields.editor.versionProblem());
        }
    }

    private void save(boolean acknowledgeBreaking) {
        ContractFields form = java.util.Objects.requireNonNull(fields);
        String versionProblem = form.editor.versionProblem();
        if (versionProblem != null) {
            problems.refused("Not saved: the contract version is not valid.", java.util.List.of(versionProblem));
            return;
        }
        ObjectNode document = form.write(ownerTeam);
        if (document.equals(loaded)) {
            Notification.show("No changes to save", 4000, Notification.Position.BOTTOM_START);
            return;
        }
        try {
            Published published = catalog.publishContract(
                    contractId, document.toString(), DocumentFormat.JSON, null, revision, acknowledgeBreaking);
            Notification.show("Saved contract " + published.id(), 5000, Notification.Position.BOTTOM_START);
            getUI().ifPresent(ui -> ui.navigate(CatalogPaths.contract(published.id())));
        } catch (InvalidDocumentException e) {
            problems.refused(
                    "Not saved: " + e.getMessage() + ".",
                    e.violations().stream()
                            .map(v -> (v.pointer().isEmpty() ? "" : v.pointer() + ": ") + v.message())
                            .toList());
        } catch (BreakingChangeException e) {
            problems.breaking(
                    e,
                    () -> {
                        form.editor.version.setValue(e.nextMajor());
                        save(false);
                    },
                    () -> save(true));
        } catch (CatalogConflictException e) {
            problems.conflict(
                    e.getMessage(), () -> getUI().ifPresent(ui -> ui.getPage().reload()));
        } catch (AccessDeniedException e) {
            problems.refused("Not saved: " + e.getMessage(), java.util.List.of());
        }
    }

    private Anchor contractLink(String text) {
        Anchor link = new Anchor(CatalogPaths.contract(contractId), text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private static String shortened(String id) {
        return id.length() > 120 ? id.substring(0, 120) + "…" : id;
    }
}

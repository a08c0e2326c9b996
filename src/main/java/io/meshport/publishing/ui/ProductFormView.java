package io.meshport.publishing.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.meshport.catalog.BreakingChangeException;
import io.meshport.catalog.CatalogConflictException;
import io.meshport.catalog.CatalogPaths;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.ContractImpact;
import io.meshport.catalog.DataProductSummary;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.DownstreamImpact;
import io.meshport.catalog.ExportedDocument;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.PortChoice;
import io.meshport.catalog.ProductDetails;
import io.meshport.catalog.ProductStatus;
import io.meshport.catalog.Published;
import io.meshport.catalog.RefusedByPolicyException;
import io.meshport.catalog.Violation;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publish and maintain a data product without knowing ODPS: the form edits the ODPS document
 * ({@link ProductForm}) and the ODCS documents of the contracts it defines, keeping whatever it
 * does not show, and every change is checked live by the same service rules the API applies.
 * Public only because the product page, in the package above, links here.
 */
@Route("create")
@RouteAlias("products/:id/edit")
@Menu(order = 1, title = "Create", icon = "PLUS_CIRCLE")
@PermitAll
class ProductFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CatalogService catalog;
    private final ObjectProvider<DownstreamImpact> downstreamImpact;

    private ProductFields fields = new ProductFields(List.of(), List.of(), false, () -> {});
    private @Nullable PortsSection ports;
    private @Nullable FormProblems problems;
    private @Nullable String editedId;
    private @Nullable Long revision;
    private ProductStatus status = ProductStatus.DRAFT;
    private boolean loading;
    /** What the product offered when the form opened: the contracts of its ports. */
    private Set<String> offeredAtLoad = Set.of();
    /** The document as the form showed it when it opened, to tell whether anything changed. */
    private @Nullable ObjectNode documentAtLoad;

    /** Buttons outlive a navigation from one product's form to another's: built once. */
    private final FormActions actions = new FormActions(
            () -> save(null),
            () -> save(ProductStatus.ACTIVE),
            this::openDeprecation,
            () -> FormDialogs.confirmRetirement(String.valueOf(editedId), () -> save(ProductStatus.RETIRED)),
            () -> new ImportDialog(editedId, this::take).open());

    ProductFormView(CatalogService catalog, ObjectProvider<DownstreamImpact> downstreamImpact) {
        this.catalog = catalog;
        this.downstreamImpact = downstreamImpact;
        setMaxWidth("72em");
    }

    @Override
    public String getPageTitle() {
        return editedId == null ? "Create · Meshport" : "Edit " + editedId + " · Meshport";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        status = ProductStatus.DRAFT;
        editedId = event.getRouteParameters().get("id").orElse(null);
        List<String> teams = catalog.publishableTeams();
        if (editedId != null) {
            Optional<ProductDetails> details = catalog.details(editedId);
            if (details.isEmpty() || !details.get().editable()) {
                add(details.isEmpty() ? FormNotices.noSuchProduct(editedId) : FormNotices.notAMember(details.get()));
                return;
            }
        } else if (teams.isEmpty()) {
            add(FormNotices.noTeam());
            return;
        }
        loading = true;
        build(teams);
        if (editedId != null) {
            ExportedDocument document =
                    catalog.exportProduct(editedId, DocumentFormat.JSON).orElseThrow();
            revision = document.revision();
            load((ObjectNode) Documents.JSON.readTree(document.content()));
            documentAtLoad = document(status);
            offeredAtLoad = ContractImpact.offeredBy(documentAtLoad);
        } else {
            // From "Pipeline datasets": a product whose output port is the dataset a pipeline reports.
            DatasetPrefill.of(event.getLocation().getQueryParameters(), teams.size() == 1 ? teams.getFirst() : null)
                    .ifPresentOrElse(
                            document -> {
                                load(document);
                                Notification.show("Filled the form from a pipeline dataset; nothing is saved until"
                                        + " you save.");
                            },
                            () -> {
                                if (teams.size() == 1) {
                                    fields.team.setValue(teams.getFirst());
                                }
                            });
        }
        loading = false;
    }

    private void build(List<String> teams) {
        List<PortChoice> portChoices = catalog.outputPortChoices().stream()
                .filter(choice -> !choice.productId().equals(editedId))
                .toList();
        fields = new ProductFields(catalog.domains(), teams, editedId != null, this::changed);
        PortsSection portsSection =
                new PortsSection(new FormContracts(catalog), portChoices, this::changed, this::watch, this::typedId);
        FormProblems formProblems = new FormProblems(fields, portsSection.outputs(), portsSection.inputs());
        ports = portsSection;
        problems = formProblems;
        portsSection.showOutputErrorsIn(formProblems.outputErrors());
        fields.name.addValueChangeListener(e -> warnAboutSameName());
        fields.team.addValueChangeListener(e -> warnAboutSameName());
        fields.id.addValueChangeListener(e -> portsSection.suggestContractIds(typedId()));
        fields.all().forEach(this::watch);
        add(
                new H2(editedId == null ? "Publish a data product" : "Edit " + editedId),
                formProblems.refusal(),
                formProblems.errors(),
                new H3("Identity"),
                fields.identity(),
                new H3("Description"),
                fields.description(),
                portsSection,
                actions);
        if (editedId == null) {
            portsSection.addOutput();
        }
        actions.show(editedId != null, status);
    }

    /** Shows a product's document: the catalog's, or an imported one. */
    private void load(ObjectNode document) {
        boolean wasLoading = loading;
        loading = true;
        try {
            ProductForm form = ProductForm.of(document, editedId, catalog.publishableTeams());
            fields.read(form, editedId != null);
            status = form.loadedStatus();
            ports().read(document);
        } finally {
            loading = wasLoading;
        }
        actions.show(editedId != null, status);
        changed();
    }

    /** The ODPS document the form describes, with the given status. */
    private ObjectNode document(ProductStatus targetStatus) {
        return fields.form()
                .document(targetStatus, ports().writeOutputs(), ports().writeInputs(), ports().writeSupport());
    }

    private List<DefinedContracts.Defined> changedContracts() {
        String team = fields.team.getValue() == null ? "" : fields.team.getValue();
        String product = fields.name.getValue().isBlank() ? fields.id.getValue() : fields.name.getValue();
        return DefinedContracts.changed(ports().outputs(), team, product);
    }

    private String typedId() {
        return fields.id.getValue().strip();
    }

    private void watch(HasValidation field) {
        problems().watch(field, this::changed);
    }

    // The parts of a shown product's form (beforeEnter builds them before anything uses them).

    private PortsSection ports() {
        return Objects.requireNonNull(ports);
    }

    private FormProblems problems() {
        return Objects.requireNonNull(problems);
    }

    private void changed() {
        if (!loading) {
            problems().show(violations());
        }
    }

    /** The service's rules for the document as it would be saved, and the form's own. */
    private List<Violation> violations() {
        List<Violation> violations = new ArrayList<>(fields.form().problems());
        violations.addAll(catalog.checkProduct(document(saveStatus()).toString(), DocumentFormat.JSON, editedId));
        violations.addAll(DefinedContracts.problems(ports().outputs()));
        return violations;
    }

    private void warnAboutSameName() {
        if (!loading) {
            fields.warnAboutSameName(sameName());
        }
    }

    private Optional<DataProductSummary> sameName() {
        return catalog.sameNameElsewhere(fields.name.getValue(), fields.team.getValue(), editedId);
    }

    /** Saving keeps the status, except that a new product starts as a draft. */
    private ProductStatus saveStatus() {
        return editedId == null ? ProductStatus.DRAFT : status;
    }

    private void save(@Nullable ProductStatus target) {
        problems().saveAttempted();
        List<Violation> found = violations();
        problems().show(found);
        if (!found.isEmpty()) {
            problems().refuse(found);
            return;
        }
        save(target, false, false);
    }

    private void save(@Nullable ProductStatus target, boolean impactSeen, boolean duplicateNameAllowed) {
        ProductStatus targetStatus = target == null ? saveStatus() : target;
        ObjectNode document = document(targetStatus);
        List<DefinedContracts.Defined> changedContracts = changedContracts();
        if (editedId != null && changedContracts.isEmpty() && document.equals(documentAtLoad)) {
            Notification.show("No changes to save", 4000, Notification.Position.BOTTOM_START);
            return;
        }
        Optional<DataProductSummary> namesake = duplicateNameAllowed ? Optional.empty() : sameName();
        if (namesake.isPresent()) {
            FormDialogs.confirmSameName(namesake.get(), () -> save(target, impactSeen, true));
            return;
        }
        List<String> updated = changedContracts.stream()
                .map(DefinedContracts.Defined::id)
                .filter(ports().contracts()::inCatalog)
                .toList();
        DownstreamImpact impact = downstreamImpact.getIfAvailable();
        if (!impactSeen && editedId != null && impact != null) {
            DownstreamImpact.Report report = ContractImpact.of(
                            status, targetStatus, offeredAtLoad, ContractImpact.offeredBy(document), updated)
                    .downstream(impact, editedId);
            if (!report.isEmpty()) {
                String action = ImpactConfirmation.action(status, targetStatus);
                new ImpactConfirmation(editedId, action, report, () -> save(target, true, duplicateNameAllowed)).open();
                return;
            }
        }
        try {
            Published published = catalog.publishWithContracts(
                    document.toString(),
                    changedContracts.stream().map(c -> c.document().toString()).toList(),
                    editedId,
                    editedId == null ? CatalogService.MUST_BE_NEW : revision,
                    duplicateNameAllowed,
                    // Confirming the impact acknowledges a breaking contract change too (decision 0022).
                    impactSeen);
            List<String> created = changedContracts.stream()
                    .map(DefinedContracts.Defined::id)
                    .filter(contractId -> !ports().contracts().inCatalog(contractId))
                    .toList();
            SaveMessage.show(published.id(), editedId == null ? null : status, targetStatus, updated, created);
            getUI().ifPresent(ui -> ui.navigate(CatalogPaths.product(published.id())));
        } catch (RefusedByPolicyException e) {
            // Nothing was saved; the live checks passed, so what is wrong is only what the policies say.
            List<Violation> violations = DefinedContracts.atPorts(e.violations(), changedContracts);
            problems().refusedByPolicy(e.policies(), violations);
            problems().show(violations());
            problems().refuse(violations);
        } catch (InvalidDocumentException e) {
            List<Violation> violations = DefinedContracts.atPorts(e.violations(), changedContracts);
            problems().show(violations);
            if (targetStatus == ProductStatus.ACTIVE && targetStatus != status) {
                problems().focusFirst();
                FormDialogs.notPublished(violations);
            } else {
                problems().refuse(violations);
            }
        } catch (BreakingChangeException e) {
            FormDialogs.confirmBreaking(e, () -> save(target, true, duplicateNameAllowed));
        } catch (CatalogConflictException e) {
            FormDialogs.savedMeanwhile(
                    e.getMessage(), () -> getUI().ifPresent(ui -> ui.getPage().reload()));
        } catch (AccessDeniedException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void openDeprecation() {
        new DeprecationDialog(String.valueOf(editedId), catalog.outputPortChoices(), (successor, sunset) -> {
                    fields.form().deprecate(successor, sunset);
                    save(ProductStatus.DEPRECATED);
                })
                .open();
    }

    /** Fills the form from an imported document: a product replaces the form, a contract becomes a port's. */
    private void take(DocumentImport imported) {
        switch (imported) {
            case DocumentImport.Product product -> {
                load(product.document());
                Notification.show(
                        "Filled the form from product " + product.id() + "; nothing is saved until you save.");
            }
            case DocumentImport.Contract contract -> {
                OutputPortEditor editor = ports().take(contract);
                Notification.show("Contract " + contract.id() + " is now the contract of port "
                        + editor.name.getValue()
                        + (ports().contracts().inCatalog(contract.id())
                                ? "; saving replaces the catalog's version."
                                : "; saving publishes it."));
                changed();
            }
        }
    }
}

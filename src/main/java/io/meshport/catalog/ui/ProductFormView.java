package io.meshport.catalog.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.meshport.catalog.CatalogConflictException;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DataProductSummary;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.DownstreamImpact;
import io.meshport.catalog.ExportedDocument;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.PortChoice;
import io.meshport.catalog.ProductDetails;
import io.meshport.catalog.ProductStatus;
import io.meshport.catalog.Published;
import io.meshport.catalog.Violation;
import jakarta.annotation.security.PermitAll;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publish and maintain a data product without knowing ODPS: the form edits the ODPS document
 * and the ODCS documents of the contracts it defines (keeping whatever it does not show), and
 * every change is checked live by the same service rules the API applies.
 */
@Route("create")
@RouteAlias("products/:id/edit")
@Menu(order = 1, title = "Create", icon = "PLUS_CIRCLE")
@PermitAll
class ProductFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CatalogService catalog;
    private final ObjectProvider<DownstreamImpact> downstreamImpact;

    private ProductFields fields = new ProductFields(List.of(), List.of(), false, () -> {});
    private final VerticalLayout outputPorts = new VerticalLayout();
    private final VerticalLayout inputPorts = new VerticalLayout();
    private final VerticalLayout supportChannels = new VerticalLayout();
    private final List<OutputPortEditor> outputEditors = new ArrayList<>();
    private final List<InputPortEditor> inputEditors = new ArrayList<>();
    private final List<SupportEditor> supportEditors = new ArrayList<>();
    private FormProblems problems = new FormProblems(fields, outputEditors, inputEditors);
    private final Button saveDraft = new Button("Save as draft");
    private final Button publish = new Button("Publish");
    private final Button deprecate = new Button("Deprecate…");
    private final Button retire = new Button("Retire…");

    private ObjectNode base = Documents.JSON.createObjectNode();
    private @Nullable String editedId;
    private @Nullable Long revision;
    private ProductStatus status = ProductStatus.DRAFT;
    private boolean loading;
    private List<ProductDetails.ContractView> contracts = List.of();
    private List<PortChoice> portChoices = List.of();
    /** What the product offered when the form opened: the contracts of its ports. */
    private Set<String> providedAtLoad = Set.of();
    /** The document as the form showed it when it opened, to tell whether anything changed. */
    private @Nullable ObjectNode documentAtLoad;
    /** Contract documents the caller may edit, fetched once per opening of the form. */
    private final Map<String, Optional<ObjectNode>> editableContracts = new LinkedHashMap<>();

    /** A contract defined at an output port that saving writes. */
    private record Defined(int port, String id, ObjectNode document) {}

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
        editableContracts.clear();
        editedId = event.getRouteParameters().get("id").orElse(null);
        List<String> teams = catalog.publishableTeams();
        if (editedId != null) {
            Optional<ProductDetails> details = catalog.details(editedId);
            if (details.isEmpty()) {
                add(
                        new H2("No such data product"),
                        new Paragraph("The catalog has no data product '" + editedId + "'."));
                return;
            }
            if (!details.get().editable()) {
                add(
                        new H2("You may not edit this product"),
                        new Paragraph("'" + details.get().summary().name() + "' is owned by team "
                                + details.get().summary().ownerTeam() + ", and you are not a member."),
                        new RouterLink("Back to the product", ProductView.class, new RouteParameters("id", editedId)));
                return;
            }
        } else if (teams.isEmpty()) {
            add(
                    new H2("Publish a data product"),
                    new Paragraph("You are in no team, so there is nothing you can publish yet: ask to be added to a"
                            + " domain team's group in the identity provider."));
            return;
        }
        contracts = catalog.contracts();
        portChoices = catalog.outputPortChoices().stream()
                .filter(choice -> !choice.productId().equals(editedId))
                .toList();
        loading = true;
        build(teams);
        if (editedId != null) {
            ExportedDocument document =
                    catalog.exportProduct(editedId, DocumentFormat.JSON).orElseThrow();
            revision = document.revision();
            load((ObjectNode) Documents.JSON.readTree(document.content()));
            documentAtLoad = document(status);
            providedAtLoad = providedContracts(documentAtLoad);
        } else if (teams.size() == 1) {
            fields.team.setValue(teams.getFirst());
        }
        loading = false;
    }

    private void build(List<String> teams) {
        fields = new ProductFields(catalog.domains(), teams, editedId != null, this::changed);
        problems = new FormProblems(fields, outputEditors, inputEditors);
        outputEditors.clear();
        inputEditors.clear();
        supportEditors.clear();
        fields.name.addValueChangeListener(e -> warnAboutSameName());
        fields.team.addValueChangeListener(e -> warnAboutSameName());
        fields.id.addValueChangeListener(e -> outputEditors.forEach(
                editor -> editor.suggestContractId(e.getValue().strip())));
        fields.all().forEach(field -> problems.watch(field, this::changed));

        Button addOutput = new Button("Add output port", VaadinIcon.PLUS.create(), click -> {
            addOutputPort();
            changed();
        });
        Button addInput = new Button("Add input port", VaadinIcon.PLUS.create(), click -> {
            addInputPort();
            changed();
        });
        Button addSupport = new Button("Add support channel", VaadinIcon.PLUS.create(), click -> addSupport());
        for (VerticalLayout list : List.of(outputPorts, inputPorts, supportChannels)) {
            list.removeAll();
            list.setPadding(false);
        }
        saveDraft.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        Button importButton = new Button(
                "Import ODPS/ODCS…", VaadinIcon.UPLOAD.create(), click -> new ImportDialog(this::importDocument)
                        .open());
        HorizontalLayout actions = new HorizontalLayout(saveDraft, publish, deprecate, retire, importButton);
        add(
                new H2(editedId == null ? "Publish a data product" : "Edit " + editedId),
                problems.errors(),
                new H3("Identity"),
                fields.identity(),
                new H3("Description"),
                fields.description(),
                new H3("Output ports"),
                problems.outputErrors(),
                outputPorts,
                addOutput,
                new H3("Input ports"),
                new Paragraph("Reading another product's output declares the lineage."),
                inputPorts,
                addInput,
                new H3("Support"),
                supportChannels,
                addSupport,
                actions);
        if (editedId == null) {
            addOutputPort();
        }
        updateButtons();
    }

    /** Buttons outlive a navigation from one product's form to another's: listen once. */
    {
        saveDraft.addClickListener(click -> save(null));
        publish.addClickListener(click -> save(ProductStatus.ACTIVE));
        deprecate.addClickListener(click -> openDeprecation());
        retire.addClickListener(click -> confirmRetirement());
    }

    // ------------------------------------------------------------------ document <-> form

    private void load(ObjectNode document) {
        boolean wasLoading = loading;
        loading = true;
        try {
            base = document;
            fields.read(document, editedId, catalog.publishableTeams());
            try {
                status = ProductStatus.fromValue(Documents.text(document, "status"));
            } catch (IllegalArgumentException e) {
                status = ProductStatus.DRAFT;
            }
            outputEditors.clear();
            outputPorts.removeAll();
            document.path("outputPorts").forEach(port -> addOutputPort().read(port));
            inputEditors.clear();
            inputPorts.removeAll();
            document.path("inputPorts").forEach(port -> addInputPort().read(port, portChoices));
            supportEditors.clear();
            supportChannels.removeAll();
            document.path("support").forEach(support -> addSupport().read(support));
        } finally {
            loading = wasLoading;
        }
        updateButtons();
        changed();
    }

    /** The ODPS document the form describes, with the given status. */
    private ObjectNode document(ProductStatus targetStatus) {
        ObjectNode document = base.deepCopy();
        if (!document.has("apiVersion")) {
            document.put("apiVersion", "v1.0.0");
        }
        document.put("kind", "DataProduct");
        fields.write(document);
        document.put("status", targetStatus.value());
        writeList(
                document,
                "outputPorts",
                outputEditors.stream().map(OutputPortEditor::write).toList());
        writeList(
                document,
                "inputPorts",
                inputEditors.stream().map(InputPortEditor::write).toList());
        writeList(
                document,
                "support",
                supportEditors.stream().map(SupportEditor::write).toList());
        return document;
    }

    private static void writeList(ObjectNode document, String field, List<ObjectNode> items) {
        if (items.isEmpty()) {
            document.remove(field);
        } else {
            ArrayNode array = document.putArray(field);
            items.forEach(array::add);
        }
    }

    /** The contracts defined in the form that saving writes: new, imported or edited ones. */
    private List<Defined> changedContracts() {
        String team = fields.team.getValue() == null ? "" : fields.team.getValue();
        String product = fields.name.getValue().isBlank() ? fields.id.getValue() : fields.name.getValue();
        List<Defined> changed = new ArrayList<>();
        for (int i = 0; i < outputEditors.size(); i++) {
            OutputPortEditor editor = outputEditors.get(i);
            if (editor.contractChanged(team, product)) {
                int port = i;
                editor.inlineContract(team, product)
                        .ifPresent(
                                contract -> changed.add(new Defined(port, Documents.text(contract, "id"), contract)));
            }
        }
        return changed;
    }

    private boolean inCatalog(String contractId) {
        return contracts.stream().anyMatch(c -> c.id().equals(contractId));
    }

    /** The catalog's document of a contract whose team the caller may publish for. */
    private Optional<ObjectNode> editableContract(String contractId) {
        return editableContracts
                .computeIfAbsent(contractId, id -> contracts.stream()
                        .filter(c ->
                                c.id().equals(id) && catalog.publishableTeams().contains(c.ownerTeam()))
                        .findFirst()
                        .flatMap(c -> catalog.exportContract(id, DocumentFormat.JSON))
                        .map(exported -> (ObjectNode) Documents.JSON.readTree(exported.content())))
                .map(ObjectNode::deepCopy);
    }

    private OutputPortEditor addOutputPort() {
        OutputPortEditor.Contracts source = new OutputPortEditor.Contracts() {
            @Override
            public List<ProductDetails.ContractView> all() {
                return contracts;
            }

            @Override
            public Optional<ObjectNode> editableDocument(String contractId) {
                return editableContract(contractId);
            }
        };
        OutputPortEditor editor = new OutputPortEditor(source, this::changed, removed -> {
            outputEditors.remove(removed);
            outputPorts.remove(removed);
            changed();
        });
        editor.name.addValueChangeListener(
                e -> editor.suggestContractId(fields.id.getValue().strip()));
        List.<HasValidation>of(
                        editor.name,
                        editor.version,
                        editor.existingContract,
                        editor.contract.contractId,
                        editor.contract.version)
                .forEach(field -> problems.watch(field, this::changed));
        outputEditors.add(editor);
        outputPorts.add(editor);
        return editor;
    }

    private InputPortEditor addInputPort() {
        InputPortEditor editor = new InputPortEditor(portChoices, this::changed, removed -> {
            inputEditors.remove(removed);
            inputPorts.remove(removed);
            changed();
        });
        List.<HasValidation>of(editor.name, editor.version, editor.contractId)
                .forEach(field -> problems.watch(field, this::changed));
        inputEditors.add(editor);
        inputPorts.add(editor);
        return editor;
    }

    private SupportEditor addSupport() {
        SupportEditor editor = new SupportEditor(this::changed, removed -> {
            supportEditors.remove(removed);
            supportChannels.remove(removed);
            changed();
        });
        supportEditors.add(editor);
        supportChannels.add(editor);
        return editor;
    }

    // ------------------------------------------------------------------ validation

    private void changed() {
        if (!loading) {
            problems.show(problems());
        }
    }

    /** The service's rules for the document as it would be saved, and the form's own. */
    private List<Violation> problems() {
        List<Violation> violations = new ArrayList<>();
        if (fields.name.getValue().isBlank()) {
            violations.add(new Violation("/name", "The product needs a name."));
        }
        violations.addAll(catalog.checkProduct(document(saveStatus()).toString(), DocumentFormat.JSON, editedId));
        Set<String> defined = new HashSet<>();
        for (int i = 0; i < outputEditors.size(); i++) {
            OutputPortEditor editor = outputEditors.get(i);
            if (!OutputPortEditor.DEFINE.equals(editor.contractMode.getValue())) {
                continue;
            }
            String versionProblem = editor.contract.versionProblem();
            if (versionProblem != null) {
                violations.add(new Violation("/contracts/" + i + "/version", versionProblem));
            }
            String contractId = editor.contractId();
            if (contractId != null && !defined.add(contractId)) {
                violations.add(new Violation(
                        "/contracts/" + i + "/id",
                        "Another port already defines contract '" + contractId + "': give each port its own."));
            }
        }
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

    // ------------------------------------------------------------------ saving

    /** Saving keeps the status, except that a new product starts as a draft. */
    private ProductStatus saveStatus() {
        return editedId == null ? ProductStatus.DRAFT : status;
    }

    private void updateButtons() {
        boolean live = status == ProductStatus.ACTIVE || status == ProductStatus.DEPRECATED;
        saveDraft.setText(editedId != null && live ? "Save" : "Save as draft");
        publish.setVisible(status != ProductStatus.ACTIVE && status != ProductStatus.RETIRED);
        deprecate.setVisible(editedId != null && status == ProductStatus.ACTIVE);
        retire.setVisible(editedId != null && status == ProductStatus.DEPRECATED);
    }

    private void save(@Nullable ProductStatus target) {
        problems.saveAttempted();
        List<Violation> found = problems();
        problems.show(found);
        if (!found.isEmpty()) {
            refused(found);
            return;
        }
        save(target, false, false);
    }

    private void refused(List<Violation> violations) {
        problems.focusFirst();
        Notification.show("Not saved: " + violations.getFirst().message()
                        + (violations.size() > 1
                                ? " (and " + (violations.size() - 1) + " more, shown in the form)"
                                : ""))
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void save(@Nullable ProductStatus target, boolean impactSeen, boolean duplicateNameAllowed) {
        ProductStatus targetStatus = target == null ? saveStatus() : target;
        ObjectNode document = document(targetStatus);
        List<Defined> changedContracts = changedContracts();
        if (editedId != null && changedContracts.isEmpty() && document.equals(documentAtLoad)) {
            Notification.show("No changes to save", 4000, Notification.Position.BOTTOM_START);
            return;
        }
        Optional<DataProductSummary> namesake = duplicateNameAllowed ? Optional.empty() : sameName();
        if (namesake.isPresent()) {
            ConfirmDialog dialog = new ConfirmDialog();
            dialog.setHeader("Another team's product has this name");
            dialog.setText(ProductFields.sameNameWarning(namesake.get())
                    + " People may take one for the other. Save under the same name anyway?");
            dialog.setCancelable(true);
            dialog.setConfirmText("Save anyway");
            dialog.addConfirmListener(e -> save(target, impactSeen, true));
            dialog.open();
            return;
        }
        List<String> updated = changedContracts.stream()
                .map(Defined::id)
                .filter(this::inCatalog)
                .toList();
        if (!impactSeen && editedId != null) {
            DownstreamImpact.Report impact = impactOf(targetStatus, document, updated);
            if (!impact.isEmpty()) {
                String action = targetStatus != status && targetStatus == ProductStatus.DEPRECATED
                        ? "Deprecate"
                        : targetStatus != status && targetStatus == ProductStatus.RETIRED ? "Retire" : "Save";
                new ImpactConfirmation(editedId, action, impact, () -> save(target, true, duplicateNameAllowed)).open();
                return;
            }
        }
        try {
            Published published = catalog.publishWithContracts(
                    document.toString(),
                    changedContracts.stream().map(c -> c.document().toString()).toList(),
                    editedId,
                    editedId == null ? CatalogService.MUST_BE_NEW : revision,
                    duplicateNameAllowed);
            List<String> created = changedContracts.stream()
                    .map(Defined::id)
                    .filter(contractId -> !inCatalog(contractId))
                    .toList();
            Notification.show(
                            SaveMessage.of(
                                    published.id(), editedId == null ? null : status, targetStatus, updated, created),
                            8000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(ProductView.class, new RouteParameters("id", published.id())));
        } catch (InvalidDocumentException e) {
            List<Violation> violations = atPorts(e.violations(), changedContracts);
            problems.show(violations);
            if (targetStatus == ProductStatus.ACTIVE && targetStatus != status) {
                problems.focusFirst();
                refusedPublication(violations);
            } else {
                refused(violations);
            }
        } catch (CatalogConflictException e) {
            ConfirmDialog dialog = new ConfirmDialog();
            dialog.setHeader("Someone else saved this product");
            dialog.setText(e.getMessage() + " Your edits are still in the form. Reload to see the newer version"
                    + " (your edits in the form are then replaced).");
            dialog.setConfirmText("Reload the newer version");
            dialog.addConfirmListener(
                    event -> getUI().ifPresent(ui -> ui.getPage().reload()));
            dialog.setCancelable(true);
            dialog.setCancelText("Keep my edits");
            dialog.open();
        } catch (AccessDeniedException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The service points into the i-th contract sent; the form shows it at that contract's port. */
    private static List<Violation> atPorts(List<Violation> violations, List<Defined> sent) {
        return violations.stream()
                .map(v -> {
                    String[] parts = v.pointer().split("/", 4);
                    if (parts.length >= 3 && parts[1].equals("contracts") && parts[2].matches("\\d+")) {
                        int index = Integer.parseInt(parts[2]);
                        if (index < sent.size()) {
                            String rest = parts.length > 3 ? "/" + parts[3] : "";
                            return new Violation("/contracts/" + sent.get(index).port() + rest, v.message());
                        }
                    }
                    return v;
                })
                .toList();
    }

    /**
     * Who the change hurts: everything downstream when the product is deprecated or retired;
     * otherwise what consumes a contract that a port no longer offers or that the save replaces.
     */
    private DownstreamImpact.Report impactOf(ProductStatus targetStatus, ObjectNode document, List<String> updated) {
        DownstreamImpact impact = downstreamImpact.getIfAvailable();
        String product = editedId;
        if (impact == null || product == null) {
            return new DownstreamImpact.Report(List.of(), false, "");
        }
        boolean retiring = targetStatus != status
                && (targetStatus == ProductStatus.DEPRECATED || targetStatus == ProductStatus.RETIRED);
        if (retiring) {
            return impact.of(product, Set.of());
        }
        Set<String> changed = new LinkedHashSet<>(providedAtLoad);
        changed.removeAll(providedContracts(document));
        changed.addAll(updated);
        return changed.isEmpty() ? new DownstreamImpact.Report(List.of(), false, "") : impact.of(product, changed);
    }

    private static Set<String> providedContracts(ObjectNode document) {
        Set<String> provided = new LinkedHashSet<>();
        for (JsonNode port : document.path("outputPorts")) {
            String contract = port.path("contractId").asString("");
            if (!contract.isBlank()) {
                provided.add(contract);
            }
        }
        return provided;
    }

    private void refusedPublication(List<Violation> violations) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Not published yet");
        UnorderedList missing = new UnorderedList();
        violations.forEach(v -> missing.add(new ListItem(v.message())));
        dialog.add(new Paragraph("To become active, the product still needs:"), missing);
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }

    private void openDeprecation() {
        List<String> successors = catalog.outputPortChoices().stream()
                .map(PortChoice::productId)
                .distinct()
                .filter(candidate -> !candidate.equals(editedId))
                .toList();
        new DeprecationDialog(String.valueOf(editedId), successors, (successor, sunset) -> {
                    DeprecationDialog.apply(base, successor, sunset);
                    save(ProductStatus.DEPRECATED);
                })
                .open();
    }

    private void confirmRetirement() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Retire " + editedId);
        dialog.setText("A retired product no longer serves data and disappears from searches unless asked for."
                + " Retirement is final.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Retire");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> save(ProductStatus.RETIRED));
        dialog.open();
    }

    // ------------------------------------------------------------------ import

    /**
     * Fills the form from a document: a product replaces the form, a contract becomes a port's
     * contract, kept whole. Answers why the document cannot be taken, if it cannot.
     */
    private Optional<String> importDocument(ObjectNode document) {
        String kind = Documents.text(document, "kind");
        if (kind.equals("DataProduct")) {
            if (editedId != null && !editedId.equals(Documents.text(document, "id"))) {
                return Optional.of("This document describes '" + Documents.text(document, "id")
                        + "', not the product being edited.");
            }
            load(document);
            Notification.show("Filled the form from product " + Documents.text(document, "id")
                    + "; nothing is saved until you save.");
            return Optional.empty();
        }
        if (kind.equals("DataContract")) {
            OutputPortEditor editor = outputEditors.isEmpty()
                            || !outputEditors.getLast().name.getValue().isBlank()
                    ? addOutputPort()
                    : outputEditors.getLast();
            editor.contractMode.setValue(OutputPortEditor.DEFINE);
            editor.contract.read(document, false);
            String objectName = document.path("schema").path(0).path("name").asString("");
            if (editor.name.getValue().isBlank() && !objectName.isBlank()) {
                editor.name.setValue(objectName);
            }
            String contractId = Documents.text(document, "id");
            Notification.show("Contract " + contractId + " is now the contract of port " + editor.name.getValue()
                    + (inCatalog(contractId) ? "; saving replaces the catalog's version." : "; saving publishes it."));
            changed();
            return Optional.empty();
        }
        return Optional.of("kind must be DataProduct (ODPS) or DataContract (ODCS).");
    }

    /** A readable id from a name: "Stock Trades (EU)" becomes "stock-trades-eu". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}

package io.meshport.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.meshport.catalog.CatalogConflictException;
import io.meshport.catalog.CatalogRules;
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
 * (keeping whatever it does not show), and every change is checked live by the same service
 * rules the API applies.
 */
@Route("create")
@RouteAlias("products/:id/edit")
@Menu(order = 1, title = "Create", icon = "PLUS_CIRCLE")
@PermitAll
class ProductFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CatalogService catalog;

    private final TextField name = new TextField("Name");
    private final TextField id = new TextField("Id");
    private final ComboBox<String> domain = new ComboBox<>("Domain");
    private final TextField version = new TextField("Version");
    private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tags");
    private final TextArea purpose = new TextArea("Purpose (Markdown)");
    private final TextArea limitations = new TextArea("Limitations");
    private final TextArea usage = new TextArea("Usage");
    private final Select<String> team = new Select<>();
    private final VerticalLayout outputPorts = new VerticalLayout();
    private final VerticalLayout inputPorts = new VerticalLayout();
    private final VerticalLayout supportChannels = new VerticalLayout();
    private final List<OutputPortEditor> outputEditors = new ArrayList<>();
    private final List<InputPortEditor> inputEditors = new ArrayList<>();
    private final List<SupportEditor> supportEditors = new ArrayList<>();
    private final Div errors = new Div();
    private final Div outputErrors = new Div();
    private final Button saveDraft = new Button("Save as draft");
    private final Button publish = new Button("Publish");
    private final Button deprecate = new Button("Deprecate…");
    private final Button retire = new Button("Retire…");
    private final H2 heading = new H2("Publish a data product");

    private ObjectNode base = Documents.JSON.createObjectNode();
    private @Nullable String editedId;
    private @Nullable Long revision;
    private ProductStatus status = ProductStatus.DRAFT;
    private boolean idEdited;
    private boolean loading;
    private List<ProductDetails.ContractView> contracts = List.of();
    private List<PortChoice> portChoices = List.of();
    private final ObjectProvider<DownstreamImpact> downstreamImpact;
    /** What the product offered when the form opened: the contracts of its ports. */
    private Set<String> providedAtLoad = Set.of();
    /** The document as the form showed it when it opened, to tell whether anything changed. */
    private @Nullable ObjectNode documentAtLoad;
    /** Contract documents the caller may edit, fetched once per opening of the form. */
    private final Map<String, Optional<ObjectNode>> editableContracts = new LinkedHashMap<>();
    /** Fields the person changed: only those show problems until a save is attempted. */
    private final Set<HasValidation> touched = new HashSet<>();

    private boolean saveAttempted;

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
        touched.clear();
        saveAttempted = false;
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
        build(teams);
        if (editedId != null) {
            ExportedDocument document =
                    catalog.exportProduct(editedId, DocumentFormat.JSON).orElseThrow();
            revision = document.revision();
            load((ObjectNode) Documents.JSON.readTree(document.content()));
            idEdited = true;
            documentAtLoad = document(status);
            providedAtLoad = providedContracts(documentAtLoad);
        } else if (teams.size() == 1) {
            loading = true;
            team.setValue(teams.getFirst());
            loading = false;
        }
    }

    /** The catalog's document of a contract whose team the caller may publish for. */
    private Optional<ObjectNode> editableContract(String contractId) {
        return editableContracts.computeIfAbsent(contractId, id -> contracts.stream()
                .filter(c -> c.id().equals(id) && catalog.publishableTeams().contains(c.ownerTeam()))
                .findFirst()
                .flatMap(c -> catalog.exportContract(id, DocumentFormat.JSON))
                .map(exported -> (ObjectNode) Documents.JSON.readTree(exported.content())));
    }

    private final OutputPortEditor.Contracts contractSource = new OutputPortEditor.Contracts() {
        @Override
        public List<ProductDetails.ContractView> all() {
            return contracts;
        }

        @Override
        public Optional<ObjectNode> editableDocument(String contractId) {
            return editableContract(contractId).map(ObjectNode::deepCopy);
        }
    };

    private void build(List<String> teams) {
        heading.setText(editedId == null ? "Publish a data product" : "Edit " + editedId);
        errors.addClassName("form-errors");
        errors.setId("form-errors");
        outputErrors.addClassName("form-errors");

        name.setRequiredIndicatorVisible(true);
        name.setHelperText("At most " + CatalogRules.MAX_NAME_LENGTH + " characters");
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(e -> {
            if (!idEdited && editedId == null) {
                id.setValue(slug(e.getValue()));
            }
            warnAboutSameName();
            changed();
        });
        id.setHelperText("Stable and unique; suggested from the name");
        id.setReadOnly(editedId != null);
        id.setValueChangeMode(ValueChangeMode.LAZY);
        id.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                idEdited = true;
            }
            outputEditors.forEach(
                    editor -> editor.suggestContractId(e.getValue().strip()));
            changed();
        });
        domain.setItems(catalog.domains());
        domain.setAllowCustomValue(true);
        domain.addCustomValueSetListener(e -> domain.setValue(e.getDetail()));
        domain.setHelperText("Pick one or type a new domain");
        domain.addValueChangeListener(e -> changed());
        version.setValue("1.0.0");
        version.setValueChangeMode(ValueChangeMode.LAZY);
        version.addValueChangeListener(e -> changed());
        tags.setAllowCustomValue(true);
        tags.setItems(new ArrayList<>());
        tags.addCustomValueSetListener(e -> {
            LinkedHashSet<String> values = new LinkedHashSet<>(tags.getValue());
            values.add(e.getDetail().strip().toLowerCase(Locale.ROOT));
            List<String> items = new ArrayList<>(values);
            tags.setItems(items);
            tags.setValue(values);
        });
        tags.addValueChangeListener(e -> changed());
        purpose.setHelperText("What the data is for; Markdown");
        purpose.setValueChangeMode(ValueChangeMode.LAZY);
        purpose.addValueChangeListener(e -> changed());
        team.setLabel("Owning team");
        team.setItems(teams);
        team.setHelperText("Only its members can change the product");
        team.addValueChangeListener(e -> {
            warnAboutSameName();
            changed();
        });
        for (HasValidation field : List.<HasValidation>of(name, id, domain, version, tags, purpose, team)) {
            touchedBy(field);
        }

        FormLayout identity = new FormLayout(name, id, domain, version, team, tags);
        identity.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        FormLayout description = new FormLayout(purpose, limitations, usage);
        description.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));

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
            list.setPadding(false);
        }

        saveDraft.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveDraft.addClickListener(click -> save(null));
        publish.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        publish.addClickListener(click -> save(ProductStatus.ACTIVE));
        deprecate.addClickListener(click -> openDeprecation());
        retire.addClickListener(click -> {
            ConfirmDialog dialog = new ConfirmDialog();
            dialog.setHeader("Retire " + editedId);
            dialog.setText("A retired product no longer serves data and disappears from searches unless asked for."
                    + " Retirement is final.");
            dialog.setCancelable(true);
            dialog.setConfirmText("Retire");
            dialog.setConfirmButtonTheme("error primary");
            dialog.addConfirmListener(event -> save(ProductStatus.RETIRED));
            dialog.open();
        });
        Button importButton = new Button(
                "Import ODPS/ODCS…", VaadinIcon.UPLOAD.create(), click -> new ImportDialog(this::importDocument)
                        .open());
        HorizontalLayout actions = new HorizontalLayout(saveDraft, publish, deprecate, retire, importButton);

        add(
                heading,
                errors,
                new H3("Identity"),
                identity,
                new H3("Description"),
                description,
                new H3("Output ports"),
                outputErrors,
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

    // ------------------------------------------------------------------ document <-> form

    private void load(ObjectNode document) {
        loading = true;
        try {
            base = document;
            name.setValue(Documents.text(document, "name"));
            if (editedId == null) {
                id.setValue(Documents.text(document, "id"));
                idEdited = !id.getValue().isBlank();
            } else {
                id.setValue(editedId);
            }
            String domainValue = Documents.text(document, "domain");
            domain.setValue(domainValue.isEmpty() ? null : domainValue);
            version.setValue(Documents.text(document, "version"));
            List<String> tagValues = new ArrayList<>();
            document.path("tags").forEach(tag -> tagValues.add(tag.asString()));
            tags.setItems(tagValues);
            tags.setValue(new LinkedHashSet<>(tagValues));
            JsonNode description = document.path("description");
            purpose.setValue(Documents.text(description, "purpose"));
            limitations.setValue(Documents.text(description, "limitations"));
            usage.setValue(Documents.text(description, "usage"));
            String teamName = Documents.text(document.path("team"), "name");
            if (!teamName.isEmpty() && catalog.publishableTeams().contains(teamName)) {
                team.setValue(teamName);
            }
            try {
                status = ProductStatus.fromValue(Documents.text(document, "status"));
            } catch (IllegalArgumentException e) {
                status = ProductStatus.DRAFT;
            }
            outputEditors.clear();
            outputPorts.removeAll();
            for (JsonNode port : document.path("outputPorts")) {
                addOutputPort().read(port);
            }
            inputEditors.clear();
            inputPorts.removeAll();
            for (JsonNode port : document.path("inputPorts")) {
                addInputPort().read(port, portChoices);
            }
            supportEditors.clear();
            supportChannels.removeAll();
            for (JsonNode support : document.path("support")) {
                addSupport().read(support);
            }
        } finally {
            loading = false;
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
        document.put("id", id.getValue().strip());
        Documents.put(document, "name", name.getValue());
        Documents.put(document, "version", version.getValue());
        document.put("status", targetStatus.value());
        Documents.put(document, "domain", domain.getValue());
        if (tags.getValue().isEmpty()) {
            document.remove("tags");
        } else {
            ArrayNode tagArray = document.putArray("tags");
            tags.getValue().forEach(tagArray::add);
        }
        ObjectNode description = Documents.object(document, "description");
        Documents.put(description, "purpose", purpose.getValue());
        Documents.put(description, "limitations", limitations.getValue());
        Documents.put(description, "usage", usage.getValue());
        if (description.isEmpty()) {
            document.remove("description");
        }
        if (team.getValue() != null) {
            Documents.object(document, "team").put("name", team.getValue());
        }
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
    private List<ObjectNode> changedContracts() {
        String teamName = team.getValue() == null ? "" : team.getValue();
        String productName = name.getValue().isBlank() ? id.getValue() : name.getValue();
        return outputEditors.stream()
                .filter(editor -> editor.contractChanged(teamName, productName))
                .map(editor -> editor.inlineContract(teamName, productName))
                .flatMap(Optional::stream)
                .toList();
    }

    private boolean inCatalog(String contractId) {
        return contracts.stream().anyMatch(c -> c.id().equals(contractId));
    }

    private OutputPortEditor addOutputPort() {
        OutputPortEditor editor = new OutputPortEditor(contractSource, this::changed, removed -> {
            outputEditors.remove(removed);
            outputPorts.remove(removed);
            changed();
        });
        editor.name.addValueChangeListener(
                e -> editor.suggestContractId(id.getValue().strip()));
        List.<HasValidation>of(
                        editor.name,
                        editor.version,
                        editor.existingContract,
                        editor.contract.contractId,
                        editor.contract.version)
                .forEach(this::touchedBy);
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
        List.<HasValidation>of(editor.name, editor.version, editor.contractId).forEach(this::touchedBy);
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

    private void touchedBy(HasValidation field) {
        if (field instanceof HasValue<?, ?> value) {
            value.addValueChangeListener(e -> {
                // The field's own listeners ran first, without it counted as touched: check again.
                if (e.isFromClient() && touched.add(field)) {
                    changed();
                }
            });
        }
    }

    /** Checks the document as it stands with the service's rules and shows what is wrong where. */
    private void changed() {
        if (loading) {
            return;
        }
        show(problems());
    }

    /** The service's rules for the document as it would be saved, and the form's own. */
    private List<Violation> problems() {
        List<Violation> violations = new ArrayList<>();
        if (name.getValue().isBlank()) {
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

    private void show(List<Violation> violations) {
        allFields().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        errors.removeAll();
        outputErrors.removeAll();
        List<String> unplaced = new ArrayList<>();
        for (Violation violation : violations) {
            HasValidation field = fieldFor(violation.pointer());
            if (field != null) {
                if ((saveAttempted || touched.contains(field)) && !field.isInvalid()) {
                    field.setErrorMessage(violation.message());
                    field.setInvalid(true);
                }
            } else if (!saveAttempted) {
                continue;
            } else if (violation.pointer().equals("/outputPorts")) {
                outputErrors.add(new Paragraph(violation.message()));
            } else {
                unplaced.add((violation.pointer().isEmpty() ? "" : violation.pointer() + ": ") + violation.message());
            }
        }
        if (!unplaced.isEmpty()) {
            UnorderedList list = new UnorderedList();
            unplaced.forEach(message -> list.add(new ListItem(message)));
            errors.add(list);
        }
    }

    /** Every field that can show a problem, in the order a person reads the form. */
    private List<HasValidation> allFields() {
        List<HasValidation> fields = new ArrayList<>(List.of(name, id, domain, version, team, tags, purpose));
        outputEditors.forEach(editor -> fields.addAll(List.of(
                editor.name,
                editor.version,
                editor.existingContract,
                editor.contract.contractId,
                editor.contract.version)));
        inputEditors.forEach(editor -> fields.addAll(List.of(editor.name, editor.version, editor.contractId)));
        return fields;
    }

    /** Brings the first field with a problem into view and into focus; else the list of problems. */
    private void focusFirstProblem() {
        for (HasValidation field : allFields()) {
            if (field.isInvalid() && field instanceof Component component) {
                component.scrollIntoView();
                if (component instanceof Focusable<?> focusable) {
                    focusable.focus();
                }
                return;
            }
        }
        if (errors.getChildren().findAny().isPresent()) {
            errors.scrollIntoView();
        } else if (outputErrors.getChildren().findAny().isPresent()) {
            outputErrors.scrollIntoView();
        }
    }

    private @Nullable HasValidation fieldFor(String pointer) {
        switch (pointer) {
            case "/name":
                return name;
            case "/id":
                return id;
            case "/domain":
                return domain;
            case "/version":
                return version;
            case "/description/purpose":
                return purpose;
            case "/team/name":
            case "/team":
                return team;
            default:
                break;
        }
        if (pointer.startsWith("/tags")) {
            return tags;
        }
        String[] parts = pointer.split("/");
        if (parts.length >= 3 && parts[2].matches("\\d+")) {
            int index = Integer.parseInt(parts[2]);
            String field = parts.length > 3 ? parts[3] : "";
            if (parts[1].equals("outputPorts") && index < outputEditors.size()) {
                OutputPortEditor editor = outputEditors.get(index);
                return switch (field) {
                    case "version" -> editor.version;
                    case "contractId" ->
                        OutputPortEditor.EXISTING.equals(editor.contractMode.getValue())
                                ? editor.existingContract
                                : editor.contract.contractId;
                    default -> editor.name;
                };
            }
            if (parts[1].equals("contracts") && index < outputEditors.size()) {
                ContractEditor contract = outputEditors.get(index).contract;
                return switch (field) {
                    case "version" -> contract.version;
                    case "id" -> contract.contractId;
                    default -> null;
                };
            }
            if (parts[1].equals("inputPorts") && index < inputEditors.size()) {
                InputPortEditor editor = inputEditors.get(index);
                return switch (field) {
                    case "name" -> editor.name;
                    case "version" -> editor.version;
                    default -> editor.contractId;
                };
            }
        }
        return null;
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
        saveAttempted = true;
        List<Violation> problems = problems();
        show(problems);
        if (!problems.isEmpty()) {
            focusFirstProblem();
            Notification.show("Not saved: " + problems.getFirst().message()
                            + (problems.size() > 1
                                    ? " (and " + (problems.size() - 1) + " more, shown in the form)"
                                    : ""))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        save(target, false, false);
    }

    private void save(@Nullable ProductStatus target, boolean impactSeen, boolean duplicateNameAllowed) {
        ProductStatus targetStatus = target == null ? saveStatus() : target;
        ObjectNode document = document(targetStatus);
        List<ObjectNode> changedContracts = changedContracts();
        if (editedId != null && changedContracts.isEmpty() && document.equals(documentAtLoad)) {
            Notification.show("No changes to save", 4000, Notification.Position.BOTTOM_START);
            return;
        }
        if (!duplicateNameAllowed) {
            Optional<DataProductSummary> namesake = sameName();
            if (namesake.isPresent()) {
                ConfirmDialog dialog = new ConfirmDialog();
                dialog.setHeader("Another team's product has this name");
                dialog.setText(sameNameWarning(namesake.get())
                        + " People may take one for the other. Save under the same name anyway?");
                dialog.setCancelable(true);
                dialog.setConfirmText("Save anyway");
                dialog.addConfirmListener(e -> save(target, impactSeen, true));
                dialog.open();
                return;
            }
        }
        List<String> updated = changedContracts.stream()
                .map(contract -> Documents.text(contract, "id"))
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
                    changedContracts.stream().map(ObjectNode::toString).toList(),
                    editedId,
                    editedId == null ? CatalogService.MUST_BE_NEW : revision,
                    duplicateNameAllowed);
            List<String> created = changedContracts.stream()
                    .map(contract -> Documents.text(contract, "id"))
                    .filter(contractId -> !inCatalog(contractId))
                    .toList();
            Notification.show(
                            SaveMessage.of(
                                    published.id(), editedId == null ? null : status, targetStatus, updated, created),
                            5000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(ProductView.class, new RouteParameters("id", published.id())));
        } catch (InvalidDocumentException e) {
            show(e.violations());
            focusFirstProblem();
            if (targetStatus == ProductStatus.ACTIVE && targetStatus != status) {
                refusedPublication(e.violations());
            } else {
                Notification.show("Not saved: " + e.violations().getFirst().message()
                                + (e.violations().size() > 1
                                        ? " (and " + (e.violations().size() - 1) + " more, shown in the form)"
                                        : ""))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
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

    private Optional<DataProductSummary> sameName() {
        return catalog.sameNameElsewhere(name.getValue(), team.getValue(), editedId);
    }

    private static String sameNameWarning(DataProductSummary other) {
        return "Team " + other.ownerTeam() + " already has a product named '" + other.name() + "' (" + other.id()
                + ").";
    }

    /** A warning, not an error: a second product of the same name may be meant, once confirmed. */
    private void warnAboutSameName() {
        if (loading) {
            return;
        }
        Optional<DataProductSummary> other = sameName();
        name.setHelperText(other.map(ProductFormView::sameNameWarning)
                .orElse("At most " + CatalogRules.MAX_NAME_LENGTH + " characters"));
        name.getElement().getThemeList().set("warning", other.isPresent());
        if (other.isPresent()) {
            name.getElement().setAttribute("data-same-name", other.get().id());
        } else {
            name.getElement().removeAttribute("data-same-name");
        }
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

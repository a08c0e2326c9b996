package io.meshport.catalog.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import io.meshport.catalog.CatalogConflictException;
import io.meshport.catalog.CatalogService;
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
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
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
import tools.jackson.core.JacksonException;
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
    /** What the product offered when the form opened: port contracts, and inline contract terms. */
    private Set<String> providedAtLoad = Set.of();

    private Map<String, JsonNode> termsAtLoad = Map.of();

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
            providedAtLoad = providedContracts(document(status));
            termsAtLoad = inlineContractTerms();
        } else if (teams.size() == 1) {
            team.setValue(teams.getFirst());
        }
    }

    private void build(List<String> teams) {
        heading.setText(editedId == null ? "Publish a data product" : "Edit " + editedId);
        errors.addClassName("form-errors");
        errors.setId("form-errors");
        outputErrors.addClassName("form-errors");

        name.setRequiredIndicatorVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(e -> {
            if (!idEdited && editedId == null) {
                id.setValue(slug(e.getValue()));
            }
            changed();
        });
        id.setHelperText("Stable and unique; suggested from the name");
        id.setReadOnly(editedId != null);
        id.setValueChangeMode(ValueChangeMode.LAZY);
        id.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                idEdited = true;
            }
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
        team.addValueChangeListener(e -> changed());

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
        Button importButton = new Button("Import ODPS/ODCS…", VaadinIcon.UPLOAD.create(), click -> openImport());
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
                OutputPortEditor editor = addOutputPort();
                String contractId = Documents.text(port, "contractId");
                editor.read(
                        port,
                        contracts.stream()
                                .filter(c -> c.id().equals(contractId))
                                .findFirst());
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

    private List<String> inlineContracts() {
        String teamName = team.getValue() == null ? "" : team.getValue();
        String productName = name.getValue().isBlank() ? id.getValue() : name.getValue();
        return outputEditors.stream()
                .map(editor -> editor.inlineContract(teamName, productName))
                .flatMap(Optional::stream)
                .map(ObjectNode::toString)
                .toList();
    }

    private OutputPortEditor addOutputPort() {
        OutputPortEditor editor = new OutputPortEditor(contracts, this::changed, removed -> {
            outputEditors.remove(removed);
            outputPorts.remove(removed);
            changed();
        });
        editor.name.addValueChangeListener(e -> editor.suggestContractId(id.getValue()));
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

    // ------------------------------------------------------------------ live validation

    /** Checks the document as it stands with the service's rules and shows what is wrong where. */
    private void changed() {
        if (loading) {
            return;
        }
        List<Violation> violations =
                catalog.checkProduct(document(saveStatus()).toString(), DocumentFormat.JSON, editedId);
        show(violations);
    }

    private void show(List<Violation> violations) {
        List<HasValidation> fields = List.of(name, id, domain, version, tags, purpose, team);
        fields.forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        outputEditors.forEach(editor -> List.<HasValidation>of(
                        editor.name, editor.version, editor.existingContract, editor.contract.contractId)
                .forEach(field -> {
                    field.setInvalid(false);
                    field.setErrorMessage(null);
                }));
        inputEditors.forEach(editor -> {
            editor.contractId.setInvalid(false);
            editor.name.setInvalid(false);
        });
        errors.removeAll();
        outputErrors.removeAll();
        List<String> unplaced = new ArrayList<>();
        for (Violation violation : violations) {
            HasValidation field = fieldFor(violation.pointer());
            if (field != null) {
                field.setErrorMessage(violation.message());
                field.setInvalid(true);
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
        if (parts.length >= 3 && parts[1].equals("outputPorts") && parts[2].matches("\\d+")) {
            int index = Integer.parseInt(parts[2]);
            if (index < outputEditors.size()) {
                OutputPortEditor editor = outputEditors.get(index);
                String field = parts.length > 3 ? parts[3] : "";
                return switch (field) {
                    case "version" -> editor.version;
                    case "contractId" ->
                        OutputPortEditor.EXISTING.equals(editor.contractMode.getValue())
                                ? editor.existingContract
                                : editor.contract.contractId;
                    default -> editor.name;
                };
            }
        }
        if (parts.length >= 3 && parts[1].equals("inputPorts") && parts[2].matches("\\d+")) {
            int index = Integer.parseInt(parts[2]);
            if (index < inputEditors.size()) {
                return parts.length > 3 && parts[3].equals("name")
                        ? inputEditors.get(index).name
                        : inputEditors.get(index).contractId;
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
        save(target, false);
    }

    private void save(@Nullable ProductStatus target, boolean impactSeen) {
        ProductStatus targetStatus = target == null ? saveStatus() : target;
        ObjectNode document = document(targetStatus);
        if (!impactSeen && editedId != null) {
            DownstreamImpact.Report impact = impactOf(targetStatus, document);
            if (!impact.isEmpty()) {
                String action = targetStatus != status && targetStatus == ProductStatus.DEPRECATED
                        ? "Deprecate"
                        : targetStatus != status && targetStatus == ProductStatus.RETIRED ? "Retire" : "Save";
                new ImpactConfirmation(editedId, action, impact, () -> save(target, true)).open();
                return;
            }
        }
        try {
            Published published = catalog.publishWithContracts(
                    document.toString(),
                    inlineContracts(),
                    editedId,
                    editedId == null ? CatalogService.MUST_BE_NEW : revision);
            Notification.show(
                            targetStatus == ProductStatus.ACTIVE
                                    ? "Published " + published.id()
                                    : "Saved " + published.id(),
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(ProductView.class, new RouteParameters("id", published.id())));
        } catch (InvalidDocumentException e) {
            show(e.violations());
            if (targetStatus == ProductStatus.ACTIVE) {
                refusedPublication(e.violations());
            } else {
                Notification.show(
                                "Not saved: " + e.violations().size() + " problem(s) to fix, shown next to the fields.")
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
     * otherwise what consumes a contract that a port no longer offers or whose schema or SLA the
     * form changed.
     */
    private DownstreamImpact.Report impactOf(ProductStatus targetStatus, ObjectNode document) {
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
        inlineContractTerms().forEach((contract, terms) -> {
            if (termsAtLoad.containsKey(contract) && !terms.equals(termsAtLoad.get(contract))) {
                changed.add(contract);
            }
        });
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

    /** The schema and SLA of each contract defined in the form: what consumers rely on. */
    private Map<String, JsonNode> inlineContractTerms() {
        Map<String, JsonNode> terms = new LinkedHashMap<>();
        for (String contract : inlineContracts()) {
            JsonNode tree = Documents.JSON.readTree(contract);
            ObjectNode relied = Documents.JSON.createObjectNode();
            relied.set("schema", tree.path("schema"));
            relied.set("slaProperties", tree.path("slaProperties"));
            terms.put(tree.path("id").asString(""), relied);
        }
        return terms;
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
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Deprecate " + editedId);
        ComboBox<String> successor = new ComboBox<>("Successor product (optional)");
        successor.setItems(catalog.outputPortChoices().stream()
                .map(PortChoice::productId)
                .distinct()
                .filter(candidate -> !candidate.equals(editedId))
                .toList());
        DatePicker sunset = new DatePicker("Sunset date (optional)");
        dialog.add(
                new Paragraph("Consumers see the product as deprecated; it keeps serving until it is retired."),
                new VerticalLayout(successor, sunset));
        Button confirm = new Button("Deprecate", click -> {
            ArrayNode properties =
                    base.has("customProperties") && base.get("customProperties").isArray()
                            ? (ArrayNode) base.get("customProperties")
                            : base.putArray("customProperties");
            for (int i = properties.size() - 1; i >= 0; i--) {
                String property = properties.get(i).path("property").asString("");
                if (property.equals("successor") || property.equals("sunsetDate")) {
                    properties.remove(i);
                }
            }
            if (successor.getValue() != null) {
                properties.addObject().put("property", "successor").put("value", successor.getValue());
            }
            if (sunset.getValue() != null) {
                properties
                        .addObject()
                        .put("property", "sunsetDate")
                        .put("value", sunset.getValue().toString());
            }
            if (properties.isEmpty()) {
                base.remove("customProperties");
            }
            dialog.close();
            save(ProductStatus.DEPRECATED);
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }

    // ------------------------------------------------------------------ import

    private void openImport() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Import an ODPS or ODCS document");
        TextArea pasted = new TextArea("Document (YAML or JSON)");
        pasted.setWidth("40em");
        pasted.setHeight("16em");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> pasted.setValue(new String(bytes, StandardCharsets.UTF_8))))));
        upload.setAcceptedFileTypes(".yaml", ".yml", ".json", "application/json", "application/yaml");
        upload.setMaxFileSize(1024 * 1024);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span("Drop an .odps.yaml or .odcs.yaml file here"));
        Button fill = new Button("Fill the form", click -> {
            if (importDocument(pasted.getValue(), pasted)) {
                dialog.close();
            }
        });
        fill.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(upload, pasted));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), fill);
        dialog.open();
    }

    /** Fills the form from a document: a product replaces the form, a contract becomes a port. */
    private boolean importDocument(String text, TextArea field) {
        JsonNode tree;
        try {
            tree = (DocumentFormat.detect(text) == DocumentFormat.JSON ? Documents.JSON : Documents.YAML)
                    .readTree(text);
        } catch (JacksonException e) {
            field.setErrorMessage("Not a readable YAML or JSON document: " + e.getOriginalMessage());
            field.setInvalid(true);
            return false;
        }
        if (!(tree instanceof ObjectNode document)) {
            field.setErrorMessage("The document must be a mapping (an object).");
            field.setInvalid(true);
            return false;
        }
        String kind = Documents.text(document, "kind");
        if (kind.equals("DataProduct")) {
            if (editedId != null && !editedId.equals(Documents.text(document, "id"))) {
                field.setErrorMessage("This document describes '" + Documents.text(document, "id")
                        + "', not the product being edited.");
                field.setInvalid(true);
                return false;
            }
            load(document);
            return true;
        }
        if (kind.equals("DataContract")) {
            OutputPortEditor editor = outputEditors.isEmpty()
                            || !outputEditors.getLast().name.getValue().isBlank()
                    ? addOutputPort()
                    : outputEditors.getLast();
            editor.contractMode.setValue(OutputPortEditor.DEFINE);
            editor.contract.read(document);
            String objectName = document.path("schema").path(0).path("name").asString("");
            if (editor.name.getValue().isBlank() && !objectName.isBlank()) {
                editor.name.setValue(objectName);
            }
            changed();
            return true;
        }
        field.setErrorMessage("kind must be DataProduct (ODPS) or DataContract (ODCS).");
        field.setInvalid(true);
        return false;
    }

    /** A readable id from a name: "Stock Trades (EU)" becomes "stock-trades-eu". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}

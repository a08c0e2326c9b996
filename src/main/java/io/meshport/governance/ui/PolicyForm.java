package io.meshport.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.meshport.catalog.MarkdownHtml;
import io.meshport.catalog.Violation;
import io.meshport.governance.EnforceOn;
import io.meshport.governance.PolicyDefinition;
import io.meshport.governance.PolicyMode;
import io.meshport.governance.PolicyScope;
import io.meshport.governance.ScopeChoices;
import io.meshport.governance.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A policy's fields, each with a visible label, turned into a {@link PolicyDefinition} and back.
 * What is wrong is shown at the field the service's pointer names; the rule gets its own live
 * check beside it ({@link RuleCheck}). The service checks everything again on save.
 */
class PolicyForm extends FormLayout {

    /** Markdown headings in a description start below the page's section headings (h3). */
    static final int DESCRIPTION_HEADING_LEVEL = 4;

    final TextField id = new TextField("Id");
    final TextField title = new TextField("Title");
    final TextArea description = new TextArea("Description (Markdown)");
    final Select<Severity> severity = new Select<>();
    final RadioButtonGroup<PolicyMode> mode = new RadioButtonGroup<>("Mode");
    final Select<EnforceOn> enforceOn = new Select<>();
    final Checkbox enabled = new Checkbox("Enabled: evaluated on every change and by the hourly sweep");
    final MultiSelectComboBox<String> domains = scopeField("Scope: domains");
    final MultiSelectComboBox<String> statuses = scopeField("Scope: statuses");
    final MultiSelectComboBox<String> tags = scopeField("Scope: tags");
    final MultiSelectComboBox<String> portTypes = scopeField("Scope: output port types");
    final TextArea rule = new TextArea("Rule (CEL)");
    final TextField path = new TextField("Path the violation points at");
    final TextField message = new TextField("Message to the owners");

    private final Div descriptionPreview = new Div();
    private final Div general = new Div();
    private final RuleCheck ruleCheck = new RuleCheck();
    private final Map<String, HasValidation> byPointer = new LinkedHashMap<>();

    PolicyForm(ScopeChoices choices, boolean isNew) {
        setId("policy-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("48em", 2));
        general.setId("policy-form-errors");
        general.addClassName("form-errors");
        general.getElement().setAttribute("role", "alert");

        id.setId("policy-id");
        id.setHelperText("3 to 64 lower-case letters, digits and dashes, e.g. 'purpose-of-substance'; it cannot"
                + " change later.");
        id.setRequiredIndicatorVisible(true);
        id.setVisible(isNew);
        title.setId("policy-title");
        title.setRequiredIndicatorVisible(true);
        title.setMaxLength(200);
        description.setId("policy-description");
        description.setHelperText("Why the policy exists and how a product keeps it; shown to the owners.");
        description.setValueChangeMode(ValueChangeMode.LAZY);
        description.setMinHeight("8rem");
        description.addValueChangeListener(change -> preview(change.getValue()));
        descriptionPreview.setId("policy-description-preview");
        descriptionPreview
                .getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct, #ddd)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "0 var(--lumo-space-m)")
                .set("min-height", "6rem")
                .set("overflow-wrap", "anywhere");
        preview("");

        severity.setId("policy-severity");
        severity.setLabel("Severity");
        severity.setItems(Severity.values());
        severity.setItemLabelGenerator(Severity::value);
        severity.setValue(Severity.MEDIUM);
        mode.setId("policy-mode");
        mode.setItems(PolicyMode.values());
        mode.setItemLabelGenerator(m -> m == PolicyMode.ADVISORY
                ? "Advisory: violations are shown"
                : "Enforced: a change that violates it is refused");
        mode.setValue(PolicyMode.ADVISORY);
        enforceOn.setId("policy-enforce-on");
        enforceOn.setLabel("Enforce on");
        enforceOn.setItems(EnforceOn.values());
        enforceOn.setItemLabelGenerator(on -> on == EnforceOn.PUBLISH
                ? "publish: every publish that newly breaks it"
                : "activation: when a product that breaks it is made active");
        enforceOn.setValue(EnforceOn.PUBLISH);
        enforceOn.setHelperText("Matters only when the policy is enforced.");
        enabled.setId("policy-enabled");
        enabled.setValue(true);

        options(domains, choices.domains());
        options(statuses, choices.statuses());
        statuses.setAllowCustomValue(false);
        statuses.setHelperText("Empty: every product.");
        options(tags, choices.tags());
        options(portTypes, choices.portTypes());
        domains.setId("policy-scope-domains");
        statuses.setId("policy-scope-statuses");
        tags.setId("policy-scope-tags");
        portTypes.setId("policy-scope-port-types");

        rule.setId("policy-rule");
        rule.setRequiredIndicatorVisible(true);
        rule.setValueChangeMode(ValueChangeMode.LAZY);
        rule.setValueChangeTimeout(300);
        rule.setMinHeight("8rem");
        rule.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        rule.setHelperText("True when a product keeps the policy, e.g. size(product.description.purpose) >= 40.");
        path.setId("policy-path");
        path.setPlaceholder("/description/purpose");
        path.setHelperText("A JSON Pointer into the product's document; the form shows the violation there."
                + " Empty: the product as a whole.");
        message.setId("policy-message");
        message.setHelperText("What a violation tells the owners; empty: the title.");
        message.setMaxLength(1_000);

        byPointer.put("/id", id);
        byPointer.put("/title", title);
        byPointer.put("/description", description);
        byPointer.put("/severity", severity);
        byPointer.put("/mode", mode);
        byPointer.put("/enforceOn", enforceOn);
        byPointer.put("/scope/domains", domains);
        byPointer.put("/scope/statuses", statuses);
        byPointer.put("/scope/tags", tags);
        byPointer.put("/scope/portTypes", portTypes);
        byPointer.put("/rule", rule);
        byPointer.put("/path", path);
        byPointer.put("/message", message);

        Div previewBox = new Div(label("Description preview"), descriptionPreview);
        // The live check sits beside the rule (below it on a narrow screen), where the eye is.
        Div beside = new Div(ruleCheck, variables());
        beside.getStyle().set("flex", "2 1 16rem").set("padding-top", "var(--lumo-space-l)");
        rule.getStyle().set("flex", "3 1 24rem");
        Div ruleBox = new Div(rule, beside);
        ruleBox.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        H3 scopeHeading = heading("Scope: which products the policy is about");
        H3 ruleHeading = heading("Rule");
        add(general, id, title, description, previewBox, severity, mode, enforceOn, enabled);
        add(scopeHeading, domains, statuses, tags, portTypes);
        add(ruleHeading, ruleBox, path, message);
        for (Component wide : List.of(general, id, title, enabled, scopeHeading, ruleHeading, ruleBox)) {
            setColspan(wide, 2);
        }
    }

    /** Called with the rule's text whenever it changes (typed, or set): where the live check runs. */
    void onRuleChange(Consumer<String> listener) {
        rule.addValueChangeListener(change -> listener.accept(change.getValue()));
    }

    RuleCheck ruleCheck() {
        return ruleCheck;
    }

    void show(String policyId, PolicyDefinition definition) {
        id.setValue(policyId);
        title.setValue(definition.title());
        description.setValue(definition.description());
        preview(definition.description());
        severity.setValue(definition.severity());
        mode.setValue(definition.mode());
        enforceOn.setValue(definition.enforceOn());
        enabled.setValue(definition.enabled());
        select(domains, definition.scope().domains());
        select(statuses, definition.scope().statuses());
        select(tags, definition.scope().tags());
        select(portTypes, definition.scope().portTypes());
        rule.setValue(definition.rule());
        path.setValue(definition.path() == null ? "" : definition.path());
        message.setValue(definition.message() == null ? "" : definition.message());
    }

    /** What the fields say now, as the service takes it. */
    PolicyDefinition definition() {
        return new PolicyDefinition(
                title.getValue().strip(),
                description.getValue(),
                severity.getValue() == null ? Severity.MEDIUM : severity.getValue(),
                mode.getValue() == null ? PolicyMode.ADVISORY : mode.getValue(),
                enforceOn.getValue() == null ? EnforceOn.PUBLISH : enforceOn.getValue(),
                new PolicyScope(values(domains), values(statuses), values(tags), values(portTypes)),
                rule.getValue(),
                blankToNull(path.getValue()),
                blankToNull(message.getValue()),
                enabled.getValue());
    }

    String policyId() {
        return id.getValue().strip();
    }

    void setReadOnly(boolean readOnly) {
        for (HasValidation field : byPointer.values()) {
            if (field instanceof com.vaadin.flow.component.HasValue<?, ?> value) {
                value.setReadOnly(readOnly);
            }
        }
        enabled.setReadOnly(readOnly);
        // A reader sees the description as the owners do, not its Markdown source.
        description.setVisible(!readOnly);
    }

    /** Shows each problem at its field; those without one above the form. Empty clears all. */
    void showProblems(List<Violation> problems) {
        byPointer.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        general.removeAll();
        Map<HasValidation, List<String>> messages = new LinkedHashMap<>();
        for (Violation problem : problems) {
            HasValidation field = field(problem.pointer());
            if (field == null) {
                general.add(new Div(new Span(problem.message())));
            } else {
                messages.computeIfAbsent(field, f -> new ArrayList<>()).add(problem.message());
            }
        }
        messages.forEach((field, list) -> {
            field.setErrorMessage(String.join(" ", list));
            field.setInvalid(true);
        });
    }

    /** Shows a message above the form (a conflict, a refusal), or nothing for null. */
    void showGeneral(@Nullable Component content) {
        general.removeAll();
        if (content != null) {
            general.add(content);
        }
    }

    private @Nullable HasValidation field(String pointer) {
        for (Map.Entry<String, HasValidation> entry : byPointer.entrySet()) {
            if (pointer.equals(entry.getKey()) || pointer.startsWith(entry.getKey() + "/")) {
                return entry.getValue();
            }
        }
        return null;
    }

    private void preview(String markdown) {
        descriptionPreview.removeAll();
        if (markdown.isBlank()) {
            Span none = new Span("Nothing to show yet.");
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            descriptionPreview.add(new Div(none));
            return;
        }
        descriptionPreview.add(new Html(MarkdownHtml.render(markdown, DESCRIPTION_HEADING_LEVEL)));
    }

    private static MultiSelectComboBox<String> scopeField(String label) {
        MultiSelectComboBox<String> field = new MultiSelectComboBox<>(label);
        field.setAllowCustomValue(true);
        field.setHelperText("Empty: every product. Pick known values or type one and press Enter.");
        field.setSelectedItemsOnTop(true);
        return field;
    }

    private static void options(MultiSelectComboBox<String> field, List<String> known) {
        List<String> items = new ArrayList<>(known);
        var view = field.setItems(items);
        field.addCustomValueSetListener(custom -> {
            String value = custom.getDetail().strip();
            if (value.isEmpty()) {
                return;
            }
            if (!items.contains(value)) {
                view.addItem(value);
            }
            TreeSet<String> selected = new TreeSet<>(field.getValue());
            selected.add(value);
            field.setValue(selected);
        });
    }

    private static void select(MultiSelectComboBox<String> field, List<String> values) {
        var view = field.getListDataView();
        for (String value : values) {
            if (view.getItems().noneMatch(value::equals)) {
                view.addItem(value);
            }
        }
        field.setValue(new TreeSet<>(values));
    }

    private static List<String> values(MultiSelectComboBox<String> field) {
        return List.copyOf(new TreeSet<>(field.getValue()));
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    private static H3 heading(String text) {
        H3 heading = new H3(text);
        heading.getStyle().set("margin-bottom", "0");
        return heading;
    }

    private static Span label(String text) {
        Span label = new Span(text);
        label.getStyle()
                .set("display", "block")
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("font-weight", "500")
                .set("padding", "var(--lumo-space-s) 0 var(--lumo-space-xs)");
        return label;
    }

    private static Component variables() {
        Span help = new Span("The rule sees: product (the ODPS document), contracts (its output ports' ODCS documents),"
                + " fields (their properties, flattened), lineage ({upstream, downstream}: id, name, status, team,"
                + " domain, sunsetDate, pastSunset), sla ({status, consistent}), review ({due, overdue,"
                + " lastReviewedAt}), agreements, now and today.");
        help.addClassName("rule-variables");
        help.getStyle()
                .set("display", "block")
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        return help;
    }
}

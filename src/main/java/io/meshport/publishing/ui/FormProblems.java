package io.meshport.publishing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.meshport.catalog.RefusedByPolicyException;
import io.meshport.catalog.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Shows the problems of the form at their fields. Until a save is attempted only fields the
 * person changed show theirs, so an untouched form shows none; after a refused save the first
 * field with a problem is brought into view and focused.
 *
 * <p>A save refused by an enforced global policy is said at the top of the form (which policy,
 * linking to it, and what it asks) until the next save, and at the field the policy points at
 * until the person changes that field: the live checks do not know the policies, so they alone
 * would wipe the refusal at the first key pressed.
 */
final class FormProblems {

    private final ProductFields fields;
    private final List<OutputPortEditor> outputs;
    private final List<InputPortEditor> inputs;
    private final Div errors = new Div();
    private final Div outputErrors = new Div();
    private final Div refusal = new Div();
    private final Set<HasValidation> touched = new HashSet<>();
    private final Set<HasValidation> editedSinceRefusal = new HashSet<>();
    /** What the last save was refused for by policies; empty when it was not. */
    private List<Violation> refusedBy = List.of();

    private boolean saveAttempted;

    FormProblems(ProductFields fields, List<OutputPortEditor> outputs, List<InputPortEditor> inputs) {
        this.fields = fields;
        this.outputs = outputs;
        this.inputs = inputs;
        errors.addClassName("form-errors");
        errors.setId("form-errors");
        outputErrors.addClassName("form-errors");
        refusal.setId("form-policy-refusal");
        refusal.getElement().setAttribute("role", "alert");
        refusal.setVisible(false);
        refusal.getStyle()
                .set("border-left", "4px solid var(--lumo-error-color, #b00020)")
                .set("background", "var(--lumo-error-color-10pct, #fdecea)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)");
    }

    /** Where a save refused by policies says so, at the top of the form. */
    Div refusal() {
        return refusal;
    }

    /** Where problems without a field of their own are listed. */
    Div errors() {
        return errors;
    }

    /** Where problems of the output ports as a whole are listed. */
    Div outputErrors() {
        return outputErrors;
    }

    /** A save is attempted: what the last one was refused for no longer stands. */
    void saveAttempted() {
        saveAttempted = true;
        refusedBy = List.of();
        editedSinceRefusal.clear();
        refusal.removeAll();
        refusal.setVisible(false);
    }

    /**
     * The catalog refused the save by enforced policies: says which, and what each asks, at the
     * top of the form; {@link #show} puts each at the field it points at.
     *
     * @param violations the refusal's violations as the form places them, one per policy, in order
     */
    void refusedByPolicy(List<RefusedByPolicyException.BrokenPolicy> policies, List<Violation> violations) {
        refusedBy = List.copyOf(violations);
        editedSinceRefusal.clear();
        refusal.removeAll();
        Paragraph heading = new Paragraph("Not saved: "
                + (policies.size() == 1
                        ? "the product would break an enforced policy."
                        : "the product would break " + policies.size() + " enforced policies."));
        heading.getStyle().set("font-weight", "600").set("margin", "0");
        UnorderedList list = new UnorderedList();
        list.getStyle().set("margin", "var(--lumo-space-xs) 0");
        for (int i = 0; i < policies.size(); i++) {
            RefusedByPolicyException.BrokenPolicy policy = policies.get(i);
            Anchor title = new Anchor("governance/policies/" + policy.id(), policy.title());
            title.getElement().setAttribute("router-link", true);
            title.getStyle().set("font-weight", "600");
            ListItem item = new ListItem(
                    new Span("Policy "), title, new Span(" (severity " + policy.severity() + "): " + policy.message()));
            HasValidation field =
                    i < violations.size() ? fieldFor(violations.get(i).pointer()) : null;
            if (field instanceof HasLabel labelled && labelled.getLabel() != null) {
                item.add(new Span(" See the field " + labelled.getLabel() + "."));
            }
            item.addClassName("policy-refusal");
            list.add(item);
        }
        Paragraph advice = new Paragraph("Nothing was saved. Change the product so that it keeps the "
                + (policies.size() == 1 ? "policy" : "policies") + ", then save again.");
        advice.getStyle().set("margin", "0");
        refusal.add(heading, list, advice);
        refusal.setVisible(true);
    }

    /** Counts the field as touched once the person changes it, then checks again. */
    void watch(HasValidation field, Runnable recheck) {
        if (field instanceof HasValue<?, ?> value) {
            value.addValueChangeListener(e -> {
                // The field's own listeners ran first, without it counted as touched.
                if (e.isFromClient()) {
                    boolean first = touched.add(field);
                    boolean firstSinceRefusal = !refusedBy.isEmpty() && editedSinceRefusal.add(field);
                    if (first || firstSinceRefusal) {
                        recheck.run();
                    }
                }
            });
        }
    }

    void show(List<Violation> violations) {
        all().forEach(field -> {
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
            } else if (saveAttempted && violation.pointer().equals("/outputPorts")) {
                outputErrors.add(new Paragraph(violation.message()));
            } else if (saveAttempted) {
                unplaced.add((violation.pointer().isEmpty() ? "" : violation.pointer() + ": ") + violation.message());
            }
        }
        // A policy's refusal stays at its field until the person changes it; said at the top anyway.
        for (Violation violation : refusedBy) {
            HasValidation field = fieldFor(violation.pointer());
            if (field != null && !editedSinceRefusal.contains(field) && !field.isInvalid()) {
                field.setErrorMessage(violation.message());
                field.setInvalid(true);
            }
        }
        if (!unplaced.isEmpty()) {
            UnorderedList list = new UnorderedList();
            unplaced.forEach(message -> list.add(new ListItem(message)));
            errors.add(list);
        }
    }

    /** Says that saving was refused and why, and brings the first problem into view. */
    void refuse(List<Violation> violations) {
        focusFirst();
        Notification.show("Not saved: " + violations.getFirst().message()
                        + (violations.size() > 1
                                ? " (and " + (violations.size() - 1) + " more, shown in the form)"
                                : ""))
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Brings the first field with a problem into view and focus; else the list of problems. */
    void focusFirst() {
        for (HasValidation field : all()) {
            if (field.isInvalid() && field instanceof Component component) {
                component.scrollIntoView();
                if (component instanceof Focusable<?> focusable) {
                    focusable.focus();
                }
                return;
            }
        }
        if (refusal.isVisible()) {
            refusal.scrollIntoView();
        } else if (errors.getChildren().findAny().isPresent()) {
            errors.scrollIntoView();
        } else if (outputErrors.getChildren().findAny().isPresent()) {
            outputErrors.scrollIntoView();
        }
    }

    /** Every field that can show a problem, in the order a person reads the form. */
    private List<HasValidation> all() {
        List<HasValidation> all = new ArrayList<>(fields.all());
        outputs.forEach(editor -> all.addAll(List.of(
                editor.name,
                editor.version,
                editor.existingContract,
                editor.contract.contractId,
                editor.contract.version)));
        inputs.forEach(editor -> all.addAll(List.of(editor.name, editor.version, editor.contractId)));
        return all;
    }

    /**
     * The field a pointer names: into the product document, or {@code /contracts/i/...} into
     * the contract defined at the i-th output port.
     */
    private @Nullable HasValidation fieldFor(String pointer) {
        HasValidation own = fields.at(pointer);
        if (own != null) {
            return own;
        }
        String[] parts = pointer.split("/");
        if (parts.length < 3 || !parts[2].matches("\\d+")) {
            return null;
        }
        int index = Integer.parseInt(parts[2]);
        String field = parts.length > 3 ? parts[3] : "";
        if (parts[1].equals("outputPorts") && index < outputs.size()) {
            OutputPortEditor editor = outputs.get(index);
            return switch (field) {
                case "version" -> editor.version;
                case "contractId" ->
                    OutputPortEditor.EXISTING.equals(editor.contractMode.getValue())
                            ? editor.existingContract
                            : editor.contract.contractId;
                default -> editor.name;
            };
        }
        if (parts[1].equals("contracts") && index < outputs.size()) {
            ContractEditor contract = outputs.get(index).contract;
            return switch (field) {
                case "version" -> contract.version;
                case "id" -> contract.contractId;
                default -> null;
            };
        }
        if (parts[1].equals("inputPorts") && index < inputs.size()) {
            InputPortEditor editor = inputs.get(index);
            return switch (field) {
                case "name" -> editor.name;
                case "version" -> editor.version;
                default -> editor.contractId;
            };
        }
        return null;
    }
}

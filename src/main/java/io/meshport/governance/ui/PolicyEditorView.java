package io.meshport.governance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.meshport.catalog.CatalogPaths;
import io.meshport.catalog.Violation;
import io.meshport.governance.DryRun;
import io.meshport.governance.GovernanceService;
import io.meshport.governance.InvalidPolicyException;
import io.meshport.governance.PolicyConflictException;
import io.meshport.governance.PolicyDefinition;
import io.meshport.governance.PolicyMode;
import io.meshport.governance.PolicyView;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * One policy: {@code governance/policies/new} writes a new one, {@code governance/policies/{id}}
 * changes one (governance) or shows it (everyone else, read-only). The rule is checked as it is
 * typed; "Preview effect" runs the dry run; a save that makes the policy stricter (enables it, or
 * enforces it) shows the dry run first and waits for Confirm. A save made against a revision
 * someone else has replaced is refused, keeping what was typed.
 */
@Route("governance/policies/:id")
@PermitAll
class PolicyEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final GovernanceService governance;
    private String title = "Policy · Meshport";
    private @Nullable PolicyView loaded;
    private @Nullable PolicyForm form;
    private final Div effect = new Div();

    PolicyEditorView(GovernanceService governance) {
        this.governance = governance;
        setWidthFull();
        setMaxWidth("80rem");
        effect.setWidthFull();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = CatalogPaths.idOf(event.getRouteParameters().get("id").orElse(""));
        removeAll();
        effect.removeAll();
        loaded = null;
        form = null;
        Anchor back = new Anchor(GovernanceTexts.OVERVIEW, "← All policies");
        back.setId("back-to-governance");
        add(back);
        boolean governs = governance.mayGovern();
        if (GovernanceTexts.NEW.equals(id)) {
            title = "New policy · Meshport";
            add(new H2("New policy"));
            if (!governs) {
                add(new Paragraph("Only governance (the admin group) writes policies."));
                return;
            }
            show(null, true);
            return;
        }
        Optional<PolicyView> policy = governance.policy(id);
        if (policy.isEmpty()) {
            title = "Not found · Meshport";
            add(new H2("No such policy"), new Paragraph("There is no policy with id '" + id + "'."));
            return;
        }
        loaded = policy.get();
        title = loaded.definition().title() + " · Meshport";
        add(header(loaded));
        show(loaded, governs);
    }

    private Component header(PolicyView policy) {
        H2 name = new H2(policy.definition().title());
        name.setId("policy-heading");
        name.getStyle().set("margin", "0");
        HorizontalLayout line = new HorizontalLayout(
                name, GovernanceTexts.mode(policy.definition().mode()));
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        if (policy.builtIn()) {
            line.add(GovernanceTexts.badge("built-in", "team-badge"));
        }
        VerticalLayout header = new VerticalLayout(line);
        header.setPadding(false);
        header.setSpacing(false);
        String state = policy.retiredAt() != null
                ? "Retired on " + GovernanceTexts.when(policy.retiredAt())
                        + ": not evaluated. Saving it again brings it back."
                : !policy.definition().enabled()
                        ? "Disabled: not evaluated."
                        : policy.inScope() == 0
                                ? "Enabled; no product is in its scope."
                                : "Enabled: " + policy.passing() + " of " + policy.inScope() + " products keep it ("
                                        + GovernanceTexts.percent(policy.passRate()) + "), " + policy.failing()
                                        + (policy.failing() == 1 ? " violates it." : " violate it.");
        Paragraph facts = new Paragraph(state + " Id " + policy.id() + ", revision " + policy.revision()
                + ", last changed by " + policy.updatedBy() + " on " + GovernanceTexts.when(policy.updatedAt()) + ".");
        facts.setId("policy-state");
        facts.getStyle().set("margin", "var(--lumo-space-xs) 0");
        header.add(facts);
        return header;
    }

    private void show(@Nullable PolicyView policy, boolean governs) {
        PolicyForm fields = new PolicyForm(governance.scopeChoices(), policy == null);
        form = fields;
        String id = policy == null ? "" : policy.id();
        if (policy != null) {
            fields.show(policy.id(), policy.definition());
        }
        fields.setReadOnly(!governs);
        fields.onRuleChange(rule -> checkRule(fields));
        checkRule(fields);
        add(fields);
        if (governs) {
            Button preview = new Button("Preview effect", VaadinIcon.EYE.create(), click -> preview(fields));
            preview.setId("preview-effect");
            Button save = new Button("Save", VaadinIcon.CHECK.create(), click -> save(fields));
            save.setId("save-policy");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout actions = new HorizontalLayout(save, preview);
            if (policy != null && policy.retiredAt() == null) {
                Button retire = new Button("Retire", VaadinIcon.ARCHIVE.create(), click -> confirmRetire(policy));
                retire.setId("retire-policy");
                retire.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                actions.add(retire);
            }
            add(actions);
        } else {
            Paragraph readOnly = new Paragraph(
                    "Only governance (the admin group) changes policies; this is how the" + " policy reads today.");
            readOnly.setId("policy-read-only");
            addComponentAtIndex(2, readOnly);
        }
        add(effect);
        if (!id.isEmpty()) {
            add(new H3("History"), new PolicyHistory(governance.history(id)));
        }
    }

    /** The live check: the service's own, so the editor never accepts what a save refuses. */
    private void checkRule(PolicyForm fields) {
        if (fields.definition().rule().isBlank()) {
            fields.ruleCheck().waiting();
            return;
        }
        List<Violation> problems = governance.check(idFor(fields), fields.definition()).stream()
                .filter(v -> v.pointer().equals("/rule") || v.pointer().startsWith("/rule/"))
                .toList();
        fields.ruleCheck().show(problems);
    }

    private void preview(PolicyForm fields) {
        effect.removeAll();
        try {
            effect.add(new EffectPanel(governance.preview(idFor(fields), fields.definition())));
            fields.showProblems(List.of());
        } catch (InvalidPolicyException e) {
            fields.showProblems(e.violations());
            effect.add(new Paragraph("Fix what the form shows first: the effect is computed from a valid policy."));
        }
    }

    private void save(PolicyForm fields) {
        String id = idFor(fields);
        PolicyDefinition definition = fields.definition();
        List<Violation> problems = governance.check(id, definition);
        if (loaded == null && problems.isEmpty() && governance.policy(id).isPresent()) {
            problems = List.of(new Violation("/id", "A policy with this id exists already; choose another id."));
        }
        fields.showProblems(problems);
        if (!problems.isEmpty()) {
            return;
        }
        PolicyDefinition before = loaded == null || loaded.retiredAt() != null ? null : loaded.definition();
        boolean enabling = definition.enabled() && (before == null || !before.enabled());
        boolean enforcing = definition.enabled()
                && definition.mode() == PolicyMode.ENFORCED
                && before != null
                && before.mode() != PolicyMode.ENFORCED;
        if (!enabling && !enforcing) {
            store(fields, id, definition);
            return;
        }
        DryRun dryRun;
        try {
            dryRun = governance.preview(id, definition);
        } catch (InvalidPolicyException e) {
            fields.showProblems(e.violations());
            return;
        }
        effect.removeAll();
        effect.add(new EffectPanel(dryRun));
        new StricterConfirmation(
                        definition.title(), definition.mode(), enabling, dryRun, () -> store(fields, id, definition))
                .open();
    }

    private void store(PolicyForm fields, String id, PolicyDefinition definition) {
        try {
            GovernanceService.Saved saved = governance.save(id, definition, loaded == null ? -1L : loaded.revision());
            Notification.show(
                            saved.created() ? "Policy created." : "Policy saved.",
                            4_000,
                            Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(GovernanceTexts.policyPath(id)));
        } catch (InvalidPolicyException e) {
            fields.showProblems(e.violations());
        } catch (PolicyConflictException e) {
            Span message = new Span(e.getMessage() + " Nothing was saved. ");
            Anchor reload = new Anchor(GovernanceTexts.policyPath(id), "Open the current version");
            reload.getElement().setAttribute("router-ignore", true);
            Div conflict = new Div(message, reload, new Span(" (what you typed here is then lost)."));
            conflict.setId("policy-conflict");
            fields.showGeneral(conflict);
            fields.scrollIntoView();
        } catch (AccessDeniedException e) {
            fields.showGeneral(new Span(e.getMessage()));
        }
    }

    private void confirmRetire(PolicyView policy) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("retire-dialog");
        dialog.setHeader("Retire '" + policy.definition().title() + "'?");
        dialog.setText("It is no longer evaluated and its results are cleared; its history stays. Saving it again"
                + " brings it back.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Retire");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirmed -> {
            governance.retire(policy.id());
            Notification.show("Policy retired.", 4_000, Notification.Position.TOP_CENTER);
            getUI().ifPresent(ui -> ui.navigate(GovernanceTexts.OVERVIEW));
        });
        dialog.open();
    }

    private String idFor(PolicyForm fields) {
        return loaded == null ? fields.policyId() : loaded.id();
    }
}

package io.meshport.governance.ui;

import com.vaadin.flow.component.html.Div;
import io.meshport.catalog.Violation;
import java.util.List;

/**
 * The rule's live check: whether it compiles, or each problem with its line and column, as the
 * service's check says. Announced politely to screen readers as it changes.
 */
class RuleCheck extends Div {

    RuleCheck() {
        setId("rule-check");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        getStyle()
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("white-space", "pre-wrap")
                .set("overflow-wrap", "anywhere");
    }

    /** Before anything is typed: what the check will do, not an error. */
    void waiting() {
        removeAll();
        add(new Div("Type the rule: it is checked as you type."));
        getElement().setAttribute("data-state", "empty");
        getStyle().set("background", "var(--lumo-contrast-5pct, #f4f5f7)").set("color", "inherit");
    }

    void show(List<Violation> problems) {
        removeAll();
        if (problems.isEmpty()) {
            add(new Div("✓ The rule compiles."));
            getElement().setAttribute("data-state", "ok");
            getStyle().set("background", "#e6f4ea").set("color", "#0d652d");
            return;
        }
        problems.forEach(problem -> add(new Div("✕ " + problem.message())));
        getElement().setAttribute("data-state", "error");
        getStyle().set("background", "#fce8e6").set("color", "#a50e0e");
    }
}

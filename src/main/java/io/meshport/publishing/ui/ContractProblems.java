package io.meshport.publishing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.meshport.catalog.BreakingChangeException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why the contract form did not save, shown beside the Save button (an alert for screen readers): the
 * service's violations, a newer version saved meanwhile, a change that needs acknowledging.
 */
class ContractProblems extends Div {

    private @Nullable String versionProblem;

    ContractProblems() {
        setId("contract-form-problems");
        addClassName("contract-form-problems");
        getElement().setAttribute("role", "alert");
        setVisible(false);
    }

    void clear() {
        removeAll();
        versionProblem = null;
        setVisible(false);
    }

    /** Live: says a bad version as it is typed, and forgets it when fixed. */
    void checkVersion(@Nullable String problem) {
        if (java.util.Objects.equals(problem, versionProblem)) {
            return;
        }
        versionProblem = problem;
        if (problem == null) {
            clear();
        } else {
            show("The contract version is not valid.", List.of(problem));
        }
    }

    /** A refused save: said, and scrolled to, beside the Save button the person just pressed. */
    void refused(String headline, List<String> reasons) {
        show(headline, reasons);
        scrollIntoView();
    }

    private void show(String headline, List<String> reasons) {
        removeAll();
        add(new Paragraph(headline));
        if (!reasons.isEmpty()) {
            UnorderedList list = new UnorderedList();
            reasons.forEach(reason -> list.add(new ListItem(reason)));
            add(list);
        }
        setVisible(true);
    }

    /**
     * A breaking change to a contract others read, under the same major version: the changes, who
     * is affected, and the two ways on (the next major version, or acknowledging the break).
     */
    void breaking(BreakingChangeException refusal, Runnable useNextMajor, Runnable acknowledge) {
        refused(
                "Not saved: this change breaks what team"
                        + (refusal.consumerTeams().size() == 1 ? " " : "s ")
                        + String.join(", ", refusal.consumerTeams()) + " rely on.",
                refusal.changes());
        add(new Paragraph("Publish it as version " + refusal.nextMajor() + ", or acknowledge the breaking change:"
                + " the consumer teams are told of it either way."));
        Button major = new Button("Publish as version " + refusal.nextMajor(), click -> useNextMajor.run());
        Button acknowledged = new Button("Acknowledge and publish", click -> acknowledge.run());
        acknowledged.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(new HorizontalLayout(major, acknowledged));
    }

    void conflict(String message, Runnable reload) {
        refused("Not saved: someone else saved this contract since you opened it.", List.of(message));
        add(new Paragraph("Your edits are still in the form. Reload to see the newer version (your edits are"
                + " then replaced), and apply your change again."));
        add(new Button("Reload the newer version", click -> reload.run()));
    }
}

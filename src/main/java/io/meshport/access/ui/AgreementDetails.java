package io.meshport.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.meshport.access.Agreement;
import io.meshport.access.AgreementStep;
import java.util.List;
import java.util.Objects;

/** One request or agreement in full: its facts, its purpose, the caller's steps, and its history. */
final class AgreementDetails extends VerticalLayout {

    AgreementDetails(Agreement agreement, String productName, List<AgreementStep> history, Component actions) {
        setId("access-request-details");
        addClassName("port-card");
        H3 title = new H3(productName + " · " + agreement.outputPort() + " for " + agreement.consumerTeam());
        Span state = new Span(AccessTexts.state(agreement));
        state.setId("access-request-state");
        HorizontalLayout heading = new HorizontalLayout(title, AccessTexts.statusBadge(agreement.status()));
        heading.setAlignItems(Alignment.BASELINE);
        add(heading, state);

        HorizontalLayout facts = new HorizontalLayout();
        facts.addClassName("product-facts");
        facts.getStyle().set("flex-wrap", "wrap");
        facts.add(fact("Product", AccessTexts.productLink(agreement.productId(), productName)));
        facts.add(fact("Port", new Span(agreement.outputPort() + " " + agreement.outputPortVersion())));
        facts.add(fact("Providing team", new Span(agreement.providerTeam())));
        facts.add(fact("Consumer", new Span(AccessTexts.consumer(agreement))));
        facts.add(fact("Dates", new Span(AccessTexts.dates(agreement))));
        facts.add(fact("Contract version", new Span(AccessTexts.contractVersion(agreement))));
        facts.add(fact("Provisioning", AccessTexts.provisioningBadge(agreement.provisioning())));
        facts.add(fact(
                "Requested", new Span(agreement.requestedBy() + ", " + AccessTexts.when(agreement.requestedAt()))));
        if (agreement.decidedAt() != null) {
            facts.add(fact(
                    agreement.automatic() ? "Approved automatically" : "Decided",
                    new Span(Objects.requireNonNullElse(agreement.decidedBy(), "Meshport") + ", "
                            + AccessTexts.when(agreement.decidedAt()))));
        }
        add(facts);
        if (agreement.reconsentVersion() != null) {
            Paragraph reconsent = new Paragraph("Re-consent needed: version " + agreement.reconsentVersion() + " of "
                    + agreement.contractId() + " changed in a breaking way. Until the consumer consents, this"
                    + " agreement stays on version " + agreement.contractVersion() + ".");
            reconsent.addClassName("deprecation-notice");
            add(reconsent);
        }
        if (agreement.decisionComment() != null) {
            add(new H4("Decision comment"), new Paragraph(agreement.decisionComment()));
        }
        if (agreement.provisioningMessage() != null) {
            add(
                    new H4("Provisioning report"),
                    new Paragraph(agreement.provisioningMessage() + " ("
                            + AccessTexts.when(agreement.provisioningReportedAt()) + ")"));
        }
        if (agreement.renewalOf() != null) {
            add(new Paragraph(
                    new Span("Renews "),
                    new Anchor(
                            "access?" + AccessTexts.REQUEST_PARAMETER + "=" + agreement.renewalOf(),
                            "an earlier agreement")));
        }
        add(new H4("Purpose"), AccessTexts.markdown(agreement.purpose()));
        add(actions);
        add(new H4("History"), history(history));
    }

    private static Component history(List<AgreementStep> steps) {
        Grid<AgreementStep> grid = new Grid<>();
        grid.setId("access-request-history");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(step -> AccessTexts.when(step.at()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AgreementStep::actor).setHeader("Who");
        grid.addColumn(AgreementStep::action).setHeader("Step");
        grid.addColumn(step -> (step.from() == null ? "" : step.from().value() + " → ")
                        + step.to().value()
                        + (step.provisioning() == null
                                ? ""
                                : " · provisioning " + step.provisioning().value()))
                .setHeader("Status");
        grid.addColumn(step -> Objects.requireNonNullElse(step.comment(), ""))
                .setHeader("Comment")
                .setFlexGrow(3);
        grid.setItems(steps);
        return grid;
    }

    private static Component fact(String label, Component value) {
        Span labelSpan = new Span(label);
        labelSpan.addClassName("fact-label");
        value.getElement().getClassList().add("fact-value");
        Div fact = new Div(labelSpan, value);
        fact.addClassName("fact");
        return fact;
    }
}

package io.meshport.governance.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.meshport.governance.ComplianceResult;
import java.util.List;

/**
 * Each enabled policy's result for one product, violations first: kept, exempt or violated (in
 * words and a symbol), the policy (linking to its page), severity and mode, what is wrong and
 * where, the exemption that excuses it, and since when the result is what it is.
 */
@StyleSheet("styles/policy-results.css")
class PolicyResultsPanel extends Div {

    PolicyResultsPanel(List<ComplianceResult> results) {
        setId("policy-results");
        setWidthFull();
        if (results.isEmpty()) {
            add(new Paragraph("No enabled policy covers this product."));
            return;
        }
        long violated = results.stream().filter(r -> !r.passed()).count();
        long exempt = results.stream()
                .filter(r -> r.passed() && r.exemptUntil() != null)
                .count();
        Paragraph summary = new Paragraph(summary(results.size(), violated, exempt));
        summary.setId("policy-results-summary");
        add(summary);

        NativeTable table = new NativeTable();
        table.setId("policy-results-table");
        PolicyTexts.tableStyle(table);
        NativeTableRow head = table.getHead().addRow();
        for (String header : List.of("Result", "Policy", "Severity", "Mode", "Details", "Since")) {
            head.addHeaderCell().setText(header);
        }
        for (ComplianceResult result : results) {
            NativeTableRow row = table.getBody().addRow();
            row.getElement().setAttribute("data-policy", result.policyId());
            row.addClassName(result.passed() ? "policy-kept" : "policy-violated");
            row.addDataCell().add(PolicyTexts.resultBadge(result));
            row.addDataCell().add(PolicyTexts.policyLink(result.policyId(), result.title()));
            row.addDataCell().setText(result.severity().value());
            row.addDataCell().setText(PolicyTexts.mode(result));
            row.add(details(result));
            row.addDataCell().setText(PolicyTexts.when(result.since()));
        }
        add(table);
    }

    /** "Keeps all 3 policies that cover it.", "Violates 1 of 2 policies that cover it.", ... */
    static String summary(long covering, long violated, long exempt) {
        String excused = exempt == 0 ? "." : " (" + exempt + " by an exemption).";
        if (covering == 1) {
            return (violated == 0
                    ? "Keeps the one policy that covers it" + excused
                    : "Violates the one policy that covers it.");
        }
        return violated == 0
                ? "Keeps all " + covering + " policies that cover it" + excused
                : "Violates " + violated + " of " + covering + " policies that cover it.";
    }

    private static NativeTableCell details(ComplianceResult result) {
        NativeTableCell cell = new NativeTableCell();
        if (result.message() != null && (!result.passed() || result.exemptUntil() != null)) {
            cell.add(new Div(result.message()));
        }
        if (result.path() != null && !result.path().isEmpty() && !result.passed()) {
            Span at = new Span("at ");
            cell.add(new Div(at, new Code(result.path())));
        }
        if (result.exemptUntil() != null) {
            Div exemption = new Div("Exempt until " + PolicyTexts.DAY.format(result.exemptUntil())
                    + (result.exemptionReason() == null ? "" : ": " + result.exemptionReason()));
            exemption.addClassName("policy-exemption");
            cell.add(exemption);
        }
        if (cell.getComponentCount() == 0) {
            cell.setText("—");
        }
        return cell;
    }
}

package io.meshport.governance.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.meshport.governance.PolicyHistoryEntry;
import java.util.List;

/** A policy's changes, newest first: who, when, what. */
class PolicyHistory extends Grid<PolicyHistoryEntry> {

    PolicyHistory(List<PolicyHistoryEntry> entries) {
        setId("policy-history");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addColumn(e -> GovernanceTexts.when(e.at()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(PolicyHistoryEntry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        addColumn(PolicyHistoryEntry::action)
                .setHeader("Action")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(PolicyHistoryEntry::summary).setHeader("What").setFlexGrow(3);
        addColumn(PolicyHistoryEntry::revision)
                .setHeader("Revision")
                .setAutoWidth(true)
                .setFlexGrow(0);
        setItems(entries);
    }
}

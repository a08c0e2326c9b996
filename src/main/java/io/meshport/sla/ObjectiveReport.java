package io.meshport.sla;

/**
 * One objective as the SLA tab shows it: declared, and measured over the last 7 and 30 days.
 * Objectives that cannot be measured are NO_DATA with measured text "not measured".
 */
public record ObjectiveReport(
        Objective objective,
        ComplianceStatus week,
        String weekMeasured,
        ComplianceStatus month,
        String monthMeasured,
        SlaSeries series) {}

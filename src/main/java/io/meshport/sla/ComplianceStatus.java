package io.meshport.sla;

/** How well an objective (or a product, taking its worst objective) is kept; worst last. */
public enum ComplianceStatus {
    NO_DATA,
    MET,
    AT_RISK,
    BREACHED;

    /** The worse of two statuses; no data counts as better than met only when nothing is measured. */
    public ComplianceStatus worse(ComplianceStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}

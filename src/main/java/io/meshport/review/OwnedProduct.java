package io.meshport.review;

import io.meshport.catalog.DataProductSummary;
import io.meshport.lineage.Drift;
import io.meshport.sla.ComplianceStatus;
import java.util.List;

/**
 * A row of My products: one product of the caller's teams and what needs the owner's attention.
 *
 * @param drift where the runs observed disagree with the declared lineage (lineage drift)
 */
public record OwnedProduct(
        DataProductSummary product,
        ComplianceStatus sla,
        List<Warning> warnings,
        List<Drift> drift,
        ReviewState review) {

    /** An SLA not met, a warning open, lineage drifting, or a review overdue. */
    public boolean needsAttention() {
        return sla == ComplianceStatus.BREACHED
                || sla == ComplianceStatus.AT_RISK
                || !warnings.isEmpty()
                || !drift.isEmpty()
                || review.overdue();
    }
}

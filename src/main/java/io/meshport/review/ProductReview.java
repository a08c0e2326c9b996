package io.meshport.review;

import io.meshport.catalog.DataProductSummary;
import io.meshport.lineage.Drift;
import io.meshport.sla.ObjectiveReport;
import java.time.Instant;
import java.util.List;

/**
 * Everything an owner reviews on one screen: lineage health, SLA objectives as measured, the
 * review state and past sign-offs.
 *
 * @param drift where the runs observed disagree with the declared lineage; a sign-off records
 *     that these were seen
 * @param mayReview whether the caller may sign off (member of the owning team, or governance)
 */
public record ProductReview(
        DataProductSummary product,
        List<Warning> warnings,
        List<Drift> drift,
        List<ObjectiveReport> objectives,
        ReviewState review,
        List<SignOff> signOffs,
        boolean mayReview) {

    public record SignOff(String reviewer, Instant at, String comment) {}
}

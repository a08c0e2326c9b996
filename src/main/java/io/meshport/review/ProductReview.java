package io.meshport.review;

import io.meshport.catalog.DataProductSummary;
import io.meshport.sla.ObjectiveReport;
import java.time.Instant;
import java.util.List;

/**
 * Everything an owner reviews on one screen: lineage health, SLA objectives as measured, the
 * review state and past sign-offs.
 *
 * @param mayReview whether the caller may sign off (member of the owning team, or governance)
 */
public record ProductReview(
        DataProductSummary product,
        List<Warning> warnings,
        List<ObjectiveReport> objectives,
        ReviewState review,
        List<SignOff> signOffs,
        boolean mayReview) {

    public record SignOff(String reviewer, Instant at, String comment) {}
}

package io.meshport.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Measures a product's objectives against its observations, and remembers each objective's
 * 30-day status so that a breach is announced once and lists read statuses in one query. Runs in
 * the caller's transaction: after observations are recorded, and from the scheduled check.
 */
@Component
class SlaEvaluator {

    private final SlaStore store;
    private final ApplicationEventPublisher events;

    SlaEvaluator(SlaStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** The product's objectives: each port's declared SLA properties, then the quality checks if any. */
    List<Objective> objectives(String productId, List<Observation> observations) {
        List<Objective> objectives = new ArrayList<>();
        store.slaProperties(List.of(productId))
                .forEach(sla -> objectives.add(Objective.of(sla.outputPort(), sla.property())));
        if (observations.stream().anyMatch(o -> o.kind() == ObservationKind.QUALITY)) {
            objectives.add(Objective.quality());
        }
        return objectives;
    }

    List<ObjectiveReport> report(String productId, Instant now) {
        List<Observation> observations = store.observations(productId, now.minus(Compliance.MONTH));
        List<ObjectiveReport> reports = new ArrayList<>();
        for (Objective objective : objectives(productId, observations)) {
            List<Observation> concerning = concerning(objective, observations);
            Compliance.Measurement week = Compliance.measure(objective, concerning, now, Compliance.WEEK);
            Compliance.Measurement month = Compliance.measure(objective, concerning, now, Compliance.MONTH);
            reports.add(new ObjectiveReport(
                    objective,
                    week.status(),
                    week.measured(),
                    month.status(),
                    month.measured(),
                    Compliance.series(objective, concerning, now, Compliance.MONTH)));
        }
        return reports;
    }

    /**
     * Measures the product's objectives over 30 days and remembers what changed; an objective that
     * becomes breached is published as {@link SlaBreached} in this transaction (listeners act
     * after it commits, so a refused batch announces nothing). Serialised per product,
     * so two batches arriving together cannot both announce the same breach.
     */
    void reevaluate(String productId, Instant now) {
        store.lock(productId);
        reevaluateLocked(productId, now);
    }

    /** As {@link #reevaluate}, for a caller that holds the product's lock in this transaction already. */
    void reevaluateLocked(String productId, Instant now) {
        List<Observation> observations = store.observations(productId, now.minus(Compliance.MONTH));
        Map<SlaStore.ObjectiveKey, ComplianceStatus> remembered = store.statuses(productId);
        Set<SlaStore.ObjectiveKey> current = new HashSet<>();
        Map<SlaStore.ObjectiveKey, SlaBreached> breaches = new LinkedHashMap<>();
        List<Objective> objectives = objectives(productId, observations);
        for (Objective objective : objectives) {
            if (!objective.measured()) {
                continue;
            }
            SlaStore.ObjectiveKey key = new SlaStore.ObjectiveKey(objective.outputPort(), objective.property());
            if (!current.add(key)) {
                continue; // the same property declared twice for a port: the first one counts
            }
            Compliance.Measurement month =
                    Compliance.measure(objective, concerning(objective, observations), now, Compliance.MONTH);
            ComplianceStatus before = remembered.get(key);
            if (month.status() != before) {
                store.saveStatus(productId, key, month.status(), now);
                if (month.status() == ComplianceStatus.BREACHED) {
                    breaches.put(
                            key,
                            new SlaBreached(
                                    productId, objective.outputPort(), objective.declared(), month.measured(), now));
                }
            }
        }
        store.scheduleCheck(productId, nextChange(objectives, observations, now));
        remembered.keySet().stream()
                .filter(key -> !current.contains(key))
                .forEach(key -> store.forgetStatus(productId, key));
        breaches.values().forEach(events::publishEvent);
    }

    /**
     * When time passing may next change one of the product's statuses, so that the scheduled
     * check measures the product again then and not before (null: not until something arrives).
     */
    private static @Nullable Instant nextChange(
            List<Objective> objectives, List<Observation> observations, Instant now) {
        Instant next = null;
        for (Objective objective : objectives) {
            if (!objective.measured()) {
                continue;
            }
            Instant candidate =
                    Compliance.nextChange(objective, concerning(objective, observations), now, Compliance.MONTH);
            if (candidate != null && (next == null || candidate.isBefore(next))) {
                next = candidate;
            }
        }
        return next;
    }

    /** A port's objective concerns that port's observations and the product-wide ones. */
    static List<Observation> concerning(Objective objective, List<Observation> observations) {
        if (objective.measure() == Objective.Measure.QUALITY) {
            return observations;
        }
        return observations.stream()
                .filter(o -> o.outputPort() == null || Objects.equals(o.outputPort(), objective.outputPort()))
                .toList();
    }
}

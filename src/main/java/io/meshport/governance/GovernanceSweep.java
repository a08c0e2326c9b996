package io.meshport.governance;

import io.meshport.catalog.CatalogReadModel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every {@code meshport.governance.sweep-interval}: evaluates every product against the enabled
 * policies again (cause {@code sweep}), so that what time alone changes is caught (an exemption
 * that ended, a review that fell due, an upstream past its sunset date), and writes today's
 * compliance per domain and team ({@link ComplianceDays}). The catalog is read {@link
 * PolicyEvaluations#BATCH} products at a time, each batch in a transaction of its own, so a large
 * catalog holds no long transaction; a batch that fails is evaluated product by product, and a
 * product that fails is skipped (logged) and counted as not evaluated, so one product never stops
 * the round. One node sweeps per round ({@code governance-sweep} lock).
 */
@Component
class GovernanceSweep {

    private static final Logger log = LoggerFactory.getLogger(GovernanceSweep.class);

    /** What a round did. */
    record Round(int evaluated, int violating, int failed, LocalDate day) {}

    private final CatalogReadModel catalog;
    private final ProductFactsReader facts;
    private final PolicyEvaluations evaluations;
    private final ResultStore results;
    private final ComplianceDays days;
    private final PlatformTransactionManager transactionManager;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GovernanceSweep(
            CatalogReadModel catalog,
            ProductFactsReader facts,
            PolicyEvaluations evaluations,
            ResultStore results,
            ComplianceDays days,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.catalog = catalog;
        this.facts = facts;
        this.evaluations = evaluations;
        this.results = results;
        this.days = days;
        this.transactionManager = transactionManager;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The same sweep on another clock: the sweep as it runs when time has passed (tests). */
    GovernanceSweep withClock(Clock other) {
        return new GovernanceSweep(catalog, facts, evaluations, results, days, transactionManager, other);
    }

    @Scheduled(
            initialDelayString = "${meshport.governance.sweep-delay:PT5M}",
            fixedDelayString = "${meshport.governance.sweep-interval:PT1H}")
    @SchedulerLock(
            name = "governance-sweep",
            lockAtLeastFor = "${meshport.governance.sweep-interval:PT1H}",
            lockAtMostFor = "P1D")
    void runScheduled() {
        Round round = sweep();
        log.info(
                "Governance sweep: {} products evaluated, {} violating a policy{}",
                round.evaluated(),
                round.violating(),
                round.failed() == 0 ? "" : ", " + round.failed() + " could not be evaluated (see above)");
    }

    Round sweep() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, int[]> groups = new TreeMap<>();
        int evaluated = 0;
        int violating = 0;
        int failed = 0;
        String after = null;
        while (true) {
            List<String> ids = catalog.productIds(after, PolicyEvaluations.BATCH);
            if (ids.isEmpty()) {
                break;
            }
            List<Tally> tallies = batch(ids, now);
            if (tallies == null) {
                tallies = new ArrayList<>();
                for (String id : ids) {
                    List<Tally> one = batch(List.of(id), now);
                    if (one == null) {
                        failed++;
                    } else {
                        tallies.addAll(one);
                    }
                }
            }
            for (Tally tally : tallies) {
                int[] group = groups.computeIfAbsent(tally.domain() + '\u0000' + tally.team(), key -> new int[3]);
                group[0]++;
                group[1] += tally.violations() == 0 ? 1 : 0;
                group[2] += tally.violations();
                evaluated++;
                violating += tally.violations() == 0 ? 0 : 1;
            }
            after = ids.getLast();
        }
        List<ComplianceDays.Day> rows = new ArrayList<>();
        groups.forEach((key, counts) -> {
            int split = key.indexOf('\u0000');
            rows.add(new ComplianceDays.Day(
                    key.substring(0, split), key.substring(split + 1), counts[0], counts[1], counts[2]));
        });
        transactions.executeWithoutResult(status -> days.store(today, rows));
        return new Round(evaluated, violating, failed, today);
    }

    /** One product's standing after the sweep evaluated it. */
    private record Tally(String domain, String team, int violations) {}

    /** Evaluates and stores the products in a transaction of their own; null when that failed. */
    private @Nullable List<Tally> batch(List<String> ids, Instant now) {
        try {
            return transactions.execute(status -> {
                List<ProductFacts> read = facts.read(ids, now);
                evaluations.evaluateBatch(read, "sweep", now);
                Map<String, List<ResultStore.Result>> stored =
                        results.of(read.stream().map(ProductFacts::id).toList());
                List<Tally> tallies = new ArrayList<>();
                for (ProductFacts product : read) {
                    int violations = (int) stored.getOrDefault(product.id(), List.of()).stream()
                            .filter(ResultStore.Result::violated)
                            .count();
                    tallies.add(new Tally(
                            product.domain() == null ? "" : product.domain(), product.ownerTeam(), violations));
                }
                return tallies;
            });
        } catch (RuntimeException e) {
            if (ids.size() == 1) {
                log.warn(
                        "Governance sweep: product '{}' could not be evaluated; skipped this round", ids.getFirst(), e);
            } else {
                log.warn(
                        "Governance sweep: the batch from '{}' to '{}' failed; evaluating its products one by one",
                        ids.getFirst(),
                        ids.getLast(),
                        e);
            }
            return null;
        }
    }
}

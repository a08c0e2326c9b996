package io.meshport.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
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
 * compliance per domain and team ({@link ComplianceDays}). The catalog is evaluated a batch per
 * transaction ({@link PolicyEvaluations#evaluateAll}); one product that fails is skipped (logged)
 * and counted as not evaluated, never stopping the round. One node sweeps per round ({@code governance-sweep} lock).
 */
@Component
class GovernanceSweep {

    private static final Logger log = LoggerFactory.getLogger(GovernanceSweep.class);

    /** What a round did. */
    record Round(int evaluated, int violating, int failed, LocalDate day) {}

    private final PolicyEvaluations evaluations;
    private final ComplianceDays days;
    private final PlatformTransactionManager transactionManager;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GovernanceSweep(
            PolicyEvaluations evaluations,
            ComplianceDays days,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.evaluations = evaluations;
        this.days = days;
        this.transactionManager = transactionManager;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The same sweep on another clock: the sweep as it runs when time has passed (tests). */
    GovernanceSweep withClock(Clock other) {
        return new GovernanceSweep(evaluations, days, transactionManager, other);
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
        PolicyEvaluations.Round evaluated = evaluations.evaluateAll("sweep", now);
        Map<String, int[]> groups = new TreeMap<>();
        int violating = 0;
        for (PolicyEvaluations.Tally tally : evaluated.tallies()) {
            int[] group = groups.computeIfAbsent(tally.domain() + '\u0000' + tally.team(), key -> new int[3]);
            group[0]++;
            group[1] += tally.violations() == 0 ? 1 : 0;
            group[2] += tally.violations();
            violating += tally.violations() == 0 ? 0 : 1;
        }
        List<ComplianceDays.Day> rows = new ArrayList<>();
        groups.forEach((key, counts) -> {
            int split = key.indexOf('\u0000');
            rows.add(new ComplianceDays.Day(
                    key.substring(0, split), key.substring(split + 1), counts[0], counts[1], counts[2]));
        });
        transactions.executeWithoutResult(status -> days.store(today, rows));
        return new Round(evaluated.tallies().size(), violating, evaluated.failed(), today);
    }
}

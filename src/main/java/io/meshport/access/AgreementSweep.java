package io.meshport.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code meshport.access.sweep-interval}: expires the agreements whose end date has passed,
 * and tells consumers {@code meshport.access.renewal-notice} before the end to renew. Days are
 * UTC days of the injected clock. One node sweeps per round ({@code access-sweep} lock); a round
 * that fails is done by the next, since what it looks for stays until it is done.
 */
@Component
class AgreementSweep {

    private static final Logger log = LoggerFactory.getLogger(AgreementSweep.class);

    /** What a round did. */
    record Round(int expired, int noticed) {}

    private final AgreementAutomation automation;
    private final Clock clock;
    private final Period notice;

    AgreementSweep(
            AgreementAutomation automation,
            Clock clock,
            @Value("${meshport.access.renewal-notice:P14D}") Period notice) {
        if (notice.isNegative()) {
            throw new IllegalStateException(
                    "meshport.access.renewal-notice must not be negative (" + notice + "); e.g. P14D.");
        }
        this.automation = automation;
        this.clock = clock;
        this.notice = notice;
    }

    @Scheduled(
            initialDelayString = "${meshport.access.sweep-delay:PT1M}",
            fixedDelayString = "${meshport.access.sweep-interval:PT1H}")
    @SchedulerLock(
            name = "access-sweep",
            lockAtLeastFor = "${meshport.access.sweep-interval:PT1H}",
            lockAtMostFor = "P1D")
    void runScheduled() {
        Round round = sweep();
        if (round.expired() > 0 || round.noticed() > 0) {
            log.info("Access agreements: {} expired, {} told to renew", round.expired(), round.noticed());
        }
    }

    Round sweep() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // Expired first, so that an agreement already over is not told to renew as well.
        int expired = automation.expireEnded(today, now);
        int noticed = automation.noticeRenewals(today.plus(notice), now);
        return new Round(expired, noticed);
    }
}

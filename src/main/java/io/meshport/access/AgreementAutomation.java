package io.meshport.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of agreements that nobody takes: expiry at the end date, the notice to renew before
 * it, and the request to consent again to a breaking contract version. They run without a caller
 * (the scheduled sweep, an event listener), which is why they live here and not behind {@link
 * AccessService}'s "signed in" check; each is recorded and published as the service records a
 * person's step, with {@value AccessService#SYSTEM} as the actor.
 */
@Component
class AgreementAutomation {

    private final AgreementRepository agreements;
    private final AgreementChangeRepository steps;
    private final ApplicationEventPublisher events;

    AgreementAutomation(
            AgreementRepository agreements, AgreementChangeRepository steps, ApplicationEventPublisher events) {
        this.agreements = agreements;
        this.steps = steps;
        this.events = events;
    }

    /** Expires the open (approved or still requested) agreements whose last day is before {@code today}. */
    @Transactional
    int expireEnded(LocalDate today, Instant now) {
        List<AccessAgreement> ended = agreements.findEndedBefore(today);
        for (AccessAgreement agreement : ended) {
            AgreementStatus before = agreement.status();
            agreement.end(AgreementStatus.EXPIRED, now);
            record(agreement, "expired", AccessEvent.Type.EXPIRED, before, "Ended on " + agreement.endsOn(), now);
        }
        return ended.size();
    }

    /**
     * Tells the consumers of approved agreements ending on or before {@code day} to renew, once per
     * agreement ({@code renewal_noticed_at}), unless a renewal is asked for already.
     */
    @Transactional
    int noticeRenewals(LocalDate day, Instant now) {
        List<AccessAgreement> ending = agreements.findEndingBy(day);
        for (AccessAgreement agreement : ending) {
            agreement.renewalNoticed(now);
            record(
                    agreement,
                    "renewal due",
                    AccessEvent.Type.RENEWAL_DUE,
                    agreement.status(),
                    "Ends on " + agreement.endsOn(),
                    now);
        }
        return ending.size();
    }

    /**
     * Asks the consumers of approved agreements on the contract made for another version to consent
     * to {@code version}, once per agreement and version.
     *
     * @return how many agreements were asked
     */
    @Transactional
    int askToConsent(String contractId, String version, Instant now) {
        List<AccessAgreement> affected = agreements.findApprovedOnOtherVersion(contractId, version);
        for (AccessAgreement agreement : affected) {
            agreement.askToConsent(version, now);
            record(
                    agreement,
                    "re-consent requested",
                    AccessEvent.Type.RECONSENT_REQUESTED,
                    agreement.status(),
                    version,
                    now);
        }
        return affected.size();
    }

    private void record(
            AccessAgreement agreement,
            String action,
            AccessEvent.Type type,
            AgreementStatus before,
            @Nullable String comment,
            Instant at) {
        agreements.saveAndFlush(agreement);
        Agreement view = agreement.view();
        steps.save(new AgreementChange(
                view.id(),
                action,
                before,
                view.status(),
                view.provisioning(),
                comment,
                null,
                AccessService.SYSTEM,
                at));
        events.publishEvent(AccessEvent.of(type, view, AccessService.SYSTEM, at, comment));
    }
}

package io.meshport.access;

import io.meshport.catalog.ContractVersionPublished;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A breaking version of a contract asks every approved agreement on it, made for another version,
 * to be consented to again (docs/decisions/0021-access-agreements.md); until the consumer does,
 * the agreement shows the version it was made for. A version that breaks nothing asks nothing.
 */
@Component
class ContractVersionListener {

    private final AgreementAutomation automation;
    private final Clock clock;

    ContractVersionListener(AgreementAutomation automation, Clock clock) {
        this.automation = automation;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ContractVersionPublished published) {
        if (published.breaking()) {
            automation.askToConsent(published.contractId(), published.version(), clock.instant());
        }
    }
}

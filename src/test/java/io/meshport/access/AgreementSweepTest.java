package io.meshport.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.CatalogService;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The scheduled sweep with its clock moved ahead: agreements expire once their last day has
 * passed, and their consumers are told to renew some days before, once.
 */
@MeshportTest
@RecordApplicationEvents
class AgreementSweepTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    AccessService access;

    @Autowired
    AgreementAutomation automation;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    String product;
    LocalDate today;

    @BeforeEach
    void aSalesProduct() {
        product = AccessTestProduct.publish(catalog, AccessTestProduct.stem("sw"), null)
                .id();
        today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void an_approved_agreement_expires_the_day_after_its_last_day_once() {
        Agreement agreement = approved("marketing", today.plusDays(1));

        sweepDaysAhead(1);
        assertThat(status(agreement)).isEqualTo(AgreementStatus.APPROVED);

        sweepDaysAhead(2);
        sweepDaysAhead(3);
        assertThat(status(agreement)).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(asBob(() -> access.history(agreement.id())))
                .filteredOn(step -> step.action().equals("expired"))
                .singleElement()
                .satisfies(step -> {
                    assertThat(step.actor()).isEqualTo("Meshport");
                    assertThat(step.from()).isEqualTo(AgreementStatus.APPROVED);
                });
        assertThat(types(agreement.id())).containsOnlyOnce(AccessEvent.Type.EXPIRED);
    }

    @Test
    void a_request_nobody_decided_before_its_end_expires_too() {
        Agreement requested = asBob(() -> access.request(request("marketing", today)));
        sweepDaysAhead(1);
        assertThat(status(requested)).isEqualTo(AgreementStatus.EXPIRED);
    }

    @Test
    void an_agreement_without_an_end_never_expires_nor_asks_for_renewal() {
        Agreement agreement = approved("marketing", null);
        sweepDaysAhead(400);
        assertThat(status(agreement)).isEqualTo(AgreementStatus.APPROVED);
        assertThat(types(agreement.id())).doesNotContain(AccessEvent.Type.RENEWAL_DUE, AccessEvent.Type.EXPIRED);
    }

    @Test
    void the_consumer_is_told_to_renew_fourteen_days_before_the_end_once() {
        Agreement agreement = approved("marketing", today.plusDays(30));

        sweepDaysAhead(15);
        assertThat(types(agreement.id())).doesNotContain(AccessEvent.Type.RENEWAL_DUE);

        sweepDaysAhead(16);
        sweepDaysAhead(20);
        assertThat(types(agreement.id())).containsOnlyOnce(AccessEvent.Type.RENEWAL_DUE);
        assertThat(asBob(() -> access.history(agreement.id())))
                .filteredOn(step -> step.action().equals("renewal due"))
                .singleElement()
                .satisfies(step ->
                        assertThat(step.comment()).contains(today.plusDays(30).toString()));
        assertThat(status(agreement)).isEqualTo(AgreementStatus.APPROVED);
    }

    @Test
    void an_agreement_whose_renewal_is_asked_for_already_is_not_told_to_renew() {
        Agreement agreement = approved("marketing", today.plusDays(10));
        Agreement renewal = asBob(() -> access.renew(agreement.id(), today.plusDays(100)));
        assertThat(renewal.renewalOf()).isEqualTo(agreement.id());
        assertThat(renewal.startsOn()).isEqualTo(today.plusDays(11));

        sweepDaysAhead(1);
        assertThat(types(agreement.id())).doesNotContain(AccessEvent.Type.RENEWAL_DUE);
    }

    @Test
    void the_notice_period_is_a_setting_and_a_negative_one_is_refused() {
        Agreement agreement = approved("marketing", today.plusDays(40));
        new AgreementSweep(automation, clock, Period.ofDays(40)).sweep();
        assertThat(types(agreement.id())).containsOnlyOnce(AccessEvent.Type.RENEWAL_DUE);

        assertThatThrownBy(() -> new AgreementSweep(automation, clock, Period.ofDays(-1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("meshport.access.renewal-notice");
    }

    /** The sweep as the scheduler runs it, on a clock moved {@code days} ahead (the default notice). */
    private void sweepDaysAhead(int days) {
        new AgreementSweep(automation, Clock.offset(clock, Duration.ofDays(days)), Period.ofDays(14)).sweep();
    }

    private Agreement approved(String team, @Nullable LocalDate until) {
        Agreement asked = asBob(() -> access.request(request(team, until)));
        return RunAs.user(
                "alice", List.of("sales"), () -> access.decide(asked.id(), AccessService.Decision.APPROVE, null, null));
    }

    private AccessRequest request(String team, @Nullable LocalDate until) {
        return new AccessRequest(product, AccessTestProduct.PORT, null, "Attribution", team, null, null, until);
    }

    private AgreementStatus status(Agreement agreement) {
        return asBob(() -> access.find(agreement.id()).orElseThrow()).status();
    }

    private List<AccessEvent.Type> types(UUID id) {
        return events.stream(AccessEvent.class)
                .filter(event -> event.agreementId().equals(id))
                .map(AccessEvent::type)
                .toList();
    }

    private static <T> T asBob(Supplier<T> work) {
        return RunAs.user("bob", List.of("marketing"), work);
    }
}

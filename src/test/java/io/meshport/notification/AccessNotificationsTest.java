package io.meshport.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.access.AccessEvent;
import io.meshport.access.AccessRequest;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.access.AgreementStatus;
import io.meshport.access.Provisioning;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import io.meshport.testing.RunAs;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/**
 * What the two teams of an agreement are told of its steps: the providing team of a new request
 * (or of an automatic grant, never of a request to decide), the consumer team of everything it
 * must act on, each linking to the request on /access, once however often the step is delivered.
 * The events are handed to the listener as the access service publishes them.
 */
@MeshportTest
class AccessNotificationsTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    NotificationService notifications;

    @Autowired
    AccessNotifications listener;

    @Autowired
    AccessService access;

    @Autowired
    JdbcClient jdbc;

    private final String s = "an" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final String sales = s + "-sales";
    private final String marketing = s + "-marketing";
    private final UUID agreement = UUID.randomUUID();

    @Test
    void a_new_request_tells_the_providing_team_with_a_link_to_decide_and_not_the_consumer() {
        orders();

        deliver(event(AccessEvent.Type.REQUESTED, AgreementStatus.REQUESTED, null, "Bob Builder", null));

        assertThat(told(sales)).singleElement().satisfies(notification -> {
            assertThat(notification.kind()).isEqualTo(NotificationKind.ACCESS_REQUESTED);
            assertThat(notification.message())
                    .isEqualTo("Bob Builder (" + marketing + ") asks for access to Orders " + s
                            + " · orders: waiting for your decision");
            assertThat(notification.link()).isEqualTo("access?request=" + agreement);
            assertThat(notification.productId()).isEqualTo(s + "-orders");
        });
        assertThat(told(marketing)).isEmpty();
    }

    @Test
    void a_request_and_its_approval_through_the_access_service_tell_first_the_providers_then_the_consumers() {
        orders();
        Agreement requested = RunAs.user(
                s + "-bob",
                List.of(marketing),
                () -> access.request(new AccessRequest(
                        s + "-orders", "orders", null, "Campaign reports", marketing, null, null, null)));
        PendingEvents.awaitHandled(jdbc, requested.id().toString());

        assertThat(told(sales)).singleElement().satisfies(notification -> assertThat(notification.message())
                .isEqualTo(s + "-bob (" + marketing + ") asks for access to Orders " + s
                        + " · orders: waiting for your decision"));
        assertThat(told(marketing)).isEmpty();

        RunAs.user(
                s + "-alice",
                List.of(sales),
                () -> access.decide(requested.id(), AccessService.Decision.APPROVE, null, requested.revision()));
        PendingEvents.awaitHandled(jdbc, requested.id().toString());

        assertThat(told(marketing)).singleElement().satisfies(notification -> {
            assertThat(notification.message())
                    .isEqualTo("Access to Orders " + s + " · orders for " + marketing + " approved by " + s
                            + "-alice — provisioning pending");
            assertThat(notification.link()).isEqualTo("access?request=" + requested.id());
        });
        assertThat(told(sales)).hasSize(1);
    }

    @Test
    void an_automatic_approval_tells_the_providers_it_was_granted_and_asks_no_decision() {
        orders();

        // The service publishes the request and, in the same transaction, the approval by nobody.
        deliver(automatic(event(AccessEvent.Type.REQUESTED, AgreementStatus.REQUESTED, null, "Bob Builder", null)));
        deliver(automatic(
                event(AccessEvent.Type.APPROVED, AgreementStatus.APPROVED, Provisioning.PENDING, "Meshport", null)));

        assertThat(told(sales)).singleElement().satisfies(notification -> {
            assertThat(notification.kind()).isEqualTo(NotificationKind.ACCESS_GRANTED_AUTOMATICALLY);
            assertThat(notification.message())
                    .isEqualTo(marketing + " was granted access to Orders " + s
                            + " · orders automatically (the port approves by itself) — provisioning pending");
        });
        assertThat(told(marketing)).singleElement().satisfies(notification -> assertThat(notification.message())
                .isEqualTo("Access to Orders " + s + " · orders for " + marketing
                        + " approved automatically — provisioning pending"));
    }

    @Test
    void the_consumer_team_hears_of_the_decision_with_its_comment_and_the_provisioning_still_pending() {
        orders();

        deliver(event(AccessEvent.Type.APPROVED, AgreementStatus.APPROVED, Provisioning.PENDING, "Alice", "Go ahead"));

        assertThat(told(marketing)).singleElement().satisfies(notification -> {
            assertThat(notification.kind()).isEqualTo(NotificationKind.ACCESS_DECIDED);
            assertThat(notification.message())
                    .isEqualTo("Access to Orders " + s + " · orders for " + marketing
                            + " approved by Alice: “Go ahead” — provisioning pending");
            assertThat(notification.link()).isEqualTo("access?request=" + agreement);
        });
        assertThat(told(sales)).isEmpty();
    }

    @Test
    void a_rejection_revocation_expiry_renewal_notice_and_reconsent_each_tell_the_consumer_once() {
        orders();
        List<AccessEvent> steps = List.of(
                event(AccessEvent.Type.REJECTED, AgreementStatus.REJECTED, null, "Alice", "Not for marketing"),
                event(AccessEvent.Type.REVOKED, AgreementStatus.REVOKED, Provisioning.GRANTED, "Alice", null),
                event(AccessEvent.Type.EXPIRED, AgreementStatus.EXPIRED, Provisioning.GRANTED, "Meshport", null),
                event(AccessEvent.Type.RENEWAL_DUE, AgreementStatus.APPROVED, Provisioning.GRANTED, "Meshport", null),
                event(
                        AccessEvent.Type.RECONSENT_REQUESTED,
                        AgreementStatus.APPROVED,
                        Provisioning.GRANTED,
                        "Meshport",
                        "2.0.0"));

        // Each delivered twice, as a retried event is.
        steps.forEach(this::deliver);
        steps.forEach(this::deliver);

        assertThat(told(marketing))
                .extracting(NotificationView::kind)
                .containsExactlyInAnyOrder(
                        NotificationKind.ACCESS_DECIDED,
                        NotificationKind.ACCESS_REVOKED,
                        NotificationKind.ACCESS_EXPIRED,
                        NotificationKind.ACCESS_RENEWAL_DUE,
                        NotificationKind.ACCESS_RECONSENT_REQUESTED);
        assertThat(told(marketing))
                .extracting(NotificationView::message)
                .contains(
                        "Access to Orders " + s + " · orders for " + marketing
                                + " rejected by Alice: “Not for marketing”",
                        "Contract " + s + "-orders-v1 of Orders " + s
                                + " · orders changed in a breaking way (version 2.0.0): consent again for " + marketing
                                + "'s agreement");
        assertThat(told(marketing))
                .allSatisfy(notification -> assertThat(notification.link()).isEqualTo("access?request=" + agreement));
        assertThat(told(sales)).isEmpty();
    }

    @Test
    void each_provisioning_report_is_news_for_the_consumer_but_a_redelivered_one_is_not() {
        orders();
        AccessEvent failed = event(
                AccessEvent.Type.PROVISIONING_REPORTED,
                AgreementStatus.APPROVED,
                Provisioning.FAILED,
                "pipeline",
                "role missing");
        AccessEvent granted = new AccessEvent(
                failed.type(),
                failed.agreementId(),
                failed.productId(),
                failed.outputPort(),
                failed.outputPortVersion(),
                failed.contractId(),
                failed.contractVersion(),
                failed.providerTeam(),
                failed.consumerTeam(),
                failed.consumerProduct(),
                failed.status(),
                Provisioning.GRANTED,
                failed.actor(),
                failed.at().plusSeconds(60),
                null,
                false);

        deliver(failed);
        deliver(failed);
        deliver(granted);

        assertThat(told(marketing))
                .extracting(NotificationView::message)
                .containsExactlyInAnyOrder(
                        "Access to Orders " + s + " · orders for " + marketing
                                + ": provisioning failed: “role missing”",
                        "Access to Orders " + s + " · orders for " + marketing + ": provisioning granted");
    }

    @Test
    void the_consumers_own_cancellation_tells_nobody() {
        orders();

        deliver(event(AccessEvent.Type.CANCELLED, AgreementStatus.CANCELLED, null, "Bob Builder", null));

        assertThat(told(marketing)).isEmpty();
        assertThat(told(sales)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** Orders, an active product of sales with one port on a contract of its own. */
    private void orders() {
        String contract = """
                apiVersion: v3.0.2
                kind: DataContract
                id: %s-orders-v1
                version: 1.0.0
                status: active
                slaProperties:
                  - property: latency
                    value: 4
                    unit: h
                """.formatted(s);
        String yaml = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s-orders
                name: Orders %s
                status: active
                description:
                  purpose: Every order placed through the web shop.
                team:
                  name: %s
                outputPorts:
                  - name: orders
                    version: 1.0.0
                    contractId: %s-orders-v1
                """.formatted(s, s, sales, s);
        RunAs.user(s + "-owner", List.of(sales), () -> {
            catalog.publishContract(null, contract, DocumentFormat.YAML, sales, null);
            return catalog.publishProduct(s + "-orders", yaml, DocumentFormat.YAML, null, null);
        });
    }

    private AccessEvent event(
            AccessEvent.Type type,
            AgreementStatus status,
            @Nullable Provisioning provisioning,
            String actor,
            @Nullable String comment) {
        return new AccessEvent(
                type,
                agreement,
                s + "-orders",
                "orders",
                "1.0.0",
                s + "-orders-v1",
                "1.0.0",
                sales,
                marketing,
                null,
                status,
                provisioning,
                actor,
                Instant.parse("2026-12-01T10:00:00Z"),
                comment,
                false);
    }

    private static AccessEvent automatic(AccessEvent e) {
        return new AccessEvent(
                e.type(),
                e.agreementId(),
                e.productId(),
                e.outputPort(),
                e.outputPortVersion(),
                e.contractId(),
                e.contractVersion(),
                e.providerTeam(),
                e.consumerTeam(),
                e.consumerProduct(),
                e.status(),
                e.provisioning(),
                e.actor(),
                e.at(),
                e.comment(),
                true);
    }

    /** Handed to the listener itself, now, as the registry would after the commit. */
    private void deliver(AccessEvent event) {
        AccessNotifications target = AopTestUtils.getUltimateTargetObject(listener);
        target.on(event);
    }

    private List<NotificationView> told(String team) {
        return RunAs.user(s + "-member-of-" + team, List.of(team), () -> notifications.mine(50));
    }
}

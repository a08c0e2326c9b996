package io.meshport.events;

import static io.meshport.events.Feed.about;
import static io.meshport.events.Feed.data;
import static io.meshport.events.Feed.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.meshport.access.AccessEvent;
import io.meshport.access.AgreementStatus;
import io.meshport.access.Provisioning;
import io.meshport.testing.MeshportTest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every step of an agreement, as access announces it, is an event of the feed about the agreement,
 * with what a platform needs to act on it, read by the two teams and governance only.
 */
@MeshportTest
class AccessEventsFeedTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void each_step_of_an_agreement_is_an_event_about_it_with_what_a_platform_acts_on() {
        String start = Feed.tail("carol");
        UUID agreement = UUID.randomUUID();
        announce(step(agreement, AccessEvent.Type.REQUESTED, AgreementStatus.REQUESTED, null, null));
        announce(step(agreement, AccessEvent.Type.APPROVED, AgreementStatus.APPROVED, Provisioning.PENDING, "ok"));
        announce(step(
                agreement,
                AccessEvent.Type.PROVISIONING_REPORTED,
                AgreementStatus.APPROVED,
                Provisioning.GRANTED,
                "role granted"));
        announce(step(agreement, AccessEvent.Type.REVOKED, AgreementStatus.REVOKED, Provisioning.GRANTED, "done"));

        List<CloudEvent> feed = about(Feed.after("carol", start, 100), agreement.toString());
        assertThat(types(feed))
                .containsExactly(
                        "io.meshport.access.requested",
                        "io.meshport.access.approved",
                        "io.meshport.access.provisioning.reported",
                        "io.meshport.access.revoked");
        CloudEvent granted = feed.get(2);
        assertThat(granted.getSource()).isEqualTo(URI.create("/api/v1/access-requests"));
        assertThat(granted.getTime().toInstant()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        JsonNode data = data(granted);
        assertThat(data.path("agreement").asString()).isEqualTo(agreement.toString());
        assertThat(data.path("product").asString()).isEqualTo("sales-orders");
        assertThat(data.path("outputPort").asString()).isEqualTo("orders");
        assertThat(data.path("outputPortVersion").asString()).isEqualTo("1.0.0");
        assertThat(data.path("contractId").asString()).isEqualTo("sales-orders-v1");
        assertThat(data.path("contractVersion").asString()).isEqualTo("1.0.0");
        assertThat(data.path("providerTeam").asString()).isEqualTo("sales");
        assertThat(data.path("consumerTeam").asString()).isEqualTo("marketing");
        assertThat(data.path("consumerProduct").asString()).isEqualTo("marketing-campaigns");
        assertThat(data.path("status").asString()).isEqualTo("approved");
        assertThat(data.path("provisioning").asString()).isEqualTo("granted");
        assertThat(data.path("comment").asString()).isEqualTo("role granted");
        assertThat(data(feed.get(0)).path("provisioning").isNull()).isTrue();
    }

    @Test
    void an_agreements_events_are_read_by_its_two_teams_and_governance_only() {
        String start = Feed.tail("carol");
        UUID agreement = UUID.randomUUID();
        announce(step(agreement, AccessEvent.Type.REQUESTED, AgreementStatus.REQUESTED, null, null));

        assertThat(about(Feed.after("alice", start, 1000), agreement.toString()))
                .as("alice, of the providing team")
                .hasSize(1);
        assertThat(about(Feed.after("bob", start, 1000), agreement.toString()))
                .as("bob, of the consumer team")
                .hasSize(1);
        assertThat(about(Feed.after("carol", start, 1000), agreement.toString()))
                .as("carol, governance")
                .hasSize(1);
        assertThat(about(Feed.after("dave", start, 1000), agreement.toString()))
                .as("dave, of neither")
                .isEmpty();
    }

    private void announce(AccessEvent event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    private static AccessEvent step(
            UUID agreement,
            AccessEvent.Type type,
            AgreementStatus status,
            @Nullable Provisioning provisioning,
            @Nullable String comment) {
        return new AccessEvent(
                type,
                agreement,
                "sales-orders",
                "orders",
                "1.0.0",
                "sales-orders-v1",
                "1.0.0",
                "sales",
                "marketing",
                "marketing-campaigns",
                status,
                provisioning,
                "alice",
                Instant.parse("2026-12-01T10:00:00Z"),
                comment,
                false);
    }
}

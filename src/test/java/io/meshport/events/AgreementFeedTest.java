package io.meshport.events;

import static io.meshport.events.Feed.about;
import static io.meshport.events.Feed.data;
import static io.meshport.events.Feed.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.meshport.access.AccessRequest;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.access.Provisioning;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;

/**
 * The agreement's life through the access service, as the platform's feed tells it: each step once,
 * in the order taken, and nothing for a step the service refused.
 */
@MeshportTest
class AgreementFeedTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    AccessService access;

    @Test
    void request_approval_grant_and_revocation_appear_once_each_in_order() {
        String start = Feed.tail("carol");
        String product = salesProduct("owners");
        Agreement requested = asBob(() -> access.request(request(product)));
        asAlice(() -> access.decide(requested.id(), AccessService.Decision.APPROVE, "Go ahead", null));
        asAlice(() -> access.reportProvisioning(requested.id(), Provisioning.GRANTED, "role added"));
        asAlice(() -> access.revoke(requested.id(), "Campaign over"));

        List<CloudEvent> events =
                about(Feed.after("bob", start, 100), requested.id().toString());
        assertThat(types(events))
                .containsExactly(
                        "io.meshport.access.requested",
                        "io.meshport.access.approved",
                        "io.meshport.access.provisioning.reported",
                        "io.meshport.access.revoked");
        JsonNode approved = data(events.get(1));
        assertThat(approved.path("product").asString()).isEqualTo(product);
        assertThat(approved.path("outputPort").asString()).isEqualTo("orders");
        assertThat(approved.path("outputPortVersion").asString()).isEqualTo("1.0.0");
        assertThat(approved.path("contractId").asString()).isEqualTo(product + "-contract");
        assertThat(approved.path("contractVersion").asString()).isEqualTo("1.0.0");
        assertThat(approved.path("providerTeam").asString()).isEqualTo("sales");
        assertThat(approved.path("consumerTeam").asString()).isEqualTo("marketing");
        assertThat(approved.path("status").asString()).isEqualTo("approved");
        assertThat(approved.path("provisioning").asString()).isEqualTo("pending");
        assertThat(approved.path("comment").asString()).isEqualTo("Go ahead");
        JsonNode granted = data(events.get(2));
        assertThat(granted.path("provisioning").asString()).isEqualTo("granted");
        assertThat(granted.path("comment").asString()).isEqualTo("role added");
        assertThat(data(events.get(3)).path("status").asString()).isEqualTo("revoked");

        assertThat(about(Feed.after("alice", start, 100), requested.id().toString()))
                .as("the providing team reads them too")
                .hasSize(4);
        assertThat(about(Feed.after("dave", start, 100), requested.id().toString()))
                .as("nobody else does")
                .isEmpty();
    }

    @Test
    void a_rejection_a_cancellation_and_an_automatic_approval_are_events_and_a_refused_step_is_none() {
        String start = Feed.tail("carol");
        String owners = salesProduct("owners");
        Agreement rejected = asBob(() -> access.request(request(owners)));
        assertThatThrownBy(() -> asBob(() -> access.decide(rejected.id(), AccessService.Decision.APPROVE, null, null)))
                .as("the consumer does not approve its own request")
                .isInstanceOf(AccessDeniedException.class);
        asAlice(() -> access.decide(rejected.id(), AccessService.Decision.REJECT, "Not this quarter", null));
        Agreement cancelled = asBob(() -> access.request(request(owners)));
        asBob(() -> access.cancel(cancelled.id(), "No longer needed"));

        String automatic = salesProduct("automatic");
        Agreement approved = asBob(() -> access.request(request(automatic)));

        List<CloudEvent> events = Feed.after("carol", start, 100);
        assertThat(types(about(events, rejected.id().toString())))
                .containsExactly("io.meshport.access.requested", "io.meshport.access.rejected");
        assertThat(types(about(events, cancelled.id().toString())))
                .containsExactly("io.meshport.access.requested", "io.meshport.access.cancelled");
        List<CloudEvent> auto = about(events, approved.id().toString());
        assertThat(types(auto)).containsExactly("io.meshport.access.requested", "io.meshport.access.approved");
        assertThat(data(auto.getLast()).path("automatic").asBoolean()).isTrue();
    }

    private static AccessRequest request(String product) {
        return new AccessRequest(product, "orders", null, "Campaign *attribution*", "marketing", null, null, null);
    }

    private String salesProduct(String approval) {
        String id = "events-access-" + UUID.randomUUID().toString().substring(0, 8);
        String contract = """
                apiVersion: v3.0.2
                kind: DataContract
                id: %s-contract
                version: 1.0.0
                status: active
                slaProperties:
                  - property: latency
                    value: 4
                    unit: h
                """.formatted(id);
        String yaml = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %1$s
                name: Orders %1$s
                status: active
                description:
                  purpose: Every order placed through the web shop, for attribution.
                team:
                  name: sales
                outputPorts:
                  - name: orders
                    version: 1.0.0
                    contractId: %1$s-contract
                    customProperties:
                      - property: accessApproval
                        value: %2$s
                """.formatted(id, approval);
        asAlice(() -> catalog.publishContract(null, contract, DocumentFormat.YAML, "sales", null));
        asAlice(() -> catalog.publishProduct(null, yaml, DocumentFormat.YAML, null, null));
        return id;
    }

    private static <T> T asAlice(Supplier<T> work) {
        return RunAs.user("alice", List.of("sales"), work);
    }

    private static <T> T asBob(Supplier<T> work) {
        return RunAs.user("bob", List.of("marketing"), work);
    }
}

package io.meshport.events;

import io.meshport.access.AccessEvent;
import io.meshport.catalog.ContractVersionPublished;
import io.meshport.catalog.ProductPublished;
import io.meshport.governance.PolicyViolated;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the access and catalog events a platform acts on into events of the feed. Plain,
 * synchronous listeners: they run in the transaction that publishes the domain event, so the
 * feed's event is written with the change (and a listener that fails refuses the change), not
 * after commit, when a crash could lose it.
 *
 * <p>Agreements are read by their two teams (and governance); product and contract events by
 * every signed-in caller, as the catalog itself is.
 */
@Component
class PlatformEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FeedRecorder recorder;
    private final Clock clock;

    PlatformEvents(FeedRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    @EventListener
    void on(AccessEvent event) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("agreement", event.agreementId().toString());
        data.put("product", event.productId());
        data.put("outputPort", event.outputPort());
        data.put("outputPortVersion", event.outputPortVersion());
        data.put("contractId", event.contractId());
        data.put("contractVersion", event.contractVersion());
        data.put("providerTeam", event.providerTeam());
        data.put("consumerTeam", event.consumerTeam());
        data.put("consumerProduct", event.consumerProduct());
        data.put("status", event.status().value());
        data.put(
                "provisioning",
                event.provisioning() == null ? null : event.provisioning().value());
        data.put("automatic", event.automatic());
        data.put("actor", event.actor());
        data.put("comment", event.comment());
        List<String> readers = event.providerTeam().equals(event.consumerTeam())
                ? List.of(event.providerTeam())
                : List.of(event.providerTeam(), event.consumerTeam());
        recorder.record(new PendingEvent(
                UUID.randomUUID(),
                EventTypes.of(event.type()),
                EventTypes.ACCESS_SOURCE,
                event.agreementId().toString(),
                event.at(),
                JSON.writeValueAsString(data),
                readers));
    }

    /**
     * A product becoming active is published; becoming deprecated or retired is announced too. A
     * write that leaves the status as it was (a new description, say) is no event for a platform.
     */
    @EventListener
    void on(ProductPublished event) {
        if (event.status() == event.previousStatus()) {
            return;
        }
        String type =
                switch (event.status()) {
                    case ACTIVE -> EventTypes.PRODUCT_PUBLISHED;
                    case DEPRECATED -> EventTypes.PRODUCT_DEPRECATED;
                    case RETIRED -> EventTypes.PRODUCT_RETIRED;
                    case PROPOSED, DRAFT -> null;
                };
        if (type == null) {
            return;
        }
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("id", event.productId());
        data.put("name", event.name());
        data.put("team", event.ownerTeam());
        data.put("status", event.status().value());
        data.put(
                "previousStatus",
                event.previousStatus() == null ? null : event.previousStatus().value());
        data.put("version", event.version());
        recorder.record(new PendingEvent(
                UUID.randomUUID(),
                type,
                EventTypes.PRODUCT_SOURCE,
                event.productId(),
                clock.instant(),
                JSON.writeValueAsString(data),
                null));
    }

    @EventListener
    void on(ContractVersionPublished event) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("id", event.contractId());
        data.put("name", event.contractName());
        data.put("team", event.ownerTeam());
        data.put("version", event.version());
        data.put("previousVersion", event.previousVersion());
        data.put("breaking", event.breaking());
        data.put("changes", event.changes());
        data.put("publishedBy", event.publishedBy());
        recorder.record(new PendingEvent(
                UUID.randomUUID(),
                EventTypes.CONTRACT_VERSION_PUBLISHED,
                EventTypes.CONTRACT_SOURCE,
                event.contractId(),
                clock.instant(),
                JSON.writeValueAsString(data),
                null));
    }

    /**
     * A product newly breaks a global policy: a platform may act on it (flag the data set, open a
     * ticket). Its subject is the policy (a resource of {@code /api/v1/policies}), the product is in
     * its data, so that a platform following a product's own events sees no new kind among them;
     * readable by every signed-in caller, as policy results are.
     */
    @EventListener
    void on(PolicyViolated event) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put("policy", event.policyId());
        data.put("title", event.policyTitle());
        data.put("severity", event.severity().value());
        data.put("mode", event.mode().value());
        data.put("product", event.productId());
        data.put("productName", event.productName());
        data.put("team", event.ownerTeam());
        data.put("message", event.message());
        recorder.record(new PendingEvent(
                UUID.randomUUID(),
                EventTypes.POLICY_VIOLATED,
                EventTypes.POLICY_SOURCE,
                event.policyId(),
                event.at(),
                JSON.writeValueAsString(data),
                null));
    }
}

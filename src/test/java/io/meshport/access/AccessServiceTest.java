package io.meshport.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The agreement's life through the service, as the demo users, on real PostgreSQL. */
@MeshportTest
@RecordApplicationEvents
class AccessServiceTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    AccessService access;

    @Autowired
    ApplicationEvents events;

    @Test
    void a_request_approved_by_the_providing_team_is_pending_until_its_pipeline_reports_the_grant() {
        String product = salesProduct("owners");
        Agreement requested = asBob(() -> access.request(request(product, "marketing")));
        assertThat(requested.status()).isEqualTo(AgreementStatus.REQUESTED);
        assertThat(requested.provisioning()).isNull();
        assertThat(requested.contractVersion()).isEqualTo("1.0.0");

        Agreement approved = asAlice(
                () -> access.decide(requested.id(), AccessService.Decision.APPROVE, "Go ahead", requested.revision()));
        assertThat(approved.status()).isEqualTo(AgreementStatus.APPROVED);
        assertThat(approved.provisioning()).isEqualTo(Provisioning.PENDING);
        assertThat(approved.decidedBy()).isEqualTo("alice");

        Agreement granted =
                asAlice(() -> access.reportProvisioning(requested.id(), Provisioning.GRANTED, "role added"));
        assertThat(granted.provisioning()).isEqualTo(Provisioning.GRANTED);
        assertThat(asBob(() -> access.history(requested.id())))
                .extracting(AgreementStep::action)
                .containsExactly("requested", "approved", "provisioning granted");
        assertThat(events.stream(AccessEvent.class).filter(e -> e.agreementId().equals(requested.id())))
                .extracting(AccessEvent::type)
                .containsExactly(
                        AccessEvent.Type.REQUESTED, AccessEvent.Type.APPROVED, AccessEvent.Type.PROVISIONING_REPORTED);
    }

    @Test
    void governance_does_not_decide_its_own_teams_request_for_another_teams_port() {
        String product = salesProduct("owners");
        Agreement requested = asCarol(() -> access.request(request(product, "finance")));
        assertThatThrownBy(
                        () -> asCarol(() -> access.decide(requested.id(), AccessService.Decision.APPROVE, null, null)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("sales");
        assertThatThrownBy(() -> asBob(() -> access.find(requested.id()).orElseThrow()))
                .isInstanceOf(java.util.NoSuchElementException.class);
        Agreement rejected =
                asAlice(() -> access.decide(requested.id(), AccessService.Decision.REJECT, "Not for finance", null));
        assertThat(rejected.status()).isEqualTo(AgreementStatus.REJECTED);
    }

    @Test
    void a_port_that_decides_automatically_approves_at_once() {
        String product = salesProduct("automatic");
        Agreement agreement = asBob(() -> access.request(request(product, "marketing")));
        assertThat(agreement.status()).isEqualTo(AgreementStatus.APPROVED);
        assertThat(agreement.automatic()).isTrue();
        assertThat(agreement.provisioning()).isEqualTo(Provisioning.PENDING);
        assertThatThrownBy(() -> asBob(() -> access.request(request(product, "marketing"))))
                .isInstanceOf(AgreementConflictException.class);
    }

    @Test
    void nobody_asks_for_their_own_product_nor_for_a_team_they_are_not_in() {
        String product = salesProduct("owners");
        assertThatThrownBy(() -> asAlice(() -> access.request(request(product, "sales"))))
                .isInstanceOf(InvalidAccessRequestException.class)
                .hasMessageContaining("Invalid access request");
        assertThatThrownBy(() -> RunAs.user("dave", List.of(), () -> access.request(request(product, "marketing"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(RunAs.user("dave", List.of(), () -> access.teamsThatMayRequest(product)))
                .isEmpty();
        assertThat(asCarol(() -> access.teamsThatMayRequest(product))).containsExactly("finance", "mesh-admins");
    }

    private static AccessRequest request(String product, String team) {
        return new AccessRequest(product, "orders", null, "Campaign *attribution*", team, null, null, null);
    }

    private String salesProduct(String approval) {
        String id = "access-" + UUID.randomUUID().toString().substring(0, 8);
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

    private static <T> T asCarol(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }
}

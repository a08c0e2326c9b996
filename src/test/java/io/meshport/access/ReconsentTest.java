package io.meshport.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.ContractVersionPublished;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import io.meshport.testing.RunAs;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A breaking version of a contract asks the consumers of approved agreements on it to consent
 * again, once; until they do, the agreement shows the version it was made for. A version that
 * breaks nothing asks nothing. The event is published as the catalog publishes it: inside the
 * writing transaction, heard after the commit.
 */
@MeshportTest
class ReconsentTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    AccessService access;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    AccessTestProduct product;

    @BeforeEach
    void aSalesProduct() {
        product = AccessTestProduct.publish(catalog, AccessTestProduct.stem("rc"), null);
    }

    @Test
    void a_breaking_version_asks_each_approved_agreement_to_consent_once_and_consent_clears_it() {
        Agreement agreement = approved();
        // finance asks as well and is left undecided: a request agrees to nothing yet.
        Agreement undecided =
                RunAs.user("carol", List.of("finance", "mesh-admins"), () -> access.request(request("finance")));

        publish("2.0.0", true);
        publish("2.0.0", true);

        Agreement now = asBob(() -> access.find(agreement.id()).orElseThrow());
        assertThat(now.reconsentVersion()).isEqualTo("2.0.0");
        assertThat(now.contractVersion()).isEqualTo("1.0.0");
        assertThat(now.status()).isEqualTo(AgreementStatus.APPROVED);
        assertThat(steps(agreement, "re-consent requested")).hasSize(1);
        assertThat(RunAs.user("carol", List.of("finance", "mesh-admins"), () -> access.find(undecided.id())
                                .orElseThrow())
                        .reconsentVersion())
                .isNull();

        Agreement consented = asBob(() -> access.consent(agreement.id()));
        assertThat(consented.reconsentVersion()).isNull();
        assertThat(consented.contractVersion()).isEqualTo("2.0.0");
        assertThatThrownBy(() -> asBob(() -> access.consent(agreement.id())))
                .isInstanceOf(AgreementConflictException.class);

        // Published again after the consent: the agreement is made for that version now.
        publish("2.0.0", true);
        assertThat(steps(agreement, "re-consent requested")).hasSize(1);
    }

    @Test
    void a_version_that_breaks_nothing_asks_nothing() {
        Agreement agreement = approved();
        publish("1.1.0", false);
        Agreement now = asBob(() -> access.find(agreement.id()).orElseThrow());
        assertThat(now.reconsentVersion()).isNull();
        assertThat(steps(agreement, "re-consent requested")).isEmpty();
    }

    @Test
    void a_later_breaking_version_asks_again_for_that_version() {
        Agreement agreement = approved();
        publish("2.0.0", true);
        publish("3.0.0", true);
        assertThat(asBob(() -> access.find(agreement.id()).orElseThrow()).reconsentVersion())
                .isEqualTo("3.0.0");
        assertThat(steps(agreement, "re-consent requested"))
                .extracting(AgreementStep::comment)
                .containsExactly("2.0.0", "3.0.0");
    }

    @Test
    void a_breaking_major_version_published_through_the_catalog_asks_and_a_harmless_one_does_not() {
        Agreement agreement = approved();

        publishThroughCatalog("1.1.0", true);
        PendingEvents.awaitHandled(jdbc, product.contractId());
        assertThat(asBob(() -> access.find(agreement.id()).orElseThrow()).reconsentVersion())
                .isNull();

        // The note goes: breaking, hence a new major version.
        publishThroughCatalog("2.0.0", false);
        PendingEvents.awaitHandled(jdbc, product.contractId());
        Agreement now = asBob(() -> access.find(agreement.id()).orElseThrow());
        assertThat(now.reconsentVersion()).isEqualTo("2.0.0");
        assertThat(now.contractVersion()).isEqualTo("1.0.0");
        assertThat(steps(agreement, "re-consent requested")).hasSize(1);
    }

    private void publishThroughCatalog(String version, boolean withNote) {
        RunAs.user(
                "alice",
                List.of("sales"),
                () -> catalog.publishContract(
                        null,
                        AccessTestProduct.contract(product.contractId(), version, withNote),
                        DocumentFormat.YAML,
                        "sales",
                        null));
    }

    /** As the catalog publishes it: in the writing transaction; then waits for the listener. */
    private void publish(String version, boolean breaking) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(new ContractVersionPublished(
                product.contractId(),
                null,
                "sales",
                version,
                "1.0.0",
                breaking,
                breaking ? List.of("Removed property orders.customer_id") : List.of("Added property orders.note"),
                "alice")));
        PendingEvents.awaitHandled(jdbc, product.contractId());
    }

    private Agreement approved() {
        Agreement asked = asBob(() -> access.request(request()));
        return RunAs.user(
                "alice", List.of("sales"), () -> access.decide(asked.id(), AccessService.Decision.APPROVE, null, null));
    }

    private List<AgreementStep> steps(Agreement agreement, String action) {
        return asBob(() -> access.history(agreement.id())).stream()
                .filter(step -> step.action().equals(action))
                .toList();
    }

    private AccessRequest request() {
        return request("marketing");
    }

    private AccessRequest request(String team) {
        return new AccessRequest(product.id(), AccessTestProduct.PORT, null, "Attribution", team, null, null, null);
    }

    private static <T> T asBob(Supplier<T> work) {
        return RunAs.user("bob", List.of("marketing"), work);
    }
}

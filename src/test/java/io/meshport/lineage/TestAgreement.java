package io.meshport.lineage;

import io.meshport.access.AccessRequest;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.RunAs;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Data usage agreements for lineage tests, made as people make them: bob asks for a sales
 * product's port on behalf of marketing (optionally for one of marketing's products), and alice,
 * of the providing team, approves.
 */
final class TestAgreement {

    private TestAgreement() {}

    /** An approved agreement of marketing on the port ({@code out<n>} of {@link TestProduct}). */
    static UUID approved(AccessService access, String productId, String port, @Nullable String consumerProduct) {
        UUID id = requested(access, productId, port, consumerProduct);
        Agreement approved = asAlice(() -> access.decide(id, AccessService.Decision.APPROVE, "Go ahead", null));
        return approved.id();
    }

    /** A request of marketing for the port, not decided yet. */
    static UUID requested(AccessService access, String productId, String port, @Nullable String consumerProduct) {
        return asBob(() -> access.request(new AccessRequest(
                        productId, port, null, "Campaign *attribution*", "marketing", consumerProduct, null, null)))
                .id();
    }

    /**
     * Publishes a contract document, owned by sales, with a service level: an active product's
     * ports need one, and agreements on the port pin its version.
     */
    static void contract(CatalogService catalog, String contractId, String version) {
        String yaml = """
                apiVersion: v3.0.2
                kind: DataContract
                id: %s
                version: %s
                status: active
                slaProperties:
                  - property: latency
                    value: 4
                    unit: h
                """.formatted(contractId, version);
        asAlice(() -> catalog.publishContract(null, yaml, DocumentFormat.YAML, "sales", null));
    }

    private static <T> T asAlice(Supplier<T> work) {
        return RunAs.user("alice", List.of("sales"), work);
    }

    private static <T> T asBob(Supplier<T> work) {
        return RunAs.user("bob", List.of("marketing"), work);
    }
}

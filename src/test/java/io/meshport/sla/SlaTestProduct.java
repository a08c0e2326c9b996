package io.meshport.sla;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.RunAs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A product of team sales with one output port {@code out} whose contract declares the given SLA
 * properties, optionally consuming other products' contracts. Ids carry a random stem, as tests
 * share one catalog.
 */
final class SlaTestProduct {

    private final String id;
    private final List<String> sla = new ArrayList<>();
    private final List<String> consumes = new ArrayList<>();

    private SlaTestProduct(String id) {
        this.id = id;
    }

    static String stem(String hint) {
        return hint + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    static SlaTestProduct product(String id) {
        return new SlaTestProduct(id);
    }

    /** An SLA property of the port's contract, e.g. ("latency", "4", "h"). */
    SlaTestProduct promises(String property, String value, String unit) {
        sla.add("  - property: " + property + "\n    value: '" + value + "'\n    unit: '" + unit + "'\n");
        return this;
    }

    /** Consumes (an input port) the contract of another test product's port. */
    SlaTestProduct consumes(String productId) {
        consumes.add(contractOf(productId));
        return this;
    }

    String id() {
        return id;
    }

    static String contractOf(String productId) {
        return productId + "-out-v1";
    }

    /** Creates or replaces the contract and the product through the catalog, as governance. */
    SlaTestProduct publish(CatalogService catalog) {
        StringBuilder contract = new StringBuilder("apiVersion: v3.1.0\nkind: DataContract\n")
                .append("id: ")
                .append(contractOf(id))
                .append("\nversion: 1.0.0\nstatus: active\n");
        if (!sla.isEmpty()) {
            contract.append("slaProperties:\n");
            sla.forEach(contract::append);
        }
        StringBuilder product = new StringBuilder("apiVersion: v1.0.0\nkind: DataProduct\n")
                .append("id: ")
                .append(id)
                .append("\nname: Product ")
                .append(id)
                .append("\nstatus: draft\ndomain: sla-tests\nteam:\n  name: sales\n");
        if (!consumes.isEmpty()) {
            product.append("inputPorts:\n");
            for (int i = 0; i < consumes.size(); i++) {
                product.append("  - name: in")
                        .append(i)
                        .append("\n    version: 1.0.0\n    contractId: ")
                        .append(consumes.get(i))
                        .append('\n');
            }
        }
        product.append("outputPorts:\n  - name: out\n    version: 1.0.0\n    contractId: ")
                .append(contractOf(id))
                .append('\n');
        asGovernance(() -> {
            catalog.publishContract(null, contract.toString(), DocumentFormat.YAML, "sales", null);
            return catalog.publishProduct(id, product.toString(), DocumentFormat.YAML, null, null);
        });
        return this;
    }

    static <T> T asGovernance(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }

    static <T> T asSales(Supplier<T> work) {
        return RunAs.user("alice", List.of("sales"), work);
    }
}

package io.meshport.access;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.RunAs;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A fresh active product of team sales with one output port {@code out} (1.0.0) providing a
 * contract of its own ({@code <id>-contract}, 1.0.0), published through the catalog as alice.
 *
 * @param approval the port's {@code accessApproval} custom property; null for none (owners decide)
 */
record AccessTestProduct(String id, String contractId) {

    static final String PORT = "out";

    /** A short random stem, so that tests sharing one catalog never meet. */
    static String stem(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    static AccessTestProduct publish(CatalogService catalog, String id, @Nullable String approval) {
        String contractId = id + "-contract";
        String contract = contract(contractId, "1.0.0", true);
        String product = "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: Product " + id
                + "\nstatus: active\ndomain: access-tests\ndescription:\n  purpose: Shared with those who ask.\n"
                + "team:\n  name: sales\noutputPorts:\n  - name: " + PORT + "\n    version: 1.0.0\n    contractId: "
                + contractId + "\n"
                + (approval == null
                        ? ""
                        : "    customProperties:\n      - property: accessApproval\n        value: " + approval + "\n");
        RunAs.user("alice", List.of("sales"), () -> {
            catalog.publishContract(null, contract, DocumentFormat.YAML, "sales", null);
            return catalog.publishProduct(id, product, DocumentFormat.YAML, null, null);
        });
        return new AccessTestProduct(id, contractId);
    }

    /**
     * The product's contract in a version: an {@code orders} object with an id and, when {@code
     * withNote}, a note (removing it is a breaking change), and a freshness objective.
     */
    static String contract(String contractId, String version, boolean withNote) {
        return "apiVersion: v3.1.0\nkind: DataContract\nid: " + contractId + "\nversion: " + version
                + "\nstatus: active\nslaProperties:\n  - property: latency\n    value: 1\n    unit: d\n"
                + "schema:\n  - name: orders\n    properties:\n      - name: id\n        logicalType: string\n"
                + (withNote ? "      - name: note\n        logicalType: string\n" : "");
    }
}

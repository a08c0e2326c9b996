package io.meshport.testing;

import org.jspecify.annotations.Nullable;

/** Small ODPS documents for tests that need a product and care only about its id, team and status. */
public final class TestDocuments {

    private TestDocuments() {}

    /** A minimal product, named "Product {id}", owned by {@code team} (none: the document names no team). */
    public static String product(String id, @Nullable String team, String status) {
        return """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: Product %s
                status: %s
                """.formatted(id, id, status) + (team == null ? "" : "team:\n  name: " + team + "\n");
    }

    /** A draft product as {@link #product} does, owned by {@code team}, with one output port "out". */
    public static String draftWithOutputPort(String id, String team) {
        return product(id, team, "draft") + """
                outputPorts:
                  - name: out
                    version: "1.0.0"
                """;
    }
}

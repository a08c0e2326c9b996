package io.meshport.lineage;

import io.meshport.catalog.ProductStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A product's lineage neighbourhood: the products reached within the requested depth, the edges
 * between them ({@code from} is upstream of {@code to}), and the input contracts no product in the
 * catalog provides yet. {@code truncated} says the walk stopped at the node cap.
 */
public record LineageGraph(
        String root, List<Node> nodes, List<Edge> edges, List<UnresolvedInput> unresolved, boolean truncated) {

    /** A product in the graph; {@code depth} is its distance from the root (upstream negative). */
    public record Node(String id, String name, @Nullable String domain, String team, ProductStatus status, int depth) {}

    /** {@code from} provides the contract {@code to} consumes. */
    public record Edge(String from, String to, String contractId) {}

    /** An input of {@code product} naming a contract that no output port in the catalog offers. */
    public record UnresolvedInput(String product, String contractId) {}
}

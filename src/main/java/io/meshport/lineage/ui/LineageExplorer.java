package io.meshport.lineage.ui;

import io.meshport.lineage.Direction;
import io.meshport.lineage.LineageGraph;
import io.meshport.lineage.LineageGraph.Edge;
import io.meshport.lineage.LineageGraph.Node;
import io.meshport.lineage.LineageGraph.UnresolvedInput;
import io.meshport.lineage.ProvenanceFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a product's lineage a person has explored so far: it opens at a depth each way and
 * grows one hop at a time from any node, asking the lineage source only for what is new. Depths
 * stay relative to the root (upstream negative), whichever node an expansion started from.
 */
final class LineageExplorer {

    /**
     * Where lineage comes from: in the portal, {@code LineageService::lineage}, following the
     * edges of the provenance shown.
     */
    @FunctionalInterface
    interface Source {
        LineageGraph lineage(String productId, Direction direction, int depth, int maxNodes, ProvenanceFilter shown);
    }

    /** The most products one exploration holds; the table lists them all, the graph draws fewer. */
    static final int MAX_NODES = 2000;

    private final Source source;
    private final String root;
    private final ProvenanceFilter shown;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Set<Edge> edges = new LinkedHashSet<>();
    private final Set<UnresolvedInput> unresolved = new LinkedHashSet<>();
    private final Set<String> expandedUpstream = new HashSet<>();
    private final Set<String> expandedDownstream = new HashSet<>();
    private boolean truncated;

    private LineageExplorer(Source source, String root, ProvenanceFilter shown) {
        this.source = source;
        this.root = root;
        this.shown = shown;
    }

    /** The root's lineage, {@code depth} hops upstream and downstream, declared and observed. */
    static LineageExplorer open(Source source, String root, int depth) {
        return open(source, root, depth, ProvenanceFilter.ALL);
    }

    /** The root's lineage, {@code depth} hops upstream and downstream, over the edges shown. */
    static LineageExplorer open(Source source, String root, int depth, ProvenanceFilter shown) {
        LineageExplorer explorer = new LineageExplorer(source, root, shown);
        explorer.merge(source.lineage(root, Direction.BOTH, depth, MAX_NODES, shown), 0, Direction.BOTH, depth);
        return explorer;
    }

    /**
     * Adds one more hop upstream or downstream of a node already shown; says whether anything was
     * new. A team node is a leaf: nothing more is found from it.
     */
    boolean expand(String nodeId, Direction direction) {
        Node from = nodes.get(nodeId);
        if (from == null || direction == Direction.BOTH) {
            throw new IllegalArgumentException("Cannot expand " + direction + " of " + nodeId);
        }
        if (from.isTeam()) {
            return false;
        }
        int before = nodes.size() + edges.size() + unresolved.size();
        merge(source.lineage(nodeId, direction, 1, MAX_NODES, shown), from.depth(), direction, 1);
        return nodes.size() + edges.size() + unresolved.size() > before;
    }

    private void merge(LineageGraph graph, int offset, Direction direction, int depth) {
        for (Node node : graph.nodes()) {
            Node placed = node.at(offset + node.depth());
            // A product already shown keeps its depth: the first walk from the root found it at its
            // shortest distance, and an expansion from elsewhere only adds what is new.
            nodes.putIfAbsent(node.id(), placed);
            if (node.isTeam()) {
                expandedUpstream.add(node.id());
                expandedDownstream.add(node.id());
                continue;
            }
            int distance = Math.abs(node.depth());
            if (distance < depth) {
                if (direction != Direction.DOWNSTREAM && node.depth() <= 0) {
                    expandedUpstream.add(node.id());
                }
                if (direction != Direction.UPSTREAM && node.depth() >= 0) {
                    expandedDownstream.add(node.id());
                }
            }
        }
        edges.addAll(graph.edges());
        unresolved.addAll(graph.unresolved());
        truncated |= graph.truncated();
    }

    String root() {
        return root;
    }

    /** The explored lineage as one graph. */
    LineageGraph graph() {
        return new LineageGraph(
                root, List.copyOf(nodes.values()), List.copyOf(edges), List.copyOf(unresolved), truncated);
    }

    /** Whether the node is a consumer team's (a leaf, reached through an agreement). */
    boolean isTeam(String nodeId) {
        Node node = nodes.get(nodeId);
        return node != null && node.isTeam();
    }

    boolean expandedUpstream(String nodeId) {
        return expandedUpstream.contains(nodeId);
    }

    boolean expandedDownstream(String nodeId) {
        return expandedDownstream.contains(nodeId);
    }

    int nodeCount() {
        return nodes.size() + unresolved.size();
    }

    /** The products besides the root, nearest first: what the table view lists. */
    List<Node> neighbours() {
        List<Node> list = new ArrayList<>(nodes.values());
        list.removeIf(node -> node.id().equals(root));
        list.sort((a, b) -> a.depth() != b.depth()
                ? Integer.compare(
                        Math.abs(a.depth()) * 2 + (a.depth() > 0 ? 1 : 0),
                        Math.abs(b.depth()) * 2 + (b.depth() > 0 ? 1 : 0))
                : a.name().compareToIgnoreCase(b.name()));
        return list;
    }
}

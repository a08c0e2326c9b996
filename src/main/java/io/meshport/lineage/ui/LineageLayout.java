package io.meshport.lineage.ui;

import io.meshport.lineage.LineageGraph;
import io.meshport.lineage.LineageGraph.Edge;
import io.meshport.lineage.LineageGraph.Node;
import io.meshport.lineage.LineageGraph.Provenance;
import io.meshport.lineage.LineageGraph.UnresolvedInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.jspecify.annotations.Nullable;

/**
 * Lays the explored lineage out left (upstream) to right (downstream) with ELK's layered
 * algorithm, on the server: the browser receives finished positions and only draws, so a large
 * neighbourhood never freezes it (see docs/decisions/0007-frontend-build.md). Optionally groups
 * products by domain, and shows a collapsed domain as one node.
 */
final class LineageLayout {

    static final double NODE_WIDTH = 200;
    static final double NODE_HEIGHT = 66;
    static final String NO_DOMAIN = "(no domain)";

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    enum Kind {
        PRODUCT,
        UNRESOLVED,
        DOMAIN,
        /** A consumer team reading a port through an agreement, without naming one of its products. */
        TEAM
    }

    /** A node as drawn; {@code x}/{@code y} are its centre. */
    record PlacedNode(
            String id,
            Kind kind,
            String name,
            @Nullable String domain,
            @Nullable String team,
            @Nullable String status,
            int depth,
            @Nullable String parent,
            boolean root,
            boolean expandedUpstream,
            boolean expandedDownstream,
            int members,
            double x,
            double y) {}

    record Group(String id, String domain) {}

    /**
     * An edge as drawn: several contracts (or agreements) between the same two nodes are one edge
     * of each kind. {@code contracts} are the contracts a declared edge carries, or one line per
     * agreement of an agreement edge (port, contract version, provisioning). {@code provenance}
     * is what the edges drawn as one are together: declared, observed (pipeline runs only) or
     * both; {@code lastObservedAt} the newest run that used them, when observed.
     */
    record PlacedEdge(
            String id,
            String from,
            String to,
            String kind,
            List<String> contracts,
            String provenance,
            @Nullable String lastObservedAt) {}

    record Drawing(
            String root,
            boolean grouped,
            boolean truncated,
            int productCount,
            List<Group> groups,
            List<PlacedNode> nodes,
            List<PlacedEdge> edges) {}

    private LineageLayout() {}

    /** Warms ELK up (class loading, JIT) so that the first lineage someone opens is not the slow one. */
    static void warmUp() {
        LineageGraph graph = new LineageGraph(
                "a",
                List.of(
                        new Node("a", "a", "d", "t", io.meshport.catalog.ProductStatus.ACTIVE, 0),
                        new Node("b", "b", "d", "t", io.meshport.catalog.ProductStatus.ACTIVE, 1)),
                List.of(new Edge("a", "b", "c")),
                List.of(),
                false);
        layout(graph, id -> false, id -> false, true, Set.of());
        layout(graph, id -> false, id -> false, false, Set.of());
    }

    interface Flag {
        boolean test(String id);
    }

    static Drawing layout(
            LineageGraph graph,
            Flag expandedUpstream,
            Flag expandedDownstream,
            boolean grouped,
            Set<String> collapsedDomains) {
        ElkNode elkRoot = ElkGraphUtil.createGraph();
        elkRoot.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        elkRoot.setProperty(CoreOptions.DIRECTION, org.eclipse.elk.core.options.Direction.RIGHT);
        elkRoot.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        elkRoot.setProperty(LayeredOptions.SPACING_NODE_NODE, 22.0);
        elkRoot.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 80.0);
        elkRoot.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, 40.0);

        // Which drawn node stands for each product: itself, or its collapsed domain.
        Map<String, String> drawnAs = new LinkedHashMap<>();
        Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
        Map<String, ElkNode> elkGroups = new TreeMap<>();
        Map<String, Integer> domainSizes = new TreeMap<>();
        List<PlacedNode> templates = new ArrayList<>();

        for (Node node : graph.nodes()) {
            domainSizes.merge(domainOf(node), 1, Integer::sum);
        }
        for (Node node : graph.nodes()) {
            if (node.isTeam()) {
                // A team belongs to no domain and has nothing downstream: never grouped, a leaf.
                drawnAs.put(node.id(), node.id());
                elkNodes.put(node.id(), box(elkRoot, node.id()));
                templates.add(new PlacedNode(
                        node.id(),
                        Kind.TEAM,
                        node.name(),
                        null,
                        node.team(),
                        null,
                        node.depth(),
                        null,
                        false,
                        true,
                        true,
                        1,
                        0,
                        0));
                continue;
            }
            String domain = domainOf(node);
            boolean root = node.id().equals(graph.root());
            if (grouped && collapsedDomains.contains(domain) && !root) {
                String id = "domain:" + domain;
                drawnAs.put(node.id(), id);
                if (!elkNodes.containsKey(id)) {
                    elkNodes.put(id, box(elkRoot, id));
                    templates.add(new PlacedNode(
                            id,
                            Kind.DOMAIN,
                            domain,
                            domain,
                            null,
                            null,
                            node.depth(),
                            null,
                            false,
                            true,
                            true,
                            (int) graph.nodes().stream()
                                    .filter(n ->
                                            !n.isTeam() && domainOf(n).equals(domain) && !n.id().equals(graph.root()))
                                    .count(),
                            0,
                            0));
                }
                continue;
            }
            ElkNode parent = elkRoot;
            String parentId = null;
            if (grouped) {
                parentId = "group:" + domain;
                parent = elkGroups.computeIfAbsent(parentId, id -> {
                    ElkNode group = ElkGraphUtil.createNode(elkRoot);
                    group.setIdentifier(id);
                    group.setProperty(CoreOptions.PADDING, new ElkPadding(34, 14, 14, 14));
                    return group;
                });
            }
            drawnAs.put(node.id(), node.id());
            elkNodes.put(node.id(), box(parent, node.id()));
            templates.add(new PlacedNode(
                    node.id(),
                    Kind.PRODUCT,
                    node.name(),
                    node.domain(),
                    node.team(),
                    node.status() == null ? null : node.status().value(),
                    node.depth(),
                    parentId,
                    root,
                    expandedUpstream.test(node.id()),
                    expandedDownstream.test(node.id()),
                    1,
                    0,
                    0));
        }

        for (UnresolvedInput input : graph.unresolved()) {
            String consumer = drawnAs.get(input.product());
            if (consumer == null) {
                continue;
            }
            String id = "unresolved:" + input.product() + ":" + input.contractId();
            elkNodes.put(id, box(elkRoot, id));
            Node product = graph.nodes().stream()
                    .filter(n -> n.id().equals(input.product()))
                    .findFirst()
                    .orElseThrow();
            templates.add(new PlacedNode(
                    id,
                    Kind.UNRESOLVED,
                    "unresolved: " + input.contractId(),
                    null,
                    null,
                    null,
                    product.depth() - 1,
                    null,
                    false,
                    true,
                    true,
                    0,
                    0,
                    0));
            drawnAs.put(id, id);
        }

        // Edges between drawn nodes; several contracts between the same two are one edge.
        Map<String, PlacedEdge> edges = new LinkedHashMap<>();
        for (Edge edge : graph.edges()) {
            addEdge(
                    edges,
                    drawnAs.get(edge.from()),
                    drawnAs.get(edge.to()),
                    edge.isAgreement(),
                    edgeText(edge),
                    edge.provenance(),
                    edge.lastObservedAt());
        }
        for (UnresolvedInput input : graph.unresolved()) {
            addEdge(
                    edges,
                    drawnAs.get("unresolved:" + input.product() + ":" + input.contractId()),
                    drawnAs.get(input.product()),
                    false,
                    input.contractId(),
                    Provenance.DECLARED,
                    null);
        }
        for (PlacedEdge edge : edges.values()) {
            ElkEdge elkEdge = ElkGraphUtil.createSimpleEdge(elkNodes.get(edge.from()), elkNodes.get(edge.to()));
            ElkGraphUtil.updateContainment(elkEdge);
        }

        new RecursiveGraphLayoutEngine().layout(elkRoot, new BasicProgressMonitor());

        List<PlacedNode> placed = new ArrayList<>(templates.size());
        for (PlacedNode node : templates) {
            ElkNode box = elkNodes.get(node.id());
            double x = box.getX() + box.getWidth() / 2;
            double y = box.getY() + box.getHeight() / 2;
            for (ElkNode p = box.getParent(); p != null; p = p.getParent()) {
                x += p.getX();
                y += p.getY();
            }
            placed.add(new PlacedNode(
                    node.id(),
                    node.kind(),
                    node.name(),
                    node.domain(),
                    node.team(),
                    node.status(),
                    node.depth(),
                    node.parent(),
                    node.root(),
                    node.expandedUpstream(),
                    node.expandedDownstream(),
                    node.members(),
                    Math.round(x * 10) / 10.0,
                    Math.round(y * 10) / 10.0));
        }
        List<Group> groups = elkGroups.keySet().stream()
                .map(id -> new Group(id, id.substring("group:".length())))
                .toList();
        return new Drawing(
                graph.root(),
                grouped,
                graph.truncated(),
                graph.nodes().size(),
                groups,
                placed,
                List.copyOf(edges.values()));
    }

    private static void addEdge(
            Map<String, PlacedEdge> edges,
            @Nullable String from,
            @Nullable String to,
            boolean agreement,
            String text,
            Provenance provenance,
            @Nullable Instant lastObservedAt) {
        if (from == null || to == null || from.equals(to)) {
            return;
        }
        // Declared edges keep the id they always had, and an edge observed between the same two
        // nodes is the same edge; an agreement beside one is an edge of its own.
        String id = from + "->" + to + (agreement ? ":agreement" : "");
        PlacedEdge existing = edges.get(id);
        Set<String> contracts = new LinkedHashSet<>(existing == null ? List.of() : existing.contracts());
        if (!text.isEmpty()) {
            contracts.add(text);
        }
        Provenance together = existing == null
                ? provenance
                : Provenance.valueOf(existing.provenance().toUpperCase(java.util.Locale.ROOT))
                        .and(provenance);
        String last = lastObservedAt == null ? null : lastObservedAt.toString();
        if (existing != null
                && existing.lastObservedAt() != null
                && (last == null || Instant.parse(existing.lastObservedAt()).isAfter(lastObservedAt))) {
            last = existing.lastObservedAt();
        }
        String kind = agreement ? "agreement" : together == Provenance.OBSERVED ? "observed" : "declared";
        edges.put(id, new PlacedEdge(id, from, to, kind, List.copyOf(contracts), together.value(), last));
    }

    /** What an edge's tooltip says of it: the contract, or the agreement's port, version and state. */
    static String edgeText(Edge edge) {
        if (!edge.isAgreement()) {
            return Objects.requireNonNullElse(
                    edge.contractId(), edge.provenance().observed() ? "a port without contract" : "");
        }
        StringBuilder text =
                new StringBuilder("port ").append(edge.outputPort()).append('@').append(edge.outputPortVersion());
        if (edge.contractId() != null) {
            text.append(", contract ").append(edge.contractId());
            if (edge.contractVersion() != null) {
                text.append(' ').append(edge.contractVersion());
            }
        }
        if (edge.provisioning() != null) {
            text.append(", provisioning ").append(edge.provisioning());
        }
        return text.toString();
    }

    private static ElkNode box(ElkNode parent, String id) {
        ElkNode node = ElkGraphUtil.createNode(parent);
        node.setIdentifier(id);
        node.setDimensions(NODE_WIDTH, NODE_HEIGHT);
        return node;
    }

    static String domainOf(Node node) {
        return Objects.requireNonNullElse(node.domain(), NO_DOMAIN);
    }
}

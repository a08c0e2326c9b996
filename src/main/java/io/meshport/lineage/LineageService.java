package io.meshport.lineage;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.NotInCatalogException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way into lineage, for the UI and the API alike. Lineage is catalog metadata: everyone
 * signed in may read it. The edges are kept in step with the catalog by {@link LineageMaintenance}
 * and walked in PostgreSQL (see {@link LineageStore}).
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class LineageService {

    /** The most products a lineage graph holds, the product itself included. */
    public static final int MAX_NODES = 500;

    /** The farthest a lineage graph reaches, in hops each way. */
    public static final int MAX_DEPTH = 50;

    /** The most downstream products an impact analysis lists. */
    public static final int MAX_IMPACTED = 10_000;

    private final LineageStore store;

    LineageService(LineageStore store) {
        this.store = store;
    }

    /** The product's lineage within {@code depth} hops, at most {@link #MAX_NODES} products. */
    public LineageGraph lineage(String productId, Direction direction, int depth) {
        return lineage(productId, direction, depth, MAX_NODES);
    }

    /**
     * The product's lineage within {@code depth} hops ({@code 1..}{@link #MAX_DEPTH}): the nearest
     * {@code maxNodes} products (the product included; upstream ones at negative depths), the
     * edges among them, and their unresolved inputs. For both directions each side is walked on
     * its own and the nearest of both are kept.
     *
     * @throws NotInCatalogException when there is no such product
     * @throws InvalidDocumentException when depth or maxNodes is out of range (pointers /depth,
     *     /maxNodes)
     */
    public LineageGraph lineage(String productId, Direction direction, int depth, int maxNodes) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new InvalidDocumentException(
                    "Bad lineage request", "/depth", "depth must be between 1 and " + MAX_DEPTH + ".");
        }
        if (maxNodes < 1) {
            throw new InvalidDocumentException("Bad lineage request", "/maxNodes", "maxNodes must be at least 1.");
        }
        boolean down = direction != Direction.UPSTREAM;
        boolean up = direction != Direction.DOWNSTREAM;
        // One hop (how every lineage view opens) is a single statement; deeper walks are one
        // recursive statement per direction, then one for the edges among the products kept.
        LineageStore.Neighbourhood near = depth == 1 ? store.neighbourhood(productId, down, up, maxNodes) : null;
        List<LineageStore.Reached> reached = new ArrayList<>();
        boolean truncated = false;
        if (down) {
            LineageStore.Walk walk =
                    near != null ? near.downstream() : store.walk(productId, true, depth, maxNodes, null);
            reached.addAll(walk.nodes());
            truncated = walk.truncated();
        }
        if (up) {
            LineageStore.Walk walk =
                    near != null ? near.upstream() : store.walk(productId, false, depth, maxNodes, null);
            walk.nodes().stream()
                    .filter(node -> node.depth() > 0 || reached.isEmpty())
                    .map(node -> node.depth() == 0 ? node : upstream(node))
                    .forEach(reached::add);
            truncated |= walk.truncated();
        }
        if (reached.isEmpty()) {
            throw new NotInCatalogException("No data product '" + productId + "'.");
        }
        // Both sides: the nearest of both, downstream first at equal distance.
        reached.sort(Comparator.comparingInt((LineageStore.Reached node) -> Math.abs(node.depth()))
                .thenComparing(node -> node.depth() < 0));
        // A product both up- and downstream (a cycle stored before cycles were refused) shows once.
        Set<String> seen = new HashSet<>();
        reached.removeIf(node -> !seen.add(node.id()));
        if (reached.size() > maxNodes) {
            reached.subList(maxNodes, reached.size()).clear();
            truncated = true;
        }
        List<String> ids = reached.stream().map(LineageStore.Reached::id).toList();
        List<LineageGraph.Node> nodes = reached.stream()
                .map(node -> new LineageGraph.Node(
                        node.id(), node.name(), node.domain(), node.team(), node.status(), node.depth()))
                .toList();
        LineageStore.Surroundings around =
                near != null ? near.surroundings().among(Set.copyOf(ids)) : store.surroundings(ids);
        List<LineageGraph.Edge> edges = around.edges().stream()
                .map(edge -> new LineageGraph.Edge(edge.from(), edge.to(), edge.contractId()))
                .toList();
        List<LineageGraph.UnresolvedInput> unresolved = around.unresolved().stream()
                .map(input -> new LineageGraph.UnresolvedInput(input.productId(), input.contractId()))
                .toList();
        return new LineageGraph(productId, nodes, edges, unresolved, truncated);
    }

    /** {@link #impact(String, String, int)} with at most {@link #MAX_IMPACTED} products. */
    public Impact impact(String productId, @Nullable String outputPort) {
        return impact(productId, outputPort, MAX_IMPACTED);
    }

    /**
     * Every product downstream of the product, or of one of its output ports, transitively: the
     * nearest {@code maxProducts}, each with its smallest depth and one shortest path.
     *
     * @param outputPort null for the whole product; else an output port's name (all its versions)
     *     or {@code name@version}
     * @throws NotInCatalogException when there is no such product or output port
     */
    public Impact impact(String productId, @Nullable String outputPort, int maxProducts) {
        if (maxProducts < 1 || maxProducts > MAX_IMPACTED) {
            throw new InvalidDocumentException(
                    "Bad impact request", "/limit", "limit must be between 1 and " + MAX_IMPACTED + ".");
        }
        List<String> firstHop = outputPort == null || outputPort.isBlank() ? null : contractsOf(productId, outputPort);
        LineageStore.Walk walk = store.walk(productId, true, Integer.MAX_VALUE, maxProducts + 1, firstHop);
        if (walk.nodes().isEmpty()) {
            throw new NotInCatalogException("No data product '" + productId + "'.");
        }
        // Each product's path back to the start follows the products it was reached from. The
        // walk lists them nearest first, so a product's parent is looked up once, by position,
        // and a path of n hops is n array reads (10,000 products of up to 30 hops each: a
        // look-up by id per hop was most of the time spent here).
        List<LineageStore.Reached> nodes = walk.nodes();
        Map<String, Integer> positions = HashMap.newHashMap(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            positions.put(nodes.get(i).id(), i);
        }
        int[] parents = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            String parent = nodes.get(i).parent();
            parents[i] = parent == null ? -1 : positions.getOrDefault(parent, -1);
        }
        List<Impact.ImpactedProduct> products = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            LineageStore.Reached node = nodes.get(i);
            if (node.depth() == 0) {
                continue;
            }
            String[] path = new String[node.depth() + 1];
            int at = i;
            for (int hop = node.depth(); hop >= 0 && at >= 0; hop--) {
                path[hop] = nodes.get(at).id();
                at = parents[at];
            }
            products.add(new Impact.ImpactedProduct(
                    node.id(), node.name(), node.domain(), node.team(), node.status(), node.depth(), List.of(path)));
        }
        return new Impact(productId, outputPort, products, walk.truncated());
    }

    /** The contracts of the named output port(s); none when the port offers no contract. */
    private List<String> contractsOf(String productId, String outputPort) {
        List<CatalogReadModel.Port> ports = store.outputPorts(productId);
        List<CatalogReadModel.Port> named =
                ports.stream().filter(port -> port.name().equals(outputPort)).toList();
        if (named.isEmpty()) {
            int at = outputPort.lastIndexOf('@');
            if (at > 0) {
                String name = outputPort.substring(0, at);
                String version = outputPort.substring(at + 1);
                named = ports.stream()
                        .filter(port ->
                                port.name().equals(name) && port.version().equals(version))
                        .toList();
            }
        }
        if (named.isEmpty()) {
            throw new NotInCatalogException("Data product '" + productId + "' has no output port '" + outputPort + "'"
                    + (ports.isEmpty() ? "." : "; it has " + portNames(ports) + "."));
        }
        return named.stream()
                .map(CatalogReadModel.Port::contractId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    private static String portNames(List<CatalogReadModel.Port> ports) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        ports.forEach(port -> names.put(port.name() + "@" + port.version(), true));
        return String.join(", ", names.keySet());
    }

    private static LineageStore.Reached upstream(LineageStore.Reached node) {
        return new LineageStore.Reached(
                node.id(), -node.depth(), node.parent(), node.name(), node.domain(), node.team(), node.status());
    }
}

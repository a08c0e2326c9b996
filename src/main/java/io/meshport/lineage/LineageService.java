package io.meshport.lineage;

import io.meshport.access.AgreementReadModel;
import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.NotInCatalogException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
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

    /**
     * The most times a walk is taken again because agreements lead to products it had not reached
     * (each round follows the agreements of what the round before reached).
     */
    static final int MAX_AGREEMENT_ROUNDS = 64;

    private final LineageStore store;
    private final AgreementReadModel agreements;

    LineageService(LineageStore store, AgreementReadModel agreements) {
        this.store = store;
        this.agreements = agreements;
    }

    /** The product's lineage within {@code depth} hops, at most {@link #MAX_NODES} products. */
    public LineageGraph lineage(String productId, Direction direction, int depth) {
        return lineage(productId, direction, depth, MAX_NODES);
    }

    /** {@link #lineage(String, Direction, int, int, boolean)} with the approved agreements. */
    public LineageGraph lineage(String productId, Direction direction, int depth, int maxNodes) {
        return lineage(productId, direction, depth, maxNodes, true);
    }

    /** {@link #lineage(String, Direction, int, int, boolean, ProvenanceFilter)} with the approved agreements. */
    public LineageGraph lineage(
            String productId, Direction direction, int depth, int maxNodes, ProvenanceFilter shown) {
        return lineage(productId, direction, depth, maxNodes, true, shown);
    }

    /** {@link #lineage(String, Direction, int, int, boolean, ProvenanceFilter)} over declared and observed edges. */
    public LineageGraph lineage(
            String productId, Direction direction, int depth, int maxNodes, boolean withAgreements) {
        return lineage(productId, direction, depth, maxNodes, withAgreements, ProvenanceFilter.ALL);
    }

    /**
     * The product's lineage within {@code depth} hops ({@code 1..}{@link #MAX_DEPTH}): the nearest
     * {@code maxNodes} nodes (the product included; upstream ones at negative depths), the edges
     * among them, and their unresolved inputs. For both directions each side is walked on its own
     * and the nearest of both are kept.
     *
     * <p>With {@code withAgreements}, an approved agreement on an output port is an edge too, as
     * far as a declared one would reach: to the consumer's product, or, when the consumer named
     * none, to a node for the consumer team (a leaf, downstream only). Upstream of a consumer
     * product its agreements lead to their providers.
     *
     * <p>{@code shown} chooses the edges followed: declared ones (documents and agreements),
     * those observed in pipeline runs, or both; each edge says which it is (its provenance). An
     * agreement is declared: with observed edges only, no agreement is followed.
     *
     * @throws NotInCatalogException when there is no such product
     * @throws InvalidDocumentException when depth or maxNodes is out of range (pointers /depth,
     *     /maxNodes)
     */
    public LineageGraph lineage(
            String productId,
            Direction direction,
            int depth,
            int maxNodes,
            boolean withAgreements,
            ProvenanceFilter shown) {
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
        LineageStore.Neighbourhood near = depth == 1 ? store.neighbourhood(productId, down, up, maxNodes, shown) : null;
        ProvenanceFilter followed = near == null ? followed(shown) : shown;
        LineageStore.@Nullable Walk downWalk = null;
        LineageStore.@Nullable Walk upWalk = null;
        if (down) {
            downWalk = near != null
                    ? near.downstream()
                    : store.walk(productId, true, depth, maxNodes, null, List.of(), followed);
        }
        if (up) {
            upWalk = near != null
                    ? near.upstream()
                    : store.walk(productId, false, depth, maxNodes, null, List.of(), followed);
        }
        AgreementLinks links = withAgreements && shown.declared() ? new AgreementLinks(agreements) : null;
        Set<LineageStore.Link> extras = new HashSet<>();
        if (links != null) {
            Set<LineageStore.Link> downExtras = new LinkedHashSet<>();
            Set<LineageStore.Link> upExtras = new LinkedHashSet<>();
            if (downWalk != null && !downWalk.nodes().isEmpty()) {
                downWalk = follow(
                        productId, true, depth, maxNodes, null, downWalk, links, c -> true, downExtras, followed);
            }
            if (upWalk != null && !upWalk.nodes().isEmpty()) {
                upWalk = follow(productId, false, depth, maxNodes, null, upWalk, links, c -> true, upExtras, followed);
            }
            extras.addAll(downExtras);
            extras.addAll(upExtras);
        }
        List<LineageGraph.Node> nodes = new ArrayList<>();
        boolean truncated = false;
        if (downWalk != null) {
            downWalk.nodes().forEach(node -> nodes.add(node(node, node.depth())));
            truncated = downWalk.truncated();
        }
        if (upWalk != null) {
            for (LineageStore.Reached node : upWalk.nodes()) {
                if (node.depth() > 0 || nodes.isEmpty()) {
                    nodes.add(node(node, -node.depth()));
                }
            }
            truncated |= upWalk.truncated();
        }
        if (nodes.isEmpty()) {
            throw new NotInCatalogException("No data product '" + productId + "'.");
        }
        if (links != null && downWalk != null) {
            // A team that reads a port without naming a product: a leaf one hop further down.
            Map<String, Integer> teams = new LinkedHashMap<>();
            Map<String, Integer> depths = depths(downWalk);
            for (AgreementReadModel.Consumer agreement : links.on(depths.keySet())) {
                Integer at = depths.get(agreement.productId());
                if (agreement.consumerProduct() == null && at != null && at < depth) {
                    teams.merge(agreement.consumerTeam(), at + 1, Math::min);
                }
            }
            teams.forEach((team, at) -> nodes.add(LineageGraph.Node.team(team, at)));
        }
        // Both sides: the nearest of both, downstream first at equal distance, products before teams.
        nodes.sort(Comparator.comparingInt((LineageGraph.Node node) -> Math.abs(node.depth()))
                .thenComparing(node -> node.depth() < 0));
        // A product both up- and downstream (a cycle stored before cycles were refused) shows once.
        Set<String> seen = new HashSet<>();
        nodes.removeIf(node -> !seen.add(node.id()));
        if (nodes.size() > maxNodes) {
            nodes.subList(maxNodes, nodes.size()).clear();
            truncated = true;
        }
        Set<String> ids = new LinkedHashSet<>();
        nodes.forEach(node -> ids.add(node.id()));
        List<String> productIds = nodes.stream()
                .filter(node -> !node.isTeam())
                .map(LineageGraph.Node::id)
                .toList();
        LineageStore.Surroundings around = near != null && extras.isEmpty()
                ? near.surroundings().among(Set.copyOf(productIds))
                : store.surroundings(productIds, shown);
        List<LineageGraph.Edge> edges = new ArrayList<>(around.edges());
        if (links != null) {
            List<LineageGraph.Edge> agreed = new ArrayList<>();
            for (AgreementReadModel.Consumer agreement : links.on(productIds)) {
                String to = consumerNode(agreement);
                if (ids.contains(to) && !to.equals(agreement.productId())) {
                    agreed.add(edge(agreement, to));
                }
            }
            agreed.sort(Comparator.comparing(LineageGraph.Edge::to)
                    .thenComparing(LineageGraph.Edge::from)
                    .thenComparing(edge -> Objects.requireNonNullElse(edge.agreementId(), "")));
            edges.addAll(agreed);
        }
        List<LineageGraph.UnresolvedInput> unresolved = around.unresolved().stream()
                .map(input -> new LineageGraph.UnresolvedInput(input.productId(), input.contractId()))
                .toList();
        return new LineageGraph(productId, nodes, edges, unresolved, truncated);
    }

    /** {@link #impact(String, String, int)} with at most {@link #MAX_IMPACTED} products. */
    public Impact impact(String productId, @Nullable String outputPort) {
        return impact(productId, outputPort, MAX_IMPACTED);
    }

    /** {@link #impact(String, String, int, boolean)} with the approved agreements. */
    public Impact impact(String productId, @Nullable String outputPort, int maxProducts) {
        return impact(productId, outputPort, maxProducts, true);
    }

    /** {@link #impact(String, String, int, boolean, ProvenanceFilter)} with declared and observed consumers. */
    public Impact impact(String productId, @Nullable String outputPort, int maxProducts, boolean withAgreements) {
        return impact(productId, outputPort, maxProducts, withAgreements, ProvenanceFilter.ALL);
    }

    /**
     * Every product downstream of the product, or of one of its output ports, transitively: the
     * nearest {@code maxProducts}, each with its smallest depth and one shortest path. With {@code
     * withAgreements} approved agreements lead downstream as declared inputs do (to the consumer's
     * product, whose own consumers are hurt too), and every approved agreement on a port of the
     * product (of the port asked about) or of a product downstream is listed with its consumer,
     * team or product.
     *
     * <p>{@code shown} chooses the consumers: by default ({@link ProvenanceFilter#ALL}) also
     * those observed in pipeline runs, since they really read the data whatever their documents
     * say; a product reached by an observed edge no document declares says so ({@code via}
     * observed). The answer names the choice ({@link Impact#provenance()}).
     *
     * @param outputPort null for the whole product; else an output port's name (all its versions)
     *     or {@code name@version}
     * @throws NotInCatalogException when there is no such product or output port
     */
    public Impact impact(
            String productId,
            @Nullable String outputPort,
            int maxProducts,
            boolean withAgreements,
            ProvenanceFilter shown) {
        if (maxProducts < 1 || maxProducts > MAX_IMPACTED) {
            throw new InvalidDocumentException(
                    "Bad impact request", "/limit", "limit must be between 1 and " + MAX_IMPACTED + ".");
        }
        List<CatalogReadModel.Port> ports =
                outputPort == null || outputPort.isBlank() ? null : portsNamed(productId, outputPort);
        List<String> firstHop = ports == null ? null : contractsOf(ports);
        ProvenanceFilter followed = followed(shown);
        LineageStore.Walk walk =
                store.walk(productId, true, Integer.MAX_VALUE, maxProducts + 1, firstHop, List.of(), followed);
        if (walk.nodes().isEmpty()) {
            throw new NotInCatalogException("No data product '" + productId + "'.");
        }
        AgreementLinks links = withAgreements && shown.declared() ? new AgreementLinks(agreements) : null;
        Set<LineageStore.Link> extras = new LinkedHashSet<>();
        Predicate<AgreementReadModel.Consumer> onPort = agreement -> ports == null
                || ports.stream()
                        .anyMatch(port -> port.name().equals(agreement.outputPort())
                                && port.version().equals(agreement.outputPortVersion()));
        if (links != null) {
            walk = follow(
                    productId,
                    true,
                    Integer.MAX_VALUE,
                    maxProducts + 1,
                    firstHop,
                    walk,
                    links,
                    onPort,
                    extras,
                    followed);
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
        List<List<String>> paths = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            LineageStore.Reached node = nodes.get(i);
            String[] path = new String[node.depth() + 1];
            int at = i;
            for (int hop = node.depth(); hop >= 0 && at >= 0; hop--) {
                path[hop] = nodes.get(at).id();
                at = parents[at];
            }
            paths.add(Arrays.asList(path));
        }
        // A product reached through an agreement says so, unless its parent also declares the edge.
        List<AgreementReadModel.Consumer> agreed = links == null
                ? List.of()
                : links.on(nodes.stream().map(LineageStore.Reached::id).toList()).stream()
                        .filter(agreement -> !agreement.productId().equals(productId) || onPort.test(agreement))
                        .filter(agreement -> !consumerNode(agreement).equals(agreement.productId()))
                        .toList();
        Map<LineageStore.Link, String> agreementOf = new HashMap<>();
        for (AgreementReadModel.Consumer agreement : agreed) {
            if (agreement.consumerProduct() != null) {
                agreementOf.putIfAbsent(
                        new LineageStore.Link(agreement.productId(), agreement.consumerProduct()),
                        agreement.agreementId().toString());
            }
        }
        // Which last hops a document declares: those of agreements (else the agreement says how),
        // and once observed edges are followed every hop (else it was only observed).
        boolean observedHops = followed.observed();
        Set<LineageStore.Link> declared = store.declared(nodes.stream()
                .filter(node -> node.parent() != null)
                .map(node -> new LineageStore.Link(node.parent(), node.id()))
                .filter(link -> observedHops || extras.contains(link))
                .toList());
        List<Impact.ImpactedProduct> products = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            LineageStore.Reached node = nodes.get(i);
            if (node.depth() == 0) {
                continue;
            }
            String agreementId = null;
            LineageGraph.EdgeKind via = LineageGraph.EdgeKind.DECLARED;
            if (node.parent() != null) {
                LineageStore.Link link = new LineageStore.Link(node.parent(), node.id());
                if (extras.contains(link) && !declared.contains(link)) {
                    agreementId = agreementOf.get(link);
                    via = LineageGraph.EdgeKind.AGREEMENT;
                } else if (observedHops && !declared.contains(link)) {
                    via = LineageGraph.EdgeKind.OBSERVED;
                }
            }
            products.add(new Impact.ImpactedProduct(
                    node.id(),
                    node.name(),
                    node.domain(),
                    node.team(),
                    node.status(),
                    node.depth(),
                    paths.get(i),
                    agreementId == null && via == LineageGraph.EdgeKind.AGREEMENT
                            ? LineageGraph.EdgeKind.DECLARED
                            : via,
                    agreementId));
        }
        List<Impact.AgreementConsumer> consumers = new ArrayList<>();
        for (AgreementReadModel.Consumer agreement : agreed) {
            int at = positions.get(agreement.productId());
            List<String> path = new ArrayList<>(paths.get(at));
            path.add(consumerNode(agreement));
            consumers.add(new Impact.AgreementConsumer(
                    agreement.agreementId().toString(),
                    agreement.productId(),
                    agreement.outputPort(),
                    agreement.outputPortVersion(),
                    agreement.contractId(),
                    agreement.contractVersion(),
                    agreement.consumerTeam(),
                    agreement.consumerProduct(),
                    agreement.provisioning() == null
                            ? null
                            : agreement.provisioning().value(),
                    nodes.get(at).depth() + 1,
                    path));
        }
        consumers.sort(Comparator.comparingInt(Impact.AgreementConsumer::depth)
                .thenComparing(Impact.AgreementConsumer::product)
                .thenComparing(Impact.AgreementConsumer::consumerTeam)
                .thenComparing(Impact.AgreementConsumer::agreementId));
        return new Impact(productId, outputPort, products, consumers, walk.truncated(), shown);
    }

    /**
     * The edges a deep walk follows for what was asked: where no run was ever observed, the
     * declared ones alone, so that the walk keeps its plain plan.
     */
    private ProvenanceFilter followed(ProvenanceFilter shown) {
        return shown == ProvenanceFilter.ALL && !store.anyObserved() ? ProvenanceFilter.DECLARED : shown;
    }

    /**
     * Walks again, following the approved agreements to consumer products as well as the edges,
     * until no agreement of what was reached leads to a product not reached yet, or to one nearer
     * than it was reached (a few rounds at most where agreements are few, one where they lead
     * nowhere new). Upstream, an agreement leads from its consumer product to the provider.
     *
     * @param leavesStart which of the start's agreements to follow (those on the port asked about)
     * @param extras the agreements followed so far, as links from provider to consumer product;
     *     grows
     */
    private LineageStore.Walk follow(
            String start,
            boolean downstream,
            int depth,
            int maxNodes,
            @Nullable List<String> firstHop,
            LineageStore.Walk first,
            AgreementLinks links,
            Predicate<AgreementReadModel.Consumer> leavesStart,
            Set<LineageStore.Link> extras,
            ProvenanceFilter followed) {
        LineageStore.Walk walk = first;
        for (int round = 0; round < MAX_AGREEMENT_ROUNDS; round++) {
            Map<String, Integer> depths = depths(walk);
            int deepest = walk.nodes().getLast().depth();
            List<LineageStore.Link> more = new ArrayList<>();
            Set<String> targets = new HashSet<>();
            for (AgreementReadModel.Consumer agreement :
                    downstream ? links.on(depths.keySet()) : links.readBy(depths.keySet())) {
                String consumer = agreement.consumerProduct();
                if (consumer == null || consumer.equals(agreement.productId())) {
                    continue;
                }
                LineageStore.Link link = new LineageStore.Link(agreement.productId(), consumer);
                if (extras.contains(link) || (agreement.productId().equals(start) && !leavesStart.test(agreement))) {
                    continue;
                }
                String from = downstream ? link.from() : link.to();
                String to = downstream ? link.to() : link.from();
                Integer at = depths.get(from);
                if (at == null || at >= depth) {
                    continue;
                }
                Integer reached = depths.get(to);
                if (reached == null ? !walk.truncated() || at + 1 <= deepest : reached > at + 1) {
                    more.add(link);
                    targets.add(to);
                }
            }
            if (!more.isEmpty()) {
                // An agreement may name a product that has since been deleted: it leads nowhere.
                Set<String> existing = store.existing(targets);
                more.removeIf(link -> !existing.contains(downstream ? link.to() : link.from()));
            }
            if (more.isEmpty()) {
                return walk;
            }
            extras.addAll(more);
            walk = store.walk(start, downstream, depth, maxNodes, firstHop, extras, followed);
        }
        return walk;
    }

    private static Map<String, Integer> depths(LineageStore.Walk walk) {
        Map<String, Integer> depths =
                LinkedHashMap.newLinkedHashMap(walk.nodes().size());
        walk.nodes().forEach(node -> depths.putIfAbsent(node.id(), node.depth()));
        return depths;
    }

    private static LineageGraph.Node node(LineageStore.Reached node, int depth) {
        return new LineageGraph.Node(node.id(), node.name(), node.domain(), node.team(), node.status(), depth);
    }

    /** The node an agreement leads to: the consumer's product, or else the consumer team's node. */
    private static String consumerNode(AgreementReadModel.Consumer agreement) {
        String product = agreement.consumerProduct();
        return product != null ? product : LineageGraph.teamNodeId(agreement.consumerTeam());
    }

    private static LineageGraph.Edge edge(AgreementReadModel.Consumer agreement, String to) {
        return new LineageGraph.Edge(
                agreement.productId(),
                to,
                agreement.contractId(),
                LineageGraph.EdgeKind.AGREEMENT,
                agreement.agreementId().toString(),
                agreement.outputPort(),
                agreement.outputPortVersion(),
                agreement.contractVersion(),
                agreement.provisioning() == null
                        ? null
                        : agreement.provisioning().value());
    }

    /** The output ports named: by name (all its versions) or {@code name@version}. */
    private List<CatalogReadModel.Port> portsNamed(String productId, String outputPort) {
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
        return named;
    }

    /** The contracts of the output ports; none when they offer no contract. */
    private static List<String> contractsOf(List<CatalogReadModel.Port> ports) {
        return ports.stream()
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
}

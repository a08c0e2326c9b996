package io.meshport.lineage;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.ProductStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lineage tables ({@code lineage_input}, {@code lineage_edge}; see V0004; the observed edges
 * of V0022, which {@link ObservedLineageRecorder} writes) and the walks over them. Lineage reads and writes only its own tables; what a node shows and who provides a
 * contract come from the catalog's {@link CatalogReadModel}, one batch per walk
 * (docs/decisions/0018-module-data-ownership.md).
 */
@Component
class LineageStore {

    /** Serialises the lineage writes of concurrent transactions, so each cycle check sees the others. */
    private static final long WRITE_LOCK = 0x4d6573_6850_6f72L;

    /**
     * A breadth-first walk in one recursive query. Each row of {@code walk} is one level: the
     * products first reached at that depth ({@code ids}, sorted), the product each was reached
     * from ({@code parents}), and every product seen so far ({@code seen}). A product is expanded
     * once, at its smallest depth, so the walk is cycle-safe and its cost grows with the products
     * reached, not with the number of paths to them (a {@code UNION} over (product, depth) rows
     * re-expands a product once per distinct depth, and path arrays once per path). It stops at
     * the depth bound, when a level is empty, or once more than the node cap is reached (the
     * level that reaches it keeps only the products needed to know so); the outer {@code limit}
     * then keeps the nearest products, a level's in id order. Ids are ordered by bytes
     * ({@code collate "C"}): the same order for the ASCII ids of the catalog, at a fraction of
     * the cost of the database's linguistic collation when a level holds thousands.
     */
    private static final String WALK = """
            with recursive walk(depth, ids, parents, seen, total) as (
                select 0, array[cast(:root as text)], array[cast(null as text)], array[cast(:root as text)], 1
              union all
                select w.depth + 1, n.ids, n.parents, w.seen || n.ids, w.total + cardinality(n.ids)
                  from walk w
                  cross join lateral (
                      select coalesce(array_agg(x.next order by x.next collate "C"), '{}') as ids,
                             coalesce(array_agg(x.via order by x.next collate "C"), '{}') as parents
                        from (select distinct on (e.TO collate "C") e.TO as next, e.FROM as via
                                from lineage_edge e
                               where e.FROM = any (w.ids)
                                 and (w.depth > 0 or not :restricted or e.contract_id = any (cast(:contracts as text[])))
                                 and not exists (select 1 from unnest(w.seen) as s(id) where s.id = e.TO)
                               order by e.TO collate "C", e.FROM collate "C"
                               limit :maxNodes + 1 - w.total) x
                  ) n
                 where w.depth < :maxDepth and w.total <= :maxNodes and cardinality(w.ids) > 0
            ),
            reached as (
                select w.depth, r.id, r.parent
                  from walk w cross join lateral unnest(w.ids, w.parents) with ordinality as r(id, parent, position)
                 order by w.depth, r.position
                 limit :maxNodes + 1
            )
            select r.depth, r.id, r.parent from reached r order by r.depth, r.id collate "C"
            """;

    /**
     * The walk's SQL for each direction, choice of edges and whether extra edges are given (the
     * approved agreements that lead to a product, which lineage reads from the access module, not
     * from its tables). Declared edges alone, without extras, keep the plain walk and its plan.
     * Otherwise the edges walked are a {@code union all} of the edge tables chosen (the declared
     * ones, the observed ones, V0022) and the extras as arrays; the walk's predicates reach into
     * each branch, so each is read through its own index. Extra edges leave the start whatever
     * the first hop is restricted to: the caller passes only those it wants.
     */
    private static final Map<String, String> WALKS = walks();

    private static Map<String, String> walks() {
        Map<String, String> walks = new HashMap<>();
        for (ProvenanceFilter filter : ProvenanceFilter.values()) {
            for (boolean extras : List.of(false, true)) {
                String sql = WALK;
                if (extras || filter != ProvenanceFilter.DECLARED) {
                    List<String> parts = new ArrayList<>();
                    if (filter.declared()) {
                        parts.add("select upstream_id, downstream_id, contract_id, false as extra from lineage_edge");
                    }
                    if (filter.observed()) {
                        parts.add("select upstream_id, downstream_id, contract_id, false as extra"
                                + " from lineage_observed_edge");
                    }
                    if (extras) {
                        parts.add("select x.upstream_id, x.downstream_id, cast(null as text), true as extra"
                                + " from unnest(cast(:extraFrom as text[]), cast(:extraTo as text[]))"
                                + " as x(upstream_id, downstream_id)");
                    }
                    sql = sql.replace(
                                    "from lineage_edge e",
                                    "from ("
                                            + String.join(
                                                    "\n                          union all\n                          ",
                                                    parts)
                                            + ") e")
                            .replace("or e.contract_id = any", "or e.extra or e.contract_id = any");
                }
                walks.put(
                        walkKey(true, filter, extras),
                        sql.replace("e.TO", "e.downstream_id").replace("e.FROM", "e.upstream_id"));
                walks.put(
                        walkKey(false, filter, extras),
                        sql.replace("e.TO", "e.upstream_id").replace("e.FROM", "e.downstream_id"));
            }
        }
        return Map.copyOf(walks);
    }

    private static String walkKey(boolean downstream, ProvenanceFilter filter, boolean extras) {
        return (downstream ? "down/" : "up/") + filter + (extras ? "/extras" : "");
    }

    private final JdbcClient jdbc;
    private final CatalogReadModel catalog;

    LineageStore(JdbcClient jdbc, CatalogReadModel catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** A product reached before the catalog said what it is. */
    private record Hop(String id, int depth, @Nullable String parent) {}

    /** The hops with what the catalog shows of each, in the same order; hops to no product drop out. */
    private List<Reached> described(List<Hop> hops) {
        Map<String, CatalogReadModel.Product> products =
                catalog.products(hops.stream().map(Hop::id).toList());
        List<Reached> reached = new ArrayList<>(hops.size());
        for (Hop hop : hops) {
            CatalogReadModel.Product product = products.get(hop.id());
            if (product != null) {
                reached.add(new Reached(
                        hop.id(),
                        hop.depth(),
                        hop.parent(),
                        product.name(),
                        product.domain(),
                        product.ownerTeam(),
                        product.status()));
            }
        }
        return reached;
    }

    /** The inputs among these that no output port in the catalog provides. */
    private List<Unresolved> unresolvedAmong(List<Unresolved> inputs) {
        Set<String> provided = catalog.provided(
                inputs.stream().map(Unresolved::contractId).distinct().toList());
        return inputs.stream()
                .filter(input -> !provided.contains(input.contractId()))
                .toList();
    }

    /** A product reached by a walk, {@code depth} hops from the start (always positive but the start's 0). */
    record Reached(
            String id,
            int depth,
            @Nullable String parent,
            String name,
            @Nullable String domain,
            String team,
            ProductStatus status) {}

    /**
     * The start (first, depth 0) and up to {@code maxNodes - 1} products nearest to it; empty when
     * the start is not in the catalog.
     *
     * @param firstHop if not null, only edges labelled with one of these contracts leave the start
     */
    Walk walk(String start, boolean downstream, int maxDepth, int maxNodes, @Nullable Collection<String> firstHop) {
        return walk(start, downstream, maxDepth, maxNodes, firstHop, List.of(), ProvenanceFilter.DECLARED);
    }

    /**
     * A {@link #walk} that also follows {@code extras}, edges from upstream to downstream that
     * are not in the edge table (approved agreements); the first hop's restriction does not apply
     * to them. {@code edges} says which of the tables' edges are followed: declared, observed, or
     * both.
     */
    Walk walk(
            String start,
            boolean downstream,
            int maxDepth,
            int maxNodes,
            @Nullable Collection<String> firstHop,
            Collection<Link> extras,
            ProvenanceFilter edges) {
        String sql = WALKS.get(walkKey(downstream, edges, !extras.isEmpty()));
        var statement = jdbc.sql(sql)
                .param("root", start)
                .param("maxDepth", maxDepth)
                .param("maxNodes", maxNodes)
                .param("restricted", firstHop != null)
                .param("contracts", firstHop == null ? new String[0] : firstHop.toArray(String[]::new));
        if (!extras.isEmpty()) {
            statement = statement
                    .param("extraFrom", extras.stream().map(Link::from).toArray(String[]::new))
                    .param("extraTo", extras.stream().map(Link::to).toArray(String[]::new));
        }
        List<Reached> reached = described(statement
                .query((rs, row) -> new Hop(rs.getString(2), rs.getInt(1), rs.getString(3)))
                .list());
        if (reached.isEmpty() || reached.getFirst().depth() != 0) {
            return new Walk(List.of(), false); // the start is not in the catalog
        }
        boolean truncated = reached.size() > maxNodes;
        return new Walk(truncated ? reached.subList(0, maxNodes) : reached, truncated);
    }

    record Walk(List<Reached> nodes, boolean truncated) {}

    /** An edge between two products that is not in the edge table, {@code from} upstream. */
    record Link(String from, String to) {}

    /** Which of these links are also edges of the table (for any contract). */
    Set<Link> declared(Collection<Link> links) {
        if (links.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select distinct e.upstream_id, e.downstream_id
                          from lineage_edge e
                          join unnest(cast(:from as text[]), cast(:to as text[])) as l(upstream_id, downstream_id)
                            on l.upstream_id = e.upstream_id and l.downstream_id = e.downstream_id
                        """)
                .param("from", links.stream().map(Link::from).toArray(String[]::new))
                .param("to", links.stream().map(Link::to).toArray(String[]::new))
                .query((rs, row) -> new Link(rs.getString(1), rs.getString(2)))
                .list());
    }

    /** Whether any run was observed reading a product's port to write another's. */
    boolean anyObserved() {
        return jdbc.sql("select exists (select 1 from lineage_observed_edge)")
                .query(Boolean.class)
                .single();
    }

    /** Which of these are products in the catalog. */
    Set<String> existing(Collection<String> productIds) {
        return productIds.isEmpty() ? Set.of() : catalog.products(productIds).keySet();
    }

    /**
     * A product's direct neighbours, the edges among them all and their inputs, in one statement
     * (then one look-up each of the products and of who provides the inputs): what a lineage view
     * opens with. Each side is cut at {@code maxNodes} products
     * (the start included) like a {@link #walk}; the edges and inputs are those of every product
     * returned, so the caller narrows them to the products it keeps.
     */
    private static final String NEIGHBOURHOOD = """
            with near as (
                select 0 as depth, cast(:root as text) as id, cast(null as text) as parent, 0 as side
              union all
                (select distinct on (e.downstream_id collate "C") 1, e.downstream_id, e.upstream_id, 1
                   from EDGES e where e.upstream_id = :root and :down
                  order by e.downstream_id collate "C" limit :maxNodes)
              union all
                (select distinct on (e.upstream_id collate "C") 1, e.upstream_id, e.downstream_id, -1
                   from EDGES e where e.downstream_id = :root and :up
                  order by e.upstream_id collate "C" limit :maxNodes)
            )
            select 'n', n.side, n.id, n.parent, null, cast(null as timestamptz) from near n
            union all
            select 'd', 0, e.upstream_id, e.downstream_id, e.contract_id, null
              from lineage_edge e
             where e.upstream_id in (select id from near) and e.downstream_id in (select id from near)
            union all
            select 'o', 0, e.upstream_id, e.downstream_id, e.contract_id, e.last_observed_at
              from lineage_observed_edge e
             where e.upstream_id in (select id from near) and e.downstream_id in (select id from near)
            union all
            select 'u', 0, i.product_id, i.contract_id, null, null
              from lineage_input i
             where :declared and i.product_id in (select id from near)
            """.replace("EDGES", """
                    (select upstream_id, downstream_id from lineage_edge where :declared
                     union all
                     select upstream_id, downstream_id from lineage_observed_edge where :observed)""");

    /** What {@link #neighbourhood} found: each side as a one-hop walk, and what surrounds them all. */
    record Neighbourhood(Walk downstream, Walk upstream, Surroundings surroundings) {}

    Neighbourhood neighbourhood(
            String start, boolean downstream, boolean upstream, int maxNodes, ProvenanceFilter shown) {
        List<Hop> hops = new ArrayList<>();
        List<Integer> sides = new ArrayList<>();
        SeenEdges seen = new SeenEdges();
        List<Unresolved> inputs = new ArrayList<>();
        jdbc.sql(NEIGHBOURHOOD)
                .param("root", start)
                .param("down", downstream)
                .param("up", upstream)
                .param("maxNodes", maxNodes)
                .param("declared", shown.declared())
                .param("observed", shown.observed())
                .query(rs -> {
                    switch (rs.getString(1)) {
                        case "n" -> {
                            int side = rs.getInt(2);
                            hops.add(new Hop(rs.getString(3), side == 0 ? 0 : 1, rs.getString(4)));
                            sides.add(side);
                        }
                        case "d" -> seen.declared(rs.getString(3), rs.getString(4), rs.getString(5));
                        case "o" ->
                            seen.observed(
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getTimestamp(6).toInstant());
                        default -> inputs.add(new Unresolved(rs.getString(3), rs.getString(4)));
                    }
                });
        List<LineageGraph.Edge> edges = seen.edges(shown);
        Map<String, CatalogReadModel.Product> products =
                catalog.products(hops.stream().map(Hop::id).toList());
        List<Reached> down = new ArrayList<>();
        List<Reached> up = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            Hop hop = hops.get(i);
            CatalogReadModel.Product product = products.get(hop.id());
            if (product == null) {
                continue;
            }
            Reached node = new Reached(
                    hop.id(),
                    hop.depth(),
                    hop.parent(),
                    product.name(),
                    product.domain(),
                    product.ownerTeam(),
                    product.status());
            int side = sides.get(i);
            if (side == 0) {
                down.addFirst(node);
                up.addFirst(node);
            } else {
                (side > 0 ? down : up).add(node);
            }
        }
        List<Unresolved> unresolved = new ArrayList<>(unresolvedAmong(inputs));
        if (down.isEmpty() || down.getFirst().depth() != 0) {
            // No such product (a neighbour cannot exist without it: the edges reference it).
            return new Neighbourhood(
                    new Walk(List.of(), false), new Walk(List.of(), false), new Surroundings(edges, unresolved));
        }
        edges.sort(EDGE_ORDER);
        unresolved.sort(Comparator.comparing(Unresolved::productId).thenComparing(Unresolved::contractId));
        return new Neighbourhood(
                oneHop(down, downstream, maxNodes),
                oneHop(up, upstream, maxNodes),
                new Surroundings(edges, unresolved));
    }

    /** The start and its neighbours on one side, in id order, cut like a walk's. */
    private static Walk oneHop(List<Reached> side, boolean wanted, int maxNodes) {
        if (!wanted) {
            return new Walk(List.of(side.getFirst()), false);
        }
        List<Reached> nodes = new ArrayList<>(side);
        nodes.subList(1, nodes.size()).sort(Comparator.comparing(Reached::id));
        boolean truncated = nodes.size() > maxNodes;
        return new Walk(truncated ? nodes.subList(0, maxNodes) : nodes, truncated);
    }

    /**
     * In one round trip (and one look-up of who provides the inputs): every edge whose both ends
     * are among {@code ids}, and what these products consume that no output port in the catalog
     * provides.
     */
    Surroundings surroundings(Collection<String> ids, ProvenanceFilter shown) {
        SeenEdges seen = new SeenEdges();
        List<Unresolved> unresolved = new ArrayList<>();
        jdbc.sql("""
                        select 'd', e.upstream_id, e.downstream_id, e.contract_id, cast(null as timestamptz)
                          from lineage_edge e
                         where e.upstream_id = any (cast(:ids as text[]))
                           and e.downstream_id in (select unnest(cast(:ids as text[])))
                        union all
                        select 'o', e.upstream_id, e.downstream_id, e.contract_id, e.last_observed_at
                          from lineage_observed_edge e
                         where e.upstream_id = any (cast(:ids as text[]))
                           and e.downstream_id in (select unnest(cast(:ids as text[])))
                        union all
                        select 'u', null, i.product_id, i.contract_id, null
                          from lineage_input i
                         where :declared and i.product_id = any (cast(:ids as text[]))
                         order by 3, 2, 4
                        """)
                .param("ids", ids.toArray(String[]::new))
                .param("declared", shown.declared())
                .param("observed", shown.observed())
                .query(rs -> {
                    switch (rs.getString(1)) {
                        case "d" -> seen.declared(rs.getString(2), rs.getString(3), rs.getString(4));
                        case "o" ->
                            seen.observed(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getTimestamp(5).toInstant());
                        default -> unresolved.add(new Unresolved(rs.getString(3), rs.getString(4)));
                    }
                });
        List<LineageGraph.Edge> edges = seen.edges(shown);
        edges.sort(EDGE_ORDER);
        return new Surroundings(edges, unresolvedAmong(unresolved));
    }

    /** Edges in the order lineage answers list them: by consumer, provider, then contract. */
    static final Comparator<LineageGraph.Edge> EDGE_ORDER = Comparator.comparing(LineageGraph.Edge::to)
            .thenComparing(LineageGraph.Edge::from)
            .thenComparing(LineageGraph.Edge::contractId, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * The edges rows showed, declared or observed: a declared edge and an observed one between
     * the same products over the same contract are one edge, seen both ways; observations of it
     * through several ports (one contract offered twice) are one, seen last at the newest.
     */
    private static final class SeenEdges {
        private final Map<List<@Nullable String>, LineageGraph.Edge> edges = new LinkedHashMap<>();

        void declared(String from, String to, String contractId) {
            add(LineageGraph.Edge.between(from, to, contractId, LineageGraph.Provenance.DECLARED, null));
        }

        void observed(String from, String to, @Nullable String contractId, Instant lastObservedAt) {
            add(LineageGraph.Edge.between(from, to, contractId, LineageGraph.Provenance.OBSERVED, lastObservedAt));
        }

        private void add(LineageGraph.Edge edge) {
            edges.merge(Arrays.asList(edge.from(), edge.to(), edge.contractId()), edge, (a, b) -> {
                Instant last = a.lastObservedAt() == null
                        ? b.lastObservedAt()
                        : b.lastObservedAt() == null || a.lastObservedAt().isAfter(b.lastObservedAt())
                                ? a.lastObservedAt()
                                : b.lastObservedAt();
                return LineageGraph.Edge.between(
                        a.from(), a.to(), a.contractId(), a.provenance().and(b.provenance()), last);
            });
        }

        /**
         * The edges of the provenance shown: each says all it is (an edge also declared is "both"
         * in a view of observed edges), but one not followed is left out.
         */
        List<LineageGraph.Edge> edges(ProvenanceFilter shown) {
            List<LineageGraph.Edge> list = new ArrayList<>(edges.size());
            for (LineageGraph.Edge edge : edges.values()) {
                if ((shown.declared() && edge.provenance().declared())
                        || (shown.observed() && edge.provenance().observed())) {
                    list.add(edge);
                }
            }
            return list;
        }
    }

    record Surroundings(List<LineageGraph.Edge> edges, List<Unresolved> unresolved) {

        /** Only what concerns the given products. */
        Surroundings among(Set<String> ids) {
            return new Surroundings(
                    edges.stream()
                            .filter(edge -> ids.contains(edge.from()) && ids.contains(edge.to()))
                            .toList(),
                    unresolved.stream()
                            .filter(input -> ids.contains(input.productId()))
                            .toList());
        }
    }

    record Edge(String from, String to, String contractId) {}

    record Unresolved(String productId, String contractId) {}

    /** A product's output ports, in document order. */
    List<CatalogReadModel.Port> outputPorts(String productId) {
        return catalog.outputPorts(productId);
    }

    // ------------------------------------------------------------------ writes

    /**
     * Brings a product's rows in line with what it now consumes and provides: its inputs, the
     * edges into it (from every provider of what it consumes, as the catalog stores them now) and
     * out of it (to every consumer of what it provides). Rows that stay are not touched.
     *
     * @param providedContracts what the product's output ports, as stored, provide
     * @return the edges that are new
     */
    List<Edge> update(String productId, Set<String> consumedContracts, Set<String> providedContracts) {
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", WRITE_LOCK)
                .query()
                .singleValue();
        jdbc.sql("""
                        with wanted(contract_id) as (select distinct unnest(cast(:contracts as text[]))),
                        gone as (
                            delete from lineage_input i
                             where i.product_id = :id and i.contract_id not in (select contract_id from wanted)
                        )
                        insert into lineage_input (product_id, contract_id)
                        select :id, contract_id from wanted
                        on conflict do nothing
                        """)
                .param("id", productId)
                .param("contracts", consumedContracts.toArray(String[]::new))
                .update();
        List<CatalogReadModel.Provider> providers = catalog.providers(consumedContracts);
        return jdbc.sql("""
                        with wanted as (
                            select p.upstream_id, cast(:id as text) as downstream_id, p.contract_id
                              from unnest(cast(:upstream as text[]), cast(:via as text[])) as p(upstream_id, contract_id)
                            union
                            select cast(:id as text), consumer.product_id, consumer.contract_id
                              from lineage_input consumer
                             where consumer.contract_id = any (cast(:provided as text[]))
                        ),
                        gone as (
                            delete from lineage_edge e
                             where (e.upstream_id = :id or e.downstream_id = :id)
                               and (e.upstream_id, e.downstream_id, e.contract_id) not in (select * from wanted)
                        )
                        insert into lineage_edge (upstream_id, downstream_id, contract_id)
                        select upstream_id, downstream_id, contract_id from wanted
                        on conflict do nothing
                        returning upstream_id, downstream_id, contract_id
                        """)
                .param("id", productId)
                .param(
                        "upstream",
                        providers.stream()
                                .map(CatalogReadModel.Provider::productId)
                                .toArray(String[]::new))
                .param(
                        "via",
                        providers.stream()
                                .map(CatalogReadModel.Provider::contractId)
                                .toArray(String[]::new))
                .param("provided", providedContracts.toArray(String[]::new))
                .query((rs, row) -> new Edge(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * The shortest way from a product back to itself, as its edges in order, or an empty list when
     * it does not derive from itself. A set-based recursive query answers whether (each product
     * visited once); only then is the path looked for, hop by hop.
     */
    List<Edge> cycleThrough(String productId) {
        boolean onCycle =
                jdbc.sql("""
                        with recursive reach(id) as (
                            select downstream_id from lineage_edge where upstream_id = :id
                          union
                            select e.downstream_id from reach r join lineage_edge e on e.upstream_id = r.id
                        )
                        select exists (select 1 from reach where id = :id)
                        """).param("id", productId).query(Boolean.class).single();
        if (!onCycle) {
            return List.of();
        }
        Map<String, Edge> reachedBy = new HashMap<>();
        Set<String> seen = new HashSet<>(Set.of(productId));
        List<String> frontier = List.of(productId);
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (Edge edge : jdbc.sql("""
                            select upstream_id, downstream_id, contract_id from lineage_edge
                             where upstream_id = any (cast(:ids as text[])) order by 1, 2, 3
                            """)
                    .param("ids", frontier.toArray(String[]::new))
                    .query((rs, row) -> new Edge(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .list()) {
                if (edge.to().equals(productId)) {
                    List<Edge> path = new ArrayList<>();
                    path.add(edge);
                    for (Edge back = reachedBy.get(edge.from()); back != null; back = reachedBy.get(back.from())) {
                        path.addFirst(back);
                    }
                    return path;
                }
                if (seen.add(edge.to())) {
                    reachedBy.put(edge.to(), edge);
                    next.add(edge.to());
                }
            }
            frontier = next;
        }
        throw new IllegalStateException("'" + productId + "' is on a cycle that was not found again");
    }
}

package io.meshport.lineage;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.NotInCatalogException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lineage drift: where what pipeline runs were seen doing ({@code lineage_observed_edge},
 * {@code lineage_observed_product}, V0022) disagrees with what the products' ports declare
 * ({@code lineage_edge}). A product is judged only once runs were seen writing it: one whose
 * pipelines never report drifts in nothing. Two kinds:
 *
 * <ul>
 *   <li>a declared input no run has read for {@code meshport.lineage.drift-after} (the product
 *       itself observed at least that long, so that a pipeline that just began reporting does not
 *       drift at once);
 *   <li>an input runs read (within that period) that no input port declares, flagged at once.
 * </ul>
 *
 * Read-only; every signed-in user may see it, as lineage itself. A fixed number of statements
 * however many products are asked about (docs/decisions/0032-lineage-drift.md).
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class LineageDrift {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final LineageReadModel links;
    private final CatalogReadModel catalog;
    private final Clock clock;
    private final Duration after;

    LineageDrift(
            JdbcClient jdbc,
            LineageReadModel links,
            CatalogReadModel catalog,
            Clock clock,
            @Value("${meshport.lineage.drift-after:P14D}") Duration after) {
        if (after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("meshport.lineage.drift-after must be positive, not " + after);
        }
        this.jdbc = jdbc;
        this.links = links;
        this.catalog = catalog;
        this.clock = clock;
        this.after = after;
    }

    /** How long a declared input may go unseen in the runs before it drifts. */
    public Duration after() {
        return after;
    }

    /** The product's drift now: declared inputs unseen first, then undeclared ones, each by upstream name. */
    public List<Drift> of(String productId) {
        return at(List.of(productId), clock.instant()).getOrDefault(productId, List.of());
    }

    /** The drift of each of the products that has any, by id, as {@link #of(String)} says it. */
    public Map<String, List<Drift>> of(Collection<String> productIds) {
        return at(productIds, clock.instant());
    }

    /**
     * A product's drift as the API answers it: whether the product is judged at all (runs were
     * seen writing it, since {@code observedSince}), and its drift now.
     *
     * @param observedSince when runs were first seen writing the product; null when never (not judged)
     */
    public record Report(
            String productId, Duration driftAfter, @Nullable Instant observedSince, List<Drift> items) {

        public Report {
            items = List.copyOf(items);
        }

        /** Whether the product's pipelines report, so that it is judged at all. */
        public boolean judged() {
            return observedSince != null;
        }
    }

    /**
     * The product's drift now, with whether it is judged.
     *
     * @throws NotInCatalogException when there is no such product
     * @throws InvalidDocumentException when the id holds a NUL, which no stored id can
     */
    public Report report(String productId) {
        if (productId.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot take a NUL in text: no product has one.
            throw new InvalidDocumentException(
                    "Bad data product id", "/id", "A data product id cannot hold a NUL character (U+0000).");
        }
        if (catalog.product(productId).isEmpty()) {
            throw new NotInCatalogException("No data product '" + productId + "'.");
        }
        Instant observedSince = jdbc.sql(
                        "select first_observed_at from lineage_observed_product where product_id = :id")
                .param("id", productId)
                .query(java.sql.Timestamp.class)
                .optional()
                .map(java.sql.Timestamp::toInstant)
                .orElse(null);
        List<Drift> items = observedSince == null
                ? List.of()
                : at(List.of(productId), clock.instant()).getOrDefault(productId, List.of());
        return new Report(productId, after, observedSince, items);
    }

    /** The drift as of {@code now}: tests move time here rather than move the portal's clock. */
    Map<String, List<Drift>> at(Collection<String> productIds, Instant now) {
        Map<String, List<Drift>> drift = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return drift;
        }
        Map<String, Instant> observedSince = new HashMap<>();
        jdbc.sql("""
                        select product_id, first_observed_at from lineage_observed_product
                         where product_id = any (cast(:ids as text[]))
                        """)
                .param("ids", productIds.stream().distinct().toArray(String[]::new))
                .query((rs, row) ->
                        observedSince.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
        if (observedSince.isEmpty()) {
            return drift;
        }
        String[] observedIds = observedSince.keySet().toArray(String[]::new);
        List<LineageReadModel.Link> declared = links.into(observedSince.keySet());
        List<Observed> observed = jdbc.sql("""
                        select o.upstream_id, o.downstream_id, o.upstream_port, o.contract_id,
                               o.first_observed_at, o.last_observed_at
                          from lineage_observed_edge o
                         where o.downstream_id = any (cast(:ids as text[])) and o.upstream_id <> o.downstream_id
                        """)
                .param("ids", observedIds)
                .query((rs, row) -> new Observed(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant()))
                .list();
        Set<String> upstreamIds = new TreeSet<>();
        declared.forEach(link -> upstreamIds.add(link.upstreamId()));
        observed.forEach(edge -> upstreamIds.add(edge.upstreamId()));
        Map<String, CatalogReadModel.Product> upstream = catalog.products(upstreamIds);

        Instant cutoff = now.minus(after);
        // The latest observation of each (upstream, downstream, contract), whatever its port.
        Map<Key, Instant> lastSeen = new HashMap<>();
        for (Observed edge : observed) {
            if (edge.contractId() != null) {
                lastSeen.merge(
                        new Key(edge.upstreamId(), edge.downstreamId(), edge.contractId()),
                        edge.lastObservedAt(),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Set<Key> declaredKeys = new HashSet<>();
        Map<String, List<Drift>> unsorted = new HashMap<>();
        for (LineageReadModel.Link link : declared) {
            Key key = new Key(link.upstreamId(), link.downstreamId(), link.contractId());
            declaredKeys.add(key);
            Instant reporting = observedSince.get(link.downstreamId());
            if (reporting == null || reporting.isAfter(cutoff)) {
                continue; // the product's runs have not reported for the whole period yet
            }
            Instant last = lastSeen.get(key);
            if (last != null && !last.isBefore(cutoff)) {
                continue;
            }
            Instant since = (last == null || last.isBefore(reporting) ? reporting : last).plus(after);
            String name = name(upstream, link.upstreamId());
            String message = last == null
                    ? "Declared input " + name + " (contract " + link.contractId()
                            + ") has never been seen in a run, though this product's runs have reported for "
                            + days(reporting, now) + "."
                    : "Declared input " + name + " (contract " + link.contractId()
                            + ") has not been seen in a run for " + days(last, now) + " (last on " + DAY.format(last)
                            + ").";
            unsorted.computeIfAbsent(link.downstreamId(), id -> new ArrayList<>())
                    .add(new Drift(
                            Drift.Kind.DECLARED_NOT_OBSERVED,
                            link.downstreamId(),
                            link.upstreamId(),
                            name,
                            link.contractId(),
                            null,
                            last,
                            since,
                            message));
        }
        for (Observed edge : observed) {
            if (edge.contractId() != null
                    && declaredKeys.contains(new Key(edge.upstreamId(), edge.downstreamId(), edge.contractId()))) {
                continue;
            }
            if (edge.lastObservedAt().isBefore(cutoff)) {
                continue; // runs stopped reading it: no longer how the product is made
            }
            String name = name(upstream, edge.upstreamId());
            String message = edge.contractId() == null
                    ? "Runs read port '" + edge.upstreamPort() + "' of " + name
                            + ", which offers no contract, so no input port can declare it (last on "
                            + DAY.format(edge.lastObservedAt()) + ")."
                    : "Runs read port '" + edge.upstreamPort() + "' of " + name + " (contract " + edge.contractId()
                            + ") but no input port declares it (last on " + DAY.format(edge.lastObservedAt()) + ").";
            unsorted.computeIfAbsent(edge.downstreamId(), id -> new ArrayList<>())
                    .add(new Drift(
                            Drift.Kind.OBSERVED_NOT_DECLARED,
                            edge.downstreamId(),
                            edge.upstreamId(),
                            name,
                            edge.contractId(),
                            edge.upstreamPort(),
                            edge.lastObservedAt(),
                            edge.firstObservedAt(),
                            message));
        }
        Comparator<Drift> order = Comparator.comparing(Drift::kind)
                .thenComparing(Drift::upstreamName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Drift::upstreamId)
                .thenComparing(d -> Objects.requireNonNullElse(d.contractId(), ""))
                .thenComparing(d -> Objects.requireNonNullElse(d.upstreamPort(), ""));
        for (String id : productIds) {
            List<Drift> found = unsorted.get(id);
            if (found != null && !drift.containsKey(id)) {
                found.sort(order);
                drift.put(id, List.copyOf(found));
            }
        }
        return drift;
    }

    private static String name(Map<String, CatalogReadModel.Product> products, String id) {
        CatalogReadModel.Product product = products.get(id);
        return product == null ? id : product.name();
    }

    private static String days(Instant from, Instant now) {
        long days = Duration.between(from, now).toDays();
        return days == 1 ? "1 day" : days + " days";
    }

    private record Key(String upstreamId, String downstreamId, String contractId) {}

    private record Observed(
            String upstreamId,
            String downstreamId,
            String upstreamPort,
            @Nullable String contractId,
            Instant firstObservedAt,
            Instant lastObservedAt) {}
}

package io.meshport.review;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.ProductStatus;
import io.meshport.lineage.LineageReadModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The review table ({@code product_review}, V0006), and a product's review schedule: its status
 * and creation time from the catalog's read model, its providers from lineage's, each a batch, so
 * that a page of products is a fixed number of round trips
 * (docs/decisions/0018-module-data-ownership.md).
 */
@Component
class ReviewStore {

    private final JdbcClient jdbc;
    private final CatalogReadModel catalog;
    private final LineageReadModel lineage;

    ReviewStore(JdbcClient jdbc, CatalogReadModel catalog, LineageReadModel lineage) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.lineage = lineage;
    }

    /** A product as its review schedule needs it: since when it exists, and its latest review. */
    record Schedule(
            String productId,
            String name,
            String ownerTeam,
            String status,
            Instant createdAt,
            @Nullable Instant lastReviewedAt,
            @Nullable String lastReviewedBy) {

        /** Where this product stands in its review cycle at {@code now}. */
        ReviewState state(java.time.Duration interval, Instant now) {
            return ReviewState.of("active".equals(status), createdAt, lastReviewedAt, lastReviewedBy, interval, now);
        }
    }

    /**
     * A product one hop upstream of {@code consumer}: it provides a contract the consumer reads.
     *
     * @param successor the successor its document names ({@code customProperties}), if any
     */
    record Provider(
            String consumer,
            String id,
            String name,
            ProductStatus status,
            @Nullable String successor) {}

    /** What owner review shows of many products at once: their schedules and direct providers. */
    record Overview(Map<String, Schedule> schedules, List<Provider> providers) {}

    /**
     * The schedules of the products that exist and their direct providers (from lineage; each
     * once per consumer, in id order), with one look-up in the catalog for them all: a fixed
     * number of statements for a page of products.
     */
    Overview overview(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return new Overview(Map.of(), List.of());
        }
        Map<String, Set<String>> upstream = new TreeMap<>();
        lineage.into(productIds).forEach(link -> upstream.computeIfAbsent(link.downstreamId(), id -> new TreeSet<>())
                .add(link.upstreamId()));
        Set<String> wanted = new TreeSet<>(productIds);
        upstream.values().forEach(wanted::addAll);
        Map<String, CatalogReadModel.Product> products = catalog.products(wanted);
        List<Provider> providers = new ArrayList<>();
        upstream.forEach((consumer, ids) -> ids.forEach(id -> {
            CatalogReadModel.Product product = products.get(id);
            if (product != null) {
                providers.add(new Provider(consumer, id, product.name(), product.status(), product.successor()));
            }
        }));
        return new Overview(schedules(productIds, products), providers);
    }

    /** The input contracts of each product that no output port in the catalog provides. */
    Map<String, List<String>> unresolvedInputs(Collection<String> productIds) {
        return lineage.unresolvedInputs(productIds);
    }

    record PastReview(String reviewerName, Instant reviewedAt, String comment) {}

    void add(String productId, long reviewerId, String reviewerName, Instant at, String comment) {
        jdbc.sql("""
                        insert into product_review (product_id, reviewer_id, reviewer_name, reviewed_at, comment)
                        values (:product, :reviewer, :name, :at, :comment)
                        """)
                .param("product", productId)
                .param("reviewer", reviewerId)
                .param("name", reviewerName)
                .param("at", java.sql.Timestamp.from(at))
                .param("comment", comment)
                .update();
    }

    /** The schedule of each given product that exists. */
    Map<String, Schedule> schedules(Collection<String> productIds) {
        Map<String, Schedule> schedules = new HashMap<>();
        if (productIds.isEmpty()) {
            return schedules;
        }
        return schedules(productIds, catalog.products(productIds));
    }

    private Map<String, Schedule> schedules(
            Collection<String> productIds, Map<String, CatalogReadModel.Product> products) {
        Map<String, Schedule> schedules = new HashMap<>();
        Map<String, LastReview> last = lastReviews(productIds);
        for (String id : productIds) {
            CatalogReadModel.Product product = products.get(id);
            if (product != null) {
                schedules.put(id, schedule(product, last.get(id)));
            }
        }
        return schedules;
    }

    /** The schedule of every active product: what the periodic check goes through. */
    List<Schedule> activeSchedules() {
        List<CatalogReadModel.Product> active = catalog.activeProducts();
        Map<String, LastReview> last =
                lastReviews(active.stream().map(CatalogReadModel.Product::id).toList());
        return active.stream()
                .map(product -> schedule(product, last.get(product.id())))
                .toList();
    }

    private record LastReview(Instant at, String by) {}

    /** The latest sign-off of each of the products that has one. */
    private Map<String, LastReview> lastReviews(Collection<String> productIds) {
        Map<String, LastReview> last = new HashMap<>();
        jdbc.sql("""
                        select distinct on (r.product_id) r.product_id, r.reviewed_at, r.reviewer_name
                          from product_review r
                         where r.product_id = any (cast(:ids as text[]))
                         order by r.product_id, r.reviewed_at desc, r.id desc
                        """)
                .param("ids", productIds.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> last.put(
                        rs.getString(1), new LastReview(rs.getTimestamp(2).toInstant(), rs.getString(3))))
                .list();
        return last;
    }

    private static Schedule schedule(CatalogReadModel.Product product, @Nullable LastReview last) {
        return new Schedule(
                product.id(),
                product.name(),
                product.ownerTeam(),
                product.status().value(),
                product.createdAt(),
                last == null ? null : last.at(),
                last == null ? null : last.by());
    }

    /** A product's sign-offs, newest first. */
    List<PastReview> history(String productId, int limit) {
        return jdbc.sql("""
                        select reviewer_name, reviewed_at, comment from product_review
                         where product_id = :id order by reviewed_at desc, id desc limit :limit
                        """)
                .param("id", productId)
                .param("limit", limit)
                .query((rs, row) ->
                        new PastReview(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }
}

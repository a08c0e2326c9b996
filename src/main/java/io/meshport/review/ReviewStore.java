package io.meshport.review;

import io.meshport.catalog.ProductStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The review table ({@code product_review}, V0006). Like lineage, it reads the catalog's
 * {@code data_product} (and lineage's edges) in SQL where a statement needs a product's status and
 * creation time next to its reviews, or the providers of many products, so that a page of products
 * is a fixed number of round trips.
 */
@Component
class ReviewStore {

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /**
     * The direct providers of each product, from lineage's edge table, in one query for a page
     * of products; each provider once per consumer, in id order.
     */
    List<Provider> providers(Collection<String> productIds) {
        return jdbc.sql("""
                        select distinct e.downstream_id, p.id, p.name, p.status,
                               (select cp ->> 'value'
                                  from jsonb_array_elements(case jsonb_typeof(p.document -> 'customProperties')
                                                            when 'array' then p.document -> 'customProperties'
                                                            else '[]'::jsonb end) cp
                                 where cp ->> 'property' = 'successor' limit 1)
                          from lineage_edge e join data_product p on p.id = e.upstream_id
                         where e.downstream_id = any (cast(:ids as text[])) and e.upstream_id <> e.downstream_id
                         order by e.downstream_id, p.id
                        """)
                .param("ids", productIds.toArray(String[]::new))
                .query((rs, row) -> new Provider(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        ProductStatus.fromValue(rs.getString(4)),
                        rs.getString(5)))
                .list();
    }

    /** The input contracts of each product that no output port in the catalog provides, one query. */
    Map<String, List<String>> unresolvedInputs(Collection<String> productIds) {
        Map<String, List<String>> unresolved = new HashMap<>();
        jdbc.sql("""
                        select i.product_id, i.contract_id from lineage_input i
                         where i.product_id = any (cast(:ids as text[]))
                           and not exists (select 1 from product_output_port o where o.contract_id = i.contract_id)
                         order by i.product_id, i.contract_id
                        """)
                .param("ids", productIds.toArray(String[]::new))
                .query((rs, row) -> unresolved
                        .computeIfAbsent(rs.getString(1), id -> new java.util.ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return unresolved;
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
        jdbc.sql(SCHEDULES + " where p.id = any (cast(:ids as text[]))")
                .param("ids", productIds.toArray(String[]::new))
                .query(ReviewStore::schedule)
                .list()
                .forEach(schedule -> schedules.put(schedule.productId(), schedule));
        return schedules;
    }

    /** The schedule of every active product: what the periodic check goes through. */
    List<Schedule> activeSchedules() {
        return jdbc.sql(SCHEDULES + " where p.status = 'active' order by p.id")
                .query(ReviewStore::schedule)
                .list();
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

    private static final String SCHEDULES = """
            select p.id, p.name, p.owner_team, p.status, p.created_at, last.reviewed_at, last.reviewer_name
              from data_product p
              left join lateral (
                  select r.reviewed_at, r.reviewer_name from product_review r
                   where r.product_id = p.id order by r.reviewed_at desc, r.id desc limit 1
              ) last on true
            """;

    private static Schedule schedule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Timestamp last = rs.getTimestamp(6);
        return new Schedule(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getTimestamp(5).toInstant(),
                last == null ? null : last.toInstant(),
                rs.getString(7));
    }
}

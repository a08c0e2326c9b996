package io.meshport.review;

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
 * {@code data_product} in SQL where a statement needs a product's status and creation time next
 * to its reviews, so that a page of products is one round trip.
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

package io.meshport.governance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current result of each policy for each product, and the history of each result: a row in
 * {@code policy_result_change} whenever a result turns (kept, violated, exempted) or its message
 * changes. Plain SQL: results are written in bulk by the sweep.
 */
@Component
class ResultStore {

    /**
     * A result as stored.
     *
     * @param exemptUntil set when the product passes only because an exemption covers it
     * @param since when the result became what it is
     */
    record Result(
            String policyId,
            String productId,
            boolean passed,
            @Nullable Instant exemptUntil,
            @Nullable String message,
            Instant evaluatedAt,
            Instant since) {

        boolean violated() {
            return !passed;
        }
    }

    /** A result as just evaluated. */
    record Evaluated(
            String policyId,
            String productId,
            boolean passed,
            @Nullable Instant exemptUntil,
            @Nullable String message) {}

    /** A result that turned from kept (or none) to violated. */
    record NewViolation(
            String policyId, String productId, @Nullable String message) {}

    private final JdbcClient jdbc;

    ResultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current results of the products, by product id, each list in policy order. */
    Map<String, List<Result>> of(Collection<String> productIds) {
        Map<String, List<Result>> results = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return results;
        }
        jdbc.sql(SELECT + " where product_id = any (cast(:ids as text[])) order by product_id, policy_id")
                .param("ids", productIds.stream().distinct().toArray(String[]::new))
                .query(ResultStore::result)
                .list()
                .forEach(result -> results.computeIfAbsent(result.productId(), id -> new ArrayList<>())
                        .add(result));
        return results;
    }

    /** The current results of one policy, failing first, then by product. */
    List<Result> ofPolicy(String policyId, int limit) {
        return jdbc.sql(SELECT + " where policy_id = :policy order by passed, product_id limit :limit")
                .param("policy", policyId)
                .param("limit", limit)
                .query(ResultStore::result)
                .list();
    }

    /** Per policy: how many products are in scope, pass, fail, and pass only by an exemption. */
    record Counts(long inScope, long passing, long failing, long exempt) {}

    Map<String, Counts> counts() {
        Map<String, Counts> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select policy_id, count(*), count(*) filter (where passed),
                               count(*) filter (where not passed), count(*) filter (where exempt_until is not null)
                          from policy_result group by policy_id order by policy_id
                        """)
                .query((rs, row) -> Map.entry(
                        rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /**
     * Stores what was evaluated for these products: every policy's result replaces the stored one;
     * a stored result of a policy not among {@code results} for a product in {@code productIds}
     * (the policy is disabled, retired, or no longer covers the product) is removed.
     *
     * @return the results that turned to violated, for notices
     */
    List<NewViolation> replace(Collection<String> productIds, List<Evaluated> results, String cause, Instant now) {
        Map<String, List<Result>> stored = of(productIds);
        Map<String, Result> byKey = new LinkedHashMap<>();
        stored.values()
                .forEach(list -> list.forEach(result -> byKey.put(key(result.policyId(), result.productId()), result)));
        List<NewViolation> turned = new ArrayList<>();
        for (Evaluated result : results) {
            Result before = byKey.remove(key(result.policyId(), result.productId()));
            upsert(result, before, cause, now);
            if (!result.passed() && (before == null || before.passed())) {
                turned.add(new NewViolation(result.policyId(), result.productId(), result.message()));
            }
        }
        for (Result gone : byKey.values()) {
            jdbc.sql("delete from policy_result where policy_id = :policy and product_id = :product")
                    .param("policy", gone.policyId())
                    .param("product", gone.productId())
                    .update();
        }
        return turned;
    }

    /** Removes a policy's results (it was disabled or retired), keeping their history. */
    void removePolicy(String policyId) {
        jdbc.sql("delete from policy_result where policy_id = :policy")
                .param("policy", policyId)
                .update();
    }

    private void upsert(Evaluated result, @Nullable Result before, String cause, Instant now) {
        boolean turned = before == null
                || before.passed() != result.passed()
                || (before.exemptUntil() == null) != (result.exemptUntil() == null)
                || !Objects.equals(before.message(), result.message());
        Instant since = before == null || before.passed() != result.passed() ? now : before.since();
        jdbc.sql("""
                        insert into policy_result (policy_id, product_id, passed, exempt_until, message, evaluated_at, since)
                        values (:policy, :product, :passed, :exemptUntil, :message, :now, :since)
                        on conflict (policy_id, product_id) do update
                           set passed = excluded.passed, exempt_until = excluded.exempt_until,
                               message = excluded.message, evaluated_at = excluded.evaluated_at, since = excluded.since
                        """)
                .param("policy", result.policyId())
                .param("product", result.productId())
                .param("passed", result.passed())
                .param("exemptUntil", result.exemptUntil() == null ? null : Timestamp.from(result.exemptUntil()))
                .param("message", result.message())
                .param("now", Timestamp.from(now))
                .param("since", Timestamp.from(since))
                .update();
        if (turned) {
            jdbc.sql("""
                            insert into policy_result_change (policy_id, product_id, passed, exempt, message, cause, changed_at)
                            values (:policy, :product, :passed, :exempt, :message, :cause, :now)
                            """)
                    .param("policy", result.policyId())
                    .param("product", result.productId())
                    .param("passed", result.passed())
                    .param("exempt", result.exemptUntil() != null)
                    .param("message", result.message())
                    .param("cause", cause)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    /** A result's turns, newest first. */
    record Turn(
            String policyId,
            String productId,
            boolean passed,
            boolean exempt,
            @Nullable String message,
            String cause,
            Instant at) {}

    List<Turn> turns(String productId, int limit) {
        return jdbc.sql("""
                        select policy_id, product_id, passed, exempt, message, cause, changed_at
                          from policy_result_change where product_id = :product order by id desc limit :limit
                        """)
                .param("product", productId)
                .param("limit", limit)
                .query((rs, row) -> new Turn(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    private static final String SELECT = """
            select policy_id, product_id, passed, exempt_until, message, evaluated_at, since from policy_result
            """;

    private static Result result(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp exemptUntil = rs.getTimestamp(4);
        return new Result(
                rs.getString(1),
                rs.getString(2),
                rs.getBoolean(3),
                exemptUntil == null ? null : exemptUntil.toInstant(),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7).toInstant());
    }

    private static String key(String policyId, String productId) {
        return policyId + '\u0000' + productId;
    }
}

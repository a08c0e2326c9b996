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
        Rows upserts = new Rows();
        Rows turns = new Rows();
        for (Evaluated result : results) {
            Result before = byKey.remove(key(result.policyId(), result.productId()));
            boolean changed = before == null
                    || before.passed() != result.passed()
                    || (before.exemptUntil() == null) != (result.exemptUntil() == null)
                    || !Objects.equals(before.message(), result.message());
            Instant since = before == null || before.passed() != result.passed() ? now : before.since();
            upserts.add(result, since);
            if (changed) {
                turns.add(result, since);
            }
            if (!result.passed() && (before == null || before.passed())) {
                turned.add(new NewViolation(result.policyId(), result.productId(), result.message()));
            }
        }
        if (!upserts.isEmpty()) {
            // One statement for a batch, whatever its size: arrays unnested side by side.
            jdbc.sql("""
                            insert into policy_result (policy_id, product_id, passed, exempt_until, message, evaluated_at, since)
                            select r.policy, r.product, r.passed, r.exempt_until, r.message, :now, r.since
                              from unnest(cast(:policies as text[]), cast(:products as text[]), cast(:passed as boolean[]),
                                          cast(:exemptUntil as timestamptz[]), cast(:messages as text[]),
                                          cast(:since as timestamptz[]))
                                   as r(policy, product, passed, exempt_until, message, since)
                            on conflict (policy_id, product_id) do update
                               set passed = excluded.passed, exempt_until = excluded.exempt_until,
                                   message = excluded.message, evaluated_at = excluded.evaluated_at, since = excluded.since
                            """)
                    .params(upserts.params())
                    .param("now", Timestamp.from(now))
                    .update();
        }
        if (!turns.isEmpty()) {
            jdbc.sql("""
                            insert into policy_result_change (policy_id, product_id, passed, exempt, message, cause, changed_at)
                            select r.policy, r.product, r.passed, r.exempt_until is not null, r.message, :cause, :now
                              from unnest(cast(:policies as text[]), cast(:products as text[]), cast(:passed as boolean[]),
                                          cast(:exemptUntil as timestamptz[]), cast(:messages as text[]),
                                          cast(:since as timestamptz[]))
                                   with ordinality as r(policy, product, passed, exempt_until, message, since, n)
                             order by r.n
                            """)
                    .params(turns.params())
                    .param("cause", cause)
                    .param("now", Timestamp.from(now))
                    .update();
        }
        if (!byKey.isEmpty()) {
            jdbc.sql("""
                            delete from policy_result r
                             using unnest(cast(:policies as text[]), cast(:products as text[])) as gone(policy, product)
                             where r.policy_id = gone.policy and r.product_id = gone.product
                            """)
                    .param(
                            "policies",
                            byKey.values().stream().map(Result::policyId).toArray(String[]::new))
                    .param(
                            "products",
                            byKey.values().stream().map(Result::productId).toArray(String[]::new))
                    .update();
        }
        return turned;
    }

    /** Results as parallel arrays, for one statement over many rows. */
    private static final class Rows {
        private final List<String> policies = new ArrayList<>();
        private final List<String> products = new ArrayList<>();
        private final List<Boolean> passed = new ArrayList<>();
        // Instants as ISO text, which PostgreSQL reads as timestamptz: every driver binds text arrays.
        private final List<@Nullable String> exemptUntil = new ArrayList<>();
        private final List<@Nullable String> messages = new ArrayList<>();
        private final List<String> since = new ArrayList<>();

        void add(Evaluated result, Instant since) {
            policies.add(result.policyId());
            products.add(result.productId());
            passed.add(result.passed());
            exemptUntil.add(
                    result.exemptUntil() == null ? null : result.exemptUntil().toString());
            messages.add(result.message());
            this.since.add(since.toString());
        }

        boolean isEmpty() {
            return policies.isEmpty();
        }

        Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("policies", policies.toArray(String[]::new));
            params.put("products", products.toArray(String[]::new));
            params.put("passed", passed.stream().map(String::valueOf).toArray(String[]::new));
            params.put("exemptUntil", exemptUntil.toArray(String[]::new));
            params.put("messages", messages.toArray(String[]::new));
            params.put("since", since.toArray(String[]::new));
            return params;
        }
    }

    /** Removes a policy's results (it was disabled or retired), keeping their history. */
    void removePolicy(String policyId) {
        jdbc.sql("delete from policy_result where policy_id = :policy")
                .param("policy", policyId)
                .update();
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

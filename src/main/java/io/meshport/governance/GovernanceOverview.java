package io.meshport.governance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The governance overview's reads over governance's own tables (results, exemptions, the daily
 * compliance record), each one statement; what they need of the products (names, teams, domains)
 * the service looks up in the catalog's read model afterwards, in batches (0018).
 */
@Component
class GovernanceOverview {

    /** A violated result of an enabled policy, with the policy's words. */
    record Violation(
            String policyId,
            String title,
            Severity severity,
            PolicyMode mode,
            String productId,
            @Nullable String message,
            Instant since) {}

    /** An open exemption, with the policy's title. */
    record Exempted(
            long id,
            String policyId,
            String title,
            String productId,
            String reason,
            String grantedBy,
            Instant grantedAt,
            Instant expiresAt) {}

    /** One row of the daily compliance record. */
    record Day(LocalDate day, String domain, String team, long products, long compliant, long violations) {}

    private static final String ENABLED = " p.enabled and p.retired_at is null ";

    private final JdbcClient jdbc;

    GovernanceOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per product an enabled policy is evaluated for: how many of them it violates (0 for none). */
    Map<String, Long> violationsPerProduct() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select r.product_id, count(*) filter (where not r.passed) from policy_result r"
                        + " join policy p on p.id = r.policy_id where" + ENABLED
                        + " group by r.product_id order by r.product_id")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /** How many violated results there are, of one policy or (null) of all enabled ones. */
    long violationCount(@Nullable String policyId) {
        return jdbc.sql("select count(*) from policy_result r join policy p on p.id = r.policy_id"
                        + " where not r.passed and" + ENABLED + "and (cast(:policy as text) is null or p.id = :policy)")
                .param("policy", policyId)
                .query(Long.class)
                .single();
    }

    /** A page of the violated results, the newest violations first. */
    List<Violation> violations(@Nullable String policyId, int offset, int limit) {
        return jdbc.sql("select p.id, p.title, p.severity, p.mode, r.product_id, r.message, r.since"
                        + " from policy_result r join policy p on p.id = r.policy_id"
                        + " where not r.passed and" + ENABLED + "and (cast(:policy as text) is null or p.id = :policy)"
                        + " order by r.since desc, p.id, r.product_id offset :offset limit :limit")
                .param("policy", policyId)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, row) -> new Violation(
                        rs.getString(1),
                        rs.getString(2),
                        Severity.fromValue(rs.getString(3)).orElse(Severity.MEDIUM),
                        PolicyMode.fromValue(rs.getString(4)).orElse(PolicyMode.ADVISORY),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Open exemptions of policies not retired that expire in [from, until), the soonest first. */
    List<Exempted> expiring(Instant from, Instant until, int limit) {
        return jdbc.sql("""
                        select e.id, e.policy_id, p.title, e.product_id, e.reason, e.granted_by_name, e.granted_at,
                               e.expires_at
                          from policy_exemption e join policy p on p.id = e.policy_id
                         where e.revoked_at is null and p.retired_at is null
                           and e.expires_at >= :from and e.expires_at < :until
                         order by e.expires_at, e.policy_id, e.product_id
                         limit :limit
                        """)
                .param("from", Timestamp.from(from))
                .param("until", Timestamp.from(until))
                .param("limit", limit)
                .query((rs, row) -> new Exempted(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** The daily compliance record from {@code from} on, oldest first. */
    List<Day> days(LocalDate from) {
        return jdbc.sql("""
                        select day, domain, team, products, compliant, violations from compliance_day
                         where day >= :from order by day, domain, team
                        """)
                .param("from", Date.valueOf(from))
                .query((rs, row) -> new Day(
                        rs.getDate(1).toLocalDate(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }
}

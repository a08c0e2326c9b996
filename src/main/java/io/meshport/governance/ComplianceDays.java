package io.meshport.governance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compliance per domain and owning team, one row per day ({@code compliance_day}): what the
 * charts over time draw. The sweep writes today's rows; a later sweep of the same day replaces
 * them, so a day's rows are its last sweep's.
 */
@Component
class ComplianceDays {

    /**
     * One domain's and team's products on a day.
     *
     * @param domain '' for products that name no domain
     * @param products products evaluated
     * @param compliant of those, the ones that violate no policy (an exempt result counts as kept)
     * @param violations failing results: a product that breaks two policies counts twice
     */
    record Day(String domain, String team, int products, int compliant, int violations) {}

    private final JdbcClient jdbc;

    ComplianceDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the day's rows with these: a domain or team that has no products any more has no row. */
    void store(LocalDate day, Collection<Day> rows) {
        jdbc.sql("delete from compliance_day where day = :day")
                .param("day", Date.valueOf(day))
                .update();
        for (Day row : rows) {
            jdbc.sql("""
                            insert into compliance_day (day, domain, team, products, compliant, violations)
                            values (:day, :domain, :team, :products, :compliant, :violations)
                            on conflict (day, domain, team) do update
                               set products = excluded.products, compliant = excluded.compliant,
                                   violations = excluded.violations
                            """)
                    .param("day", Date.valueOf(day))
                    .param("domain", row.domain())
                    .param("team", row.team())
                    .param("products", row.products())
                    .param("compliant", row.compliant())
                    .param("violations", row.violations())
                    .update();
        }
    }
}

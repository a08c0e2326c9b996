package io.meshport.governance;

import java.time.LocalDate;

/**
 * One day of a domain's or a team's compliance, as the daily record kept it (table {@code
 * compliance_day}): what the overview's chart draws.
 *
 * @param name the domain or team; {@link ComplianceShare#NO_DOMAIN} for products without a domain
 */
public record ComplianceDay(LocalDate day, String name, long products, long compliant, long violations) {

    /** Share of the products that violated nothing that day, 0..1; 1 when there were none. */
    public double share() {
        return products == 0 ? 1.0 : (double) compliant / products;
    }
}

package io.meshport.governance;

/**
 * How the products of one domain or team keep the enabled policies today.
 *
 * @param name the domain or team; {@link #NO_DOMAIN} for products without a domain
 * @param products products at least one enabled policy is evaluated for
 * @param compliant those of them that violate none (an exemption counts as kept)
 * @param violations violated results, one per policy and product
 */
public record ComplianceShare(String name, long products, long compliant, long violations) {

    /** What the overview calls products that name no domain. */
    public static final String NO_DOMAIN = "(no domain)";

    /** Share of the products that violate nothing, 0..1; 1 when there are none. */
    public double share() {
        return products == 0 ? 1.0 : (double) compliant / products;
    }
}

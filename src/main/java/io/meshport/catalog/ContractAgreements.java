package io.meshport.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who has agreed to use a contract beyond the products whose input ports declare it: the
 * consumers of approved data usage agreements. The access feature answers; the catalog asks when a
 * new version of a contract would break its consumers, without depending on access (which builds
 * on the catalog).
 */
public interface ContractAgreements {

    /** The consumers of approved agreements on ports that offer the contract, by team. */
    List<Consumer> of(String contractId);

    /**
     * The approved agreements on ports that offer the contract, with the port each is made for:
     * what the contract's page lists among its consumers. Approved agreements are consumers the
     * lineage shows to every signed-in user, so nothing here needs a caller. (A default, so that
     * stand-ins written for {@link #of} alone keep compiling; access answers it.)
     */
    default List<Agreement> agreementsOn(String contractId) {
        return List.of();
    }

    /**
     * @param product the consumer's product that reads the port, or null when the team reads it
     *     directly
     * @param agreedVersion the contract version the consumer agreed to
     */
    record Consumer(
            String agreementId,
            String team,
            @Nullable String product,
            @Nullable String agreedVersion) {}

    /**
     * @param providerProduct the product whose output port the agreement is made for
     * @param consumerProduct the consumer's product that reads the port, or null when the team
     *     reads it directly
     * @param agreedVersion the contract version the consumer agreed to
     */
    record Agreement(
            String agreementId,
            String providerProduct,
            String outputPort,
            String consumerTeam,
            @Nullable String consumerProduct,
            @Nullable String agreedVersion) {}
}

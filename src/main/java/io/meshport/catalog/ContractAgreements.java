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
     * @param product the consumer's product that reads the port, or null when the team reads it
     *     directly
     * @param agreedVersion the contract version the consumer agreed to
     */
    record Consumer(
            String agreementId,
            String team,
            @Nullable String product,
            @Nullable String agreedVersion) {}
}

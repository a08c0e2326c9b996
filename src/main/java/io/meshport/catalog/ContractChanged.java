package io.meshport.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Published by {@link CatalogService} when a write replaces a contract's document with a
 * different one, inside the writing transaction, naming the products of other teams whose input
 * ports read the contract: they are the ones to tell.
 *
 * @param changedBy the display name of who made the change
 */
public record ContractChanged(
        String contractId,
        @Nullable String contractName,
        String ownerTeam,
        long revision,
        String changedBy,
        List<Consumer> consumers) {

    /** A product that reads the contract, and its owning team. */
    public record Consumer(String productId, String productName, String team) {}
}

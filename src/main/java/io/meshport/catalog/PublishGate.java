package io.meshport.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A check every write of a product must pass before it commits: governance's enforced policies.
 * The catalog asks each registered gate once the product (or a contract it offers) is stored and
 * its lineage is known, in the writing transaction, so a gate sees the catalog as it would be;
 * a gate that throws refuses the write and nothing of it is kept. Governance builds on the
 * catalog, so the catalog asks through this interface without depending on it.
 */
public interface PublishGate {

    /**
     * @param productId the product written, or one offering the contract written
     * @param previousStatus the product's status before the write; null for a new product
     * @throws RefusedByPolicyException to refuse the write
     */
    void check(String productId, @Nullable ProductStatus previousStatus);
}

package io.meshport.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Published by {@link CatalogService} when a write changes a product's life-cycle status (it is
 * deprecated, retired, reactivated, ...), inside the writing transaction; listeners that act on
 * it outside the catalog use {@code @TransactionalEventListener} so a refused write tells no one.
 *
 * @param successor the product named as successor in the document ({@code customProperties}), if any
 * @param changedBy the display name of who made the change
 */
public record ProductStatusChanged(
        String productId,
        String productName,
        ProductStatus from,
        ProductStatus to,
        @Nullable String successor,
        String changedBy) {}

package io.meshport.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a list of products shows of each. */
public record DataProductSummary(
        String id,
        String name,
        @Nullable String version,
        ProductStatus status,
        @Nullable String domain,
        String ownerTeam,
        @Nullable String purpose,
        Instant updatedAt) {

    static DataProductSummary of(DataProduct product) {
        return new DataProductSummary(
                product.id(),
                product.name(),
                product.version(),
                product.status(),
                product.domain(),
                product.ownerTeam(),
                product.purpose(),
                product.updatedAt());
    }
}

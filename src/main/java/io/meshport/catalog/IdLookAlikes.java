package io.meshport.catalog;

import java.util.List;

/**
 * Ids that differ only in case ({@code SP-SALES-A} and {@code sp-sales-a}), stored before ids
 * were unique regardless of case; the oldest first. New look-alikes are refused.
 *
 * @param kind {@code product} or {@code contract}
 */
public record IdLookAlikes(String kind, List<String> ids) {

    public IdLookAlikes {
        ids = List.copyOf(ids);
    }
}

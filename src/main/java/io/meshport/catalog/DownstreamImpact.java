package io.meshport.catalog;

import java.util.List;
import java.util.Set;

/**
 * Who is hurt when a product changes: the products that consume it, directly or through others.
 * The lineage feature answers; the catalog asks before an owner deprecates, retires or changes
 * what a port offers, without depending on lineage (which builds on the catalog).
 */
public interface DownstreamImpact {

    /**
     * Every product downstream of {@code productId} through the given contracts it provides, or
     * through any of its output ports when {@code contractIds} is empty.
     */
    Report of(String productId, Set<String> contractIds);

    /** The affected products, nearest first, and the same as CSV for people to take along. */
    record Report(List<Affected> products, boolean truncated, String csv) {
        public boolean isEmpty() {
            return products.isEmpty();
        }
    }

    /** One affected product; {@code path} runs from the changed product to it. */
    record Affected(String id, String name, String team, ProductStatus status, int depth, List<String> path) {}
}

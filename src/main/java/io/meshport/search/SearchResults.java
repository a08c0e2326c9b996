package io.meshport.search;

import io.meshport.catalog.ProductStatus;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of search results.
 *
 * @param facets per facet (domain, team, status, tag, portType, violating), the values with their
 *     counts under the query and all other facets' filters
 * @param suggestion a corrected spelling, when the query found nothing and one exists
 * @param hiddenRetired when the query found nothing because retired products are hidden, how many
 *     retired ones it would find (then no spelling is suggested); otherwise 0
 * @param partial whether no product holds every word of the query, so that these are the products
 *     that hold most of them (total, facets and pages are theirs)
 */
public record SearchResults(
        long total,
        List<Hit> items,
        Map<String, List<FacetCount>> facets,
        @Nullable String suggestion,
        long hiddenRetired,
        boolean partial) {

    /**
     * @param highlight why it matched: a snippet of name, purpose or details with matches in
     *     {@code <mark>}; everything else in it is HTML-escaped
     * @param trustScore governance's trust score (0 to 100); null before the product's first
     *     evaluation
     * @param policyViolations how many policies the product violates
     */
    public record Hit(
            String id,
            String name,
            @Nullable String domain,
            String team,
            ProductStatus status,
            @Nullable String purpose,
            @Nullable String highlight,
            @Nullable Integer trustScore,
            int policyViolations) {}

    public record FacetCount(String value, long count) {}
}

package io.meshport.search.api;

import io.meshport.search.CatalogSearch;
import io.meshport.search.InvalidSearchException;
import io.meshport.search.SearchRequest;
import io.meshport.search.SearchResults;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search of the catalog over REST: what Explore shows, for scripts and other tools. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog", description = "Data products (ODPS v1.0.0, v0.9.0) and data contracts (ODCS v3)")
@SecurityRequirement(name = "bearer")
class SearchApi {

    private final CatalogSearch search;

    SearchApi(CatalogSearch search) {
        this.search = search;
    }

    /**
     * A search result as the API shows it.
     *
     * @param partial true when no product holds every word of q: the items, total and facets are
     *     then those of the products that hold most of the words
     */
    record SearchResponse(
            long total,
            List<SearchResults.Hit> items,
            Map<String, List<SearchResults.FacetCount>> facets,
            @Nullable String suggestion,
            long hiddenRetired,
            boolean partial) {}

    @Operation(
            summary = "Search data products",
            description =
                    "Full-text search with facets. Repeat a filter parameter for alternatives (domain=a&domain=b);"
                            + " different filters combine with 'and'. Retired products are left out unless status=retired;"
                            + " other teams' draft and proposed products unless otherTeamsDrafts=true or a status"
                            + " filter names that status (the caller's own teams' are always included)."
                            + " Items carry a highlight: a snippet of the text (Markdown shown as plain text), HTML-escaped,"
                            + " with matches in <mark>. Every word of q must be found; when no product holds every"
                            + " word of a query of three or more words, the products that hold most of them (60 %,"
                            + " at least two) are the result and partial is true."
                            + " Governance's standing: violating=true (products that violate a policy) or false (none),"
                            + " counted in the violating facet; minTrust=N (0 to 100) keeps products whose trust score is"
                            + " at least N (a product not yet evaluated has none and is left out); sort=trust puts the"
                            + " highest trust score first (not yet evaluated last; ties by name). Items carry"
                            + " trustScore (null before the first evaluation) and policyViolations.")
    @GetMapping("/data-products")
    SearchResponse searchProducts(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") List<String> domain,
            @RequestParam(defaultValue = "") List<String> team,
            @RequestParam(defaultValue = "") List<String> status,
            @RequestParam(defaultValue = "") List<String> tag,
            @RequestParam(defaultValue = "") List<String> portType,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "false") boolean otherTeamsDrafts,
            @RequestParam(defaultValue = "relevance") String sort,
            @RequestParam(defaultValue = "") List<String> violating,
            @RequestParam(required = false) @Nullable String minTrust,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 100_000) {
            throw new InvalidSearchException("Bad page", "/page", "page must be between 0 and 100000.");
        }
        if (size < 1 || size > 100) {
            throw new InvalidSearchException("Bad size", "/size", "size must be between 1 and 100.");
        }
        SearchRequest.Sort order =
                switch (sort.toLowerCase(java.util.Locale.ROOT)) {
                    case "relevance" -> SearchRequest.Sort.RELEVANCE;
                    case "name" -> SearchRequest.Sort.NAME;
                    case "updated" -> SearchRequest.Sort.UPDATED;
                    case "trust" -> SearchRequest.Sort.TRUST;
                    default ->
                        throw new InvalidSearchException(
                                "Bad sort", "/sort", "sort must be relevance, name, updated or trust.");
                };
        SearchRequest request = new SearchRequest(
                q,
                values(domain),
                values(team),
                values(status),
                values(tag),
                values(portType),
                mine,
                false,
                otherTeamsDrafts,
                order,
                values(violating),
                minTrust(minTrust));
        SearchResults results = search.search(request, page * size, size);
        return new SearchResponse(
                results.total(),
                results.items(),
                results.facets(),
                results.suggestion(),
                results.hiddenRetired(),
                results.partial());
    }

    /** A whole number from 0 to 100 (the range is the search's to check), or null when not given. */
    private static @Nullable Integer minTrust(@Nullable String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(parameter.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSearchException(
                    "Bad minTrust",
                    "/minTrust",
                    "minTrust must be a whole number from 0 to 100, not '" + abbreviated(parameter) + "'.");
        }
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static Set<String> values(List<String> parameter) {
        return parameter.stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .collect(java.util.stream.Collectors.toSet());
    }
}

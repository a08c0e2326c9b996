package io.meshport.catalog;

import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over the catalog (Hibernate Search, Lucene). Ranking: an exact id or name
 * first, then names starting with the query, then relevance over name, tags, purpose and
 * details; typos are forgiven with fuzzy matching weighted low enough not to drown exact hits.
 * Active products rank above deprecated ones; retired ones are hidden unless asked for.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class CatalogSearch {

    static final List<String> FACETS = List.of("domain", "team", "status", "tag", "portType");
    private static final Map<String, String> FACET_FIELDS =
            Map.of("domain", "domain", "team", "ownerTeam", "status", "status", "tag", "tags", "portType", "port_type");

    private final EntityManager entityManager;
    private final CurrentIdentity currentIdentity;

    CatalogSearch(EntityManager entityManager, CurrentIdentity currentIdentity) {
        this.entityManager = entityManager;
        this.currentIdentity = currentIdentity;
    }

    public SearchResults search(SearchRequest request, int offset, int limit) {
        return search(request, offset, limit, true);
    }

    /** One page of hits only, without facets: what a lazily scrolled result list asks for. */
    public List<SearchResults.Hit> hits(SearchRequest request, int offset, int limit) {
        return search(request, offset, limit, false).items();
    }

    private SearchResults search(SearchRequest request, int offset, int limit, boolean withFacets) {
        if (request.text().length() > SearchRequest.MAX_TEXT) {
            throw new InvalidDocumentException(
                    "Query too long",
                    "/q",
                    "A search is at most " + SearchRequest.MAX_TEXT + " characters; this one has "
                            + request.text().length() + ".");
        }
        Identity caller = currentIdentity.require();
        SearchSession session = Search.session(entityManager);
        Map<String, AggregationKey<Map<String, Long>>> keys = new LinkedHashMap<>();
        FACETS.forEach(facet -> keys.put(facet, AggregationKey.of(facet)));

        var query = session.search(DataProduct.class)
                .select(f -> f.composite()
                        .from(f.entity(), f.highlight("name"), f.highlight("purpose"), f.highlight("details"))
                        .asList())
                .where(f -> predicate(f, request, caller, null))
                .highlighter(h -> h.plain()
                        .tag("<mark>", "</mark>")
                        .encoder(HighlighterEncoder.HTML)
                        .numberOfFragments(1))
                .sort(f -> sort(f, request));
        for (String facet : FACETS) {
            if (withFacets && selected(request, facet).isEmpty()) {
                query.aggregation(keys.get(facet), f -> f.terms()
                        .field(
                                FACET_FIELDS.get(facet),
                                String.class,
                                org.hibernate.search.engine.search.common.ValueModel.INDEX)
                        .maxTermCount(100));
            }
        }
        SearchResult<List<?>> result = query.fetch(offset, Math.max(0, limit));

        Map<String, List<SearchResults.FacetCount>> facets = new LinkedHashMap<>();
        for (String facet : withFacets ? FACETS : List.<String>of()) {
            Map<String, Long> counts = selected(request, facet).isEmpty()
                    ? result.aggregation(keys.get(facet))
                    : facetCounts(session, request, caller, facet);
            facets.put(
                    facet,
                    counts.entrySet().stream()
                            .map(e -> new SearchResults.FacetCount(e.getKey(), e.getValue()))
                            .toList());
        }
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (List<?> row : result.hits()) {
            DataProduct product = (DataProduct) row.get(0);
            // Purpose and details say why a product matched better than its name, which is shown anyway.
            String highlight = first(row.get(2), row.get(3), row.get(1));
            hits.add(new SearchResults.Hit(
                    product.id(),
                    product.name(),
                    product.domain(),
                    product.ownerTeam(),
                    product.status(),
                    product.purpose(),
                    highlight));
        }
        long total = result.total().hitCount();
        String suggestion = total == 0 && !request.text().isEmpty() ? suggestion(session, request.text()) : null;
        return new SearchResults(total, hits, facets, suggestion);
    }

    public long count(SearchRequest request) {
        Identity caller = currentIdentity.require();
        return Search.session(entityManager)
                .search(DataProduct.class)
                .where(f -> predicate(f, request, caller, null))
                .fetchTotalHitCount();
    }

    /** Counts of one facet's values under the query and every other facet's filter. */
    private Map<String, Long> facetCounts(SearchSession session, SearchRequest request, Identity caller, String facet) {
        AggregationKey<Map<String, Long>> key = AggregationKey.of(facet);
        return session.search(DataProduct.class)
                .where(f -> predicate(f, request, caller, facet))
                .aggregation(key, f -> f.terms()
                        .field(
                                FACET_FIELDS.get(facet),
                                String.class,
                                org.hibernate.search.engine.search.common.ValueModel.INDEX)
                        .maxTermCount(100))
                .fetch(0)
                .aggregation(key);
    }

    private PredicateFinalStep predicate(
            SearchPredicateFactory f, SearchRequest request, Identity caller, @Nullable String ignoredFacet) {
        BooleanPredicateClausesStep<?, ?> bool = f.bool();
        String text = request.text();
        if (text.isEmpty()) {
            bool.must(f.matchAll());
        } else {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            BooleanPredicateClausesStep<?, ?> words = f.bool()
                    .should(f.match().field("name_exact").matching(lower).boost(1000f))
                    .should(f.match().field("id_exact").matching(lower).boost(1000f))
                    .should(f.match()
                            .field("name_prefix")
                            .matching(text)
                            .minimumShouldMatchPercent(100)
                            .boost(40f))
                    .should(f.match().field("name").matching(text).boost(10f))
                    .should(f.match().field("id_text").matching(text).boost(8f))
                    .should(f.match().field("tags_text").matching(text).boost(4f))
                    .should(f.match().field("purpose").matching(text).boost(2f))
                    .should(f.match().field("details").matching(text).boost(1f));
            // Typos: one edit in a word of five letters or more, its first two letters as typed,
            // against names. Fuzzy automata are the costly part of a query, so they are kept few.
            typoWords(text)
                    .forEach(word -> words.should(f.match()
                            .field("name")
                            .matching(word)
                            .analyzer(SearchAnalysis.TEXT)
                            .fuzzy(1, 2)
                            .boost(3f)));
            bool.must(words);
            // Active products above deprecated ones at equal relevance.
            bool.should(f.match().field("status").matching(ProductStatus.ACTIVE).boost(1.5f));
        }
        filter(bool, f, "domain", request.domains(), ignoredFacet, Function.identity());
        filter(bool, f, "team", request.teams(), ignoredFacet, Function.identity());
        filter(bool, f, "status", request.statuses(), ignoredFacet, Function.identity());
        filter(bool, f, "tag", request.tags(), ignoredFacet, Function.identity());
        filter(bool, f, "portType", request.portTypes(), ignoredFacet, Function.identity());
        if (request.myTeams()) {
            Set<String> teams = caller.teams();
            bool.filter(
                    teams.isEmpty()
                            ? f.not(f.matchAll())
                            : f.terms().field("ownerTeam").matchingAny(teams));
        }
        if (!request.includeRetired() && !request.statuses().contains("retired")) {
            bool.mustNot(f.match().field("status").matching(ProductStatus.RETIRED));
        }
        return bool;
    }

    private static List<String> typoWords(String text) {
        return java.util.Arrays.stream(text.split("[^\\p{L}]+"))
                .filter(word -> word.length() >= 5)
                .distinct()
                .limit(4)
                .toList();
    }

    private static void filter(
            BooleanPredicateClausesStep<?, ?> bool,
            SearchPredicateFactory f,
            String facet,
            Set<String> values,
            @Nullable String ignoredFacet,
            Function<String, String> convert) {
        if (values.isEmpty() || facet.equals(ignoredFacet)) {
            return;
        }
        Collection<String> converted = values.stream().map(convert).toList();
        bool.filter(f.terms()
                .field(FACET_FIELDS.get(facet))
                .matchingAny(converted, org.hibernate.search.engine.search.common.ValueModel.INDEX));
    }

    private static SortFinalStep sort(SearchSortFactory f, SearchRequest request) {
        return switch (request.sort()) {
            case NAME -> f.field("name_sort").then().field("id_exact");
            case UPDATED -> f.field("updatedAt").desc().then().field("name_sort");
            case RELEVANCE ->
                request.text().isEmpty()
                        ? f.field("name_sort").then().field("id_exact")
                        : f.score().then().field("name_sort");
        };
    }

    /**
     * A product name close to the query, when the query found nothing: each word of the query
     * may be two edits away from a word of a name or tag.
     */
    private static @Nullable String suggestion(SearchSession session, String text) {
        List<String> words = java.util.Arrays.stream(text.split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 3)
                .limit(8)
                .toList();
        if (words.isEmpty()) {
            return null;
        }
        List<DataProduct> close = session.search(DataProduct.class)
                .where(f -> {
                    BooleanPredicateClausesStep<?, ?> bool = f.bool();
                    for (String word : words) {
                        bool.should(f.match().field("name").matching(word).fuzzy(2, 0));
                        bool.should(f.match().field("tags_text").matching(word).fuzzy(2, 0));
                    }
                    return bool.mustNot(f.match().field("status").matching(ProductStatus.RETIRED));
                })
                .fetchHits(1);
        return close.isEmpty() ? null : close.getFirst().name();
    }

    private static Set<String> selected(SearchRequest request, String facet) {
        return switch (facet) {
            case "domain" -> request.domains();
            case "team" -> request.teams();
            case "status" -> request.statuses();
            case "tag" -> request.tags();
            default -> request.portTypes();
        };
    }

    @SuppressWarnings("unchecked")
    private static @Nullable String first(Object... highlights) {
        for (Object highlight : highlights) {
            List<String> fragments = (List<String>) highlight;
            if (fragments != null && !fragments.isEmpty()) {
                return fragments.getFirst();
            }
        }
        return null;
    }
}

package io.meshport.search;

import io.meshport.catalog.DataProduct;
import io.meshport.catalog.ProductStatus;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import io.meshport.search.ProductQuery.Words;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.aggregation.dsl.AggregationFinalStep;
import org.hibernate.search.engine.search.aggregation.dsl.SearchAggregationFactory;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(CatalogSearch.class);
    static final List<String> FACETS = List.of("domain", "team", "status", "tag", "portType", "violating");
    private static final List<String> SINGLE_VALUED = List.of("domain", "team", "status", "violating");
    private static final List<String> MULTI_VALUED = List.of("tag", "portType");

    private final EntityManager entityManager;
    private final CurrentIdentity currentIdentity;
    private final SearchPaging paging;

    @SuppressWarnings("OptionalUsedAsFieldOrParameterType") // null: not known yet
    private volatile @Nullable Optional<LuceneShortcuts> shortcuts;

    private final ExecutorService facetCounting = Executors.newVirtualThreadPerTaskExecutor();

    CatalogSearch(EntityManager entityManager, CurrentIdentity currentIdentity, SearchPaging paging) {
        this.entityManager = entityManager;
        this.currentIdentity = currentIdentity;
        this.paging = paging;
    }

    public SearchResults search(SearchRequest request, int offset, int limit) {
        return withinClauseLimit(
                request,
                lean -> search(request, offset, limit, true, lean),
                () -> new SearchResults(0, List.of(), noFacets(), null, 0, false));
    }

    /** One page of hits only, without facets: what a lazily scrolled result list asks for. */
    public List<SearchResults.Hit> hits(SearchRequest request, int offset, int limit) {
        return withinClauseLimit(
                request, lean -> search(request, offset, limit, false, lean).items(), List::of);
    }

    /**
     * Runs a search; should its query still exceed Lucene's clause limit (the words of a query are
     * bounded so that it should not, see {@link ProductQuery#queryWords}), runs it again as a lean query, and
     * should that fail too, answers nothing found: never an error.
     */
    private <T> T withinClauseLimit(SearchRequest request, Function<Boolean, T> search, Supplier<T> nothing) {
        try {
            return search.apply(false);
        } catch (RuntimeException e) {
            if (!tooManyClauses(e)) {
                throw e;
            }
            log.warn(
                    "A search of {} characters exceeded the clause limit; answering it with a lean query",
                    request.text().length());
        }
        try {
            return search.apply(true);
        } catch (RuntimeException e) {
            if (!tooManyClauses(e)) {
                throw e;
            }
            log.warn(
                    "A lean search of {} characters exceeded the clause limit too; answering nothing found",
                    request.text().length());
            return nothing.get();
        }
    }

    private static boolean tooManyClauses(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IndexSearcher.TooManyClauses) {
                return true;
            }
            // A cluster refuses such a query with an error of its own.
            String message = String.valueOf(cause.getMessage());
            if (message.contains("too_many_clauses")
                    || message.contains("too_many_nested_clauses")
                    || message.contains("maxClauseCount")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<SearchResults.FacetCount>> noFacets() {
        Map<String, List<SearchResults.FacetCount>> facets = new LinkedHashMap<>();
        FACETS.forEach(facet -> facets.put(facet, List.of()));
        return facets;
    }

    /**
     * Every word must be found; when no product holds every word of a query of a few words (not
     * even a hidden one), the products that hold most of them are the result list instead, marked
     * partial (its total, facets and pages are its own). A page without facets learns which list
     * it belongs to from the first page's summary, or when that is gone, by looking for one
     * product with every word.
     */
    private SearchResults search(SearchRequest request, int offset, int limit, boolean withFacets, boolean lean) {
        if (request.text().length() > SearchRequest.MAX_TEXT) {
            throw new InvalidSearchException(
                    "Query too long",
                    "/q",
                    "A search is at most " + SearchRequest.MAX_TEXT + " characters; this one has "
                            + request.text().length() + ".");
        }
        Words every = words(request.text(), lean);
        Words most = request.text().isEmpty() ? null : every.mostOfThem();
        if (most == null) {
            return search(request, offset, limit, withFacets, true, every);
        }
        if (withFacets) {
            SearchResults all = search(request, offset, limit, true, true, every);
            return all.total() == 0 && mostWordsNext(request, every)
                    ? search(request, offset, limit, true, true, most)
                    : all;
        }
        boolean partial = findsNothing(request, every) && mostWordsNext(request, every);
        return search(request, offset, limit, false, true, partial ? most : every);
    }

    /** Whether no product holds every word: as the result list's summary says, else looked up. */
    private boolean findsNothing(SearchRequest request, Words every) {
        SearchPaging.Summary known = paging.summary(key(request, currentIdentity.require(), every));
        return known != null ? known.total() == 0 : !findsAny(request, every);
    }

    private boolean findsAny(SearchRequest request, Words words) {
        Identity caller = currentIdentity.require();
        return !Search.session(entityManager)
                .search(DataProduct.class)
                .select(f -> f.id(String.class))
                .where(f -> f.bool().filter(ProductQuery.predicate(f, request, caller, null, words)))
                .fetchHits(1)
                .isEmpty();
    }

    /**
     * Whether a query that found nothing is to be answered with the products that hold most of
     * its words: when it has enough words, and no hidden product (retired, or another team's
     * draft) holds every one of them; such a product is offered instead (a retired one by name,
     * the drafts by the hint to show them).
     */
    private boolean mostWordsNext(SearchRequest request, Words words) {
        return !words.partial()
                && words.mostOfThem() != null
                && !findsAny(request.includingRetired().includingOtherTeamsDrafts(), words);
    }

    /**
     * What a search finds depends on the caller's teams when it narrows to them or shows only
     * their drafts (other teams' hidden), and on whether it looks for every word or most of them.
     */
    private static SearchPaging.Key key(SearchRequest request, Identity caller, Words words) {
        return new SearchPaging.Key(
                request,
                request.myTeams() || !request.hiddenOtherTeamsStatuses().isEmpty() ? caller.teams() : Set.of(),
                words.partial());
    }

    /**
     * @param bounded whether a page after a bookmark may look only at the names a little past it
     *     (see {@link LuceneShortcuts#upperBound}); false to look at all
     * @param words what the index knows of the query's words, and how many must be found
     */
    private SearchResults search(
            SearchRequest request, int offset, int limit, boolean withFacets, boolean bounded, Words words) {
        Identity caller = currentIdentity.require();
        SearchSession session = Search.session(entityManager);
        SearchPaging.Key key = key(request, caller, words);
        long generation = paging.generation();
        boolean keyset = keysetSortable(request);
        SearchPaging.Bookmark bookmark = keyset && offset > 0 ? paging.nearest(key, offset) : null;
        SearchPaging.Summary known = offset > 0 ? paging.summary(key) : null;
        // The first page of a result list computes its total and facets; later pages reuse them.
        boolean summarise = bookmark == null && (withFacets ? known == null : offset == 0 && limit == 0);

        int needed = (bookmark == null ? offset : offset - bookmark.offset()) + Math.max(0, limit);
        LuceneShortcuts lucene = lucene();
        BytesRef upper = lucene != null && bounded && bookmark != null && inNameOrder(request)
                ? lucene.upperBound((String) bookmark.after().values().getFirst(), needed, known)
                : null;
        List<String> unselected = withFacets
                ? FACETS.stream()
                        .filter(facet -> selected(request, facet).isEmpty())
                        .toList()
                : List.of();
        // A first page's total and counts: with no facet selected, a query of their own counts
        // them beside the one for the hits (in a session of its own: a session is not shared
        // between threads). Counting needs no scores, and with no exact total to reach the hits
        // query may skip the products that cannot make the page. A selected facet's counts
        // ignore its own filter, so each needs a query of its own that runs beside the main one;
        // the main query then counts the rest itself, as the products it scores are few.
        // On two cores a first page then takes about as long as its longest part.
        boolean countApart = summarise && unselected.size() == FACETS.size();
        CompletableFuture<Counted> counting = null;
        if (countApart) {
            // In two halves (the multi-valued facets apart), so that the two cores share a
            // common word's counting while the hits query, which may skip, finishes early.
            List<String> single = withFacets ? SINGLE_VALUED : List.of();
            List<String> multi = withFacets ? MULTI_VALUED : List.of();
            CompletableFuture<Counted> first =
                    CompletableFuture.supplyAsync(() -> counted(request, caller, words, null, single), facetCounting);
            CompletableFuture<Counted> second = multi.isEmpty()
                    ? null
                    : CompletableFuture.supplyAsync(() -> counted(request, caller, words, null, multi), facetCounting);
            counting = second == null ? first : first.thenCombine(second, Counted::and);
        }
        Map<String, CompletableFuture<Map<String, Long>>> selectedCounts = new LinkedHashMap<>();
        if (summarise && withFacets) {
            for (String facet : FACETS) {
                if (!unselected.contains(facet)) {
                    selectedCounts.put(
                            facet,
                            CompletableFuture.supplyAsync(
                                    () -> facetCounts(request, caller, facet, words), facetCounting));
                }
            }
        }
        var query = session.search(DataProduct.class)
                .select(f -> f.composite()
                        .from(
                                f.id(String.class),
                                f.field("name", String.class),
                                f.field("domain", String.class),
                                f.field("ownerTeam", String.class),
                                f.field("status", ProductStatus.class),
                                f.field("purpose", String.class),
                                f.field("name_sort", String.class),
                                f.field("updatedAt", Instant.class),
                                f.field("details", String.class),
                                f.field("trust_score", Integer.class),
                                f.field("policy_violations", Integer.class))
                        .asList())
                .where(f -> {
                    PredicateFinalStep predicate = ProductQuery.predicate(f, request, caller, null, words);
                    return bookmark == null
                            ? predicate
                            : f.bool().must(predicate).filter(after(f, request, bookmark.after(), upper));
                })
                .sort(f -> sort(f, request));
        Map<String, AggregationKey<Map<String, Long>>> keys = new LinkedHashMap<>();
        if (summarise && !countApart) {
            for (String facet : unselected) {
                AggregationKey<Map<String, Long>> aggregation = AggregationKey.of(facet);
                keys.put(facet, aggregation);
                query.aggregation(aggregation, f -> terms(f, facet));
            }
        }
        int skip = bookmark == null ? offset : offset - bookmark.offset();
        if (!summarise || countApart) {
            // No total is needed here: Lucene may stop counting once the page is certain.
            query.totalHitCountThreshold(skip + Math.max(0, limit));
        }
        SearchResult<List<?>> result = query.fetch(skip, Math.max(0, limit));
        if (upper != null && result.hits().size() < limit) {
            // Too few products between the bookmark and the bound (or the end of the list): look at all.
            return search(request, offset, limit, withFacets, false, words);
        }

        List<SearchResults.Hit> hits = new ArrayList<>();
        SearchPaging.SortKey last = null;
        Snippets snippets = request.text().isEmpty() || result.hits().isEmpty()
                ? null
                : new Snippets(words.query(), analyzer(AnalysisDefinition.TEXT), analyzer(AnalysisDefinition.WORDS));
        for (List<?> row : result.hits()) {
            // Purpose and details say why a product matched better than its name, which is shown anyway.
            String highlight = snippets == null
                    ? null
                    : snippets.best((String) row.get(5), (String) row.get(8), (String) row.get(1));
            hits.add(new SearchResults.Hit(
                    (String) row.get(0),
                    (String) row.get(1),
                    (String) row.get(2),
                    (String) row.get(3),
                    (ProductStatus) row.get(4),
                    (String) row.get(5),
                    highlight,
                    (Integer) row.get(9),
                    row.get(10) == null ? 0 : (Integer) row.get(10)));
            last = sortKey(request, row);
        }
        if (keyset && last != null) {
            paging.bookmark(key, generation, offset + hits.size(), last);
        }

        SearchPaging.Summary summary = known;
        if (summarise) {
            Counted counted;
            if (counting != null) {
                counted = joined(counting);
            } else {
                Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
                keys.forEach((facet, aggregation) -> counts.put(facet, result.aggregation(aggregation)));
                counted = new Counted(result.total().hitCount(), counts);
            }
            long total = counted.total();
            Map<String, List<SearchResults.FacetCount>> facets = new LinkedHashMap<>();
            if (withFacets) {
                for (String facet : FACETS) {
                    Map<String, Long> counts = counted.facets().containsKey(facet)
                            ? counted.facets().get(facet)
                            : joined(selectedCounts.get(facet));
                    facets.put(facet, facetCounts(facet, counts));
                }
            }
            // An empty result says why: retired products it would find (the broader filter, and a
            // count costs far less than looking for a spelling two edits away), else a spelling.
            // Not when the products with most of the words are looked for next: their result
            // list says it if it is empty too.
            boolean explain = total == 0 && !request.text().isEmpty() && !mostWordsNext(request, words);
            long hiddenRetired = explain ? hiddenRetired(request, caller, words) : 0;
            String suggestion =
                    explain && hiddenRetired == 0 ? suggestion(session, request, caller, words.query()) : null;
            summary = new SearchPaging.Summary(total, facets, suggestion, hiddenRetired);
            if (withFacets) {
                paging.summary(key, generation, summary);
            }
        } else if (summary == null && withFacets) {
            // A later page whose result list was never summarised here (evicted, or another node).
            return withHits(search(request, 0, 0, true, true, words), hits);
        }
        return summary == null
                ? new SearchResults(-1, hits, Map.of(), null, 0, words.partial())
                : new SearchResults(
                        summary.total(),
                        hits,
                        summary.facets(),
                        summary.suggestion(),
                        summary.hiddenRetired(),
                        words.partial() && summary.total() != 0);
    }

    private static SearchResults withHits(SearchResults summary, List<SearchResults.Hit> hits) {
        return new SearchResults(
                summary.total(),
                hits,
                summary.facets(),
                summary.suggestion(),
                summary.hiddenRetired(),
                summary.partial());
    }

    /** How many products a search finds: those with every word, else those with most of them. */
    public long count(SearchRequest request) {
        Identity caller = currentIdentity.require();
        return withinClauseLimit(
                request,
                lean -> {
                    Words every = words(request.text(), lean);
                    long total = count(request, caller, every);
                    Words most = request.text().isEmpty() ? null : every.mostOfThem();
                    return total == 0 && most != null && mostWordsNext(request, every)
                            ? count(request, caller, most)
                            : total;
                },
                () -> 0L);
    }

    private long count(SearchRequest request, Identity caller, Words words) {
        return Search.session(entityManager)
                .search(DataProduct.class)
                .where(f -> ProductQuery.predicate(f, request, caller, null, words))
                .fetchTotalHitCount();
    }

    /**
     * How many retired products a query would find if they were not hidden: 0 when they are not,
     * or when the statuses are chosen by a filter (showing retired ones would not change them).
     */
    private long hiddenRetired(SearchRequest request, Identity caller, Words words) {
        if (request.includeRetired() || !request.statuses().isEmpty()) {
            return 0;
        }
        SearchRequest retired = request.withStatuses(Set.of("retired"));
        return Search.session(entityManager)
                .search(DataProduct.class)
                .where(f -> f.bool().filter(ProductQuery.predicate(f, retired, caller, null, words)))
                .fetchTotalHitCount();
    }

    /** How many products a query finds, and the counts of some facets' values among them. */
    private record Counted(long total, Map<String, Map<String, Long>> facets) {

        /** Both facets' counts (of the same query, so of the same total). */
        Counted and(Counted other) {
            Map<String, Map<String, Long>> both = new LinkedHashMap<>(facets);
            both.putAll(other.facets);
            return new Counted(total, both);
        }
    }

    /**
     * The total of a query and the counts of the given facets' values, in a session of its own (it
     * runs on another thread than the request's).
     *
     * @param ignoredFacet a facet whose filter is left out (its own counts ignore it), or null
     */
    private Counted counted(
            SearchRequest request, Identity caller, Words words, @Nullable String ignoredFacet, List<String> facets) {
        try (EntityManager own = entityManager.getEntityManagerFactory().createEntityManager()) {
            var query = Search.session(own)
                    .search(DataProduct.class)
                    // Counting needs no scores: as a filter, the text query skips scoring altogether.
                    .where(f -> f.bool().filter(ProductQuery.predicate(f, request, caller, ignoredFacet, words)));
            Map<String, AggregationKey<Map<String, Long>>> keys = new LinkedHashMap<>();
            for (String facet : facets) {
                AggregationKey<Map<String, Long>> key = AggregationKey.of(facet);
                keys.put(facet, key);
                query.aggregation(key, f -> terms(f, facet));
            }
            SearchResult<?> result = query.fetch(0);
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            keys.forEach((facet, key) -> counts.put(facet, result.aggregation(key)));
            return new Counted(result.total().hitCount(), counts);
        }
    }

    /** Counts of one facet's values under the query and every other facet's filter. */
    private Map<String, Long> facetCounts(SearchRequest request, Identity caller, String facet, Words words) {
        return counted(request, caller, words, facet, List.of(facet)).facets().get(facet);
    }

    private static <T> T joined(CompletableFuture<T> counts) {
        try {
            return counts.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @PreDestroy
    void stopCounting() {
        facetCounting.close();
    }

    private static AggregationFinalStep<Map<String, Long>> terms(SearchAggregationFactory f, String facet) {
        return f.terms()
                .field(ProductQuery.FACET_FIELDS.get(facet), String.class, ValueModel.INDEX)
                .maxTermCount(100);
    }

    /**
     * A facet's values with their counts, most products first; governance's facet has both its
     * values always, violating first, so that a count of none is said too.
     */
    private static List<SearchResults.FacetCount> facetCounts(String facet, Map<String, Long> counts) {
        if (facet.equals("violating")) {
            return List.of(
                    new SearchResults.FacetCount(
                            ViolatingBridge.VIOLATING, counts.getOrDefault(ViolatingBridge.VIOLATING, 0L)),
                    new SearchResults.FacetCount(
                            ViolatingBridge.KEEPING, counts.getOrDefault(ViolatingBridge.KEEPING, 0L)));
        }
        return counts.entrySet().stream()
                .map(e -> new SearchResults.FacetCount(e.getKey(), e.getValue()))
                .toList();
    }

    /** Whether the result list is in name order, whose deep pages may be bounded by name. */
    private static boolean inNameOrder(SearchRequest request) {
        return switch (request.sort()) {
            case NAME, RELEVANCE -> true;
            case UPDATED, TRUST -> false;
        };
    }

    /** Whether the result list is in an order of field values, so a page can start after a product. */
    private static boolean keysetSortable(SearchRequest request) {
        return request.sort() != SearchRequest.Sort.RELEVANCE || request.text().isEmpty();
    }

    private static SearchPaging.SortKey sortKey(SearchRequest request, List<?> row) {
        return switch (request.sort()) {
            case UPDATED -> new SearchPaging.SortKey(List.of(row.get(7), row.get(6), row.get(0)));
            // The score is null for a product not yet evaluated.
            case TRUST -> new SearchPaging.SortKey(java.util.Arrays.asList(row.get(9), row.get(6), row.get(0)));
            case NAME, RELEVANCE -> new SearchPaging.SortKey(List.of(row.get(6), row.get(0)));
        };
    }

    /**
     * The products that sort after {@code key}: name, then id; or last updated, then name, then
     * id; or trust score (none last), then name, then id.
     */
    private PredicateFinalStep after(
            SearchPredicateFactory f, SearchRequest request, SearchPaging.SortKey key, @Nullable BytesRef upper) {
        List<Object> values = key.values();
        if (request.sort() == SearchRequest.Sort.TRUST) {
            PredicateFinalStep unscored = f.not(f.exists().field("trust_score"));
            PredicateFinalStep afterName = afterName(f, values.get(1), values.get(2), null);
            if (values.get(0) == null) {
                return f.and(unscored, afterName);
            }
            Integer trust = (Integer) values.get(0);
            return f.or(
                    f.range().field("trust_score").lessThan(trust),
                    f.and(f.match().field("trust_score").matching(trust), afterName),
                    unscored);
        }
        if (request.sort() == SearchRequest.Sort.UPDATED) {
            Instant updated = (Instant) values.get(0);
            return f.or(
                    f.range().field("updatedAt").lessThan(updated),
                    f.and(
                            f.match().field("updatedAt").matching(updated),
                            afterName(f, values.get(1), values.get(2), null)));
        }
        return afterName(f, values.get(0), values.get(1), upper);
    }

    /**
     * Name, then id, greater than the bookmark's (and the name at most {@code upper}, which only
     * the embedded index offers). On a cluster, plain range predicates on the sortable fields.
     */
    private PredicateFinalStep afterName(SearchPredicateFactory f, Object name, Object id, @Nullable BytesRef upper) {
        LuceneShortcuts lucene = lucene();
        if (lucene != null) {
            return lucene.afterName(f, (String) name, (String) id, upper);
        }
        return f.or(
                f.range().field("name_sort").greaterThan(name),
                f.and(
                        f.match().field("name_sort").matching(name),
                        f.range().field("id_exact").greaterThan(id)));
    }

    /**
     * The embedded index's shortcuts, or null on a search cluster. Both backends' jars are always
     * on the class path; which one runs is configuration (docs/decisions/0017).
     */
    private @Nullable LuceneShortcuts lucene() {
        Optional<LuceneShortcuts> shortcuts = this.shortcuts;
        if (shortcuts == null) {
            var mapping = Search.mapping(entityManager.getEntityManagerFactory());
            shortcuts = mapping.backend() instanceof LuceneBackend backend
                    ? Optional.of(new LuceneShortcuts(
                            backend, mapping.scope(DataProduct.class).extension(LuceneExtension.get())))
                    : Optional.empty();
            this.shortcuts = shortcuts;
        }
        return shortcuts.orElse(null);
    }

    private static Analyzer analyzer(String name) {
        return LocalAnalyzers.named(name);
    }

    private Words words(String text, boolean lean) {
        Analyzer analyzer = analyzer(AnalysisDefinition.WORDS);
        List<String> query = ProductQuery.queryWords(text, analyzer);
        List<String> longWords = query.stream()
                .filter(word -> word.codePoints().filter(Character::isLetter).count() >= 5)
                .toList();
        if (longWords.isEmpty() || lean) {
            return Words.unknown(query, lean);
        }
        LuceneShortcuts lucene = lucene();
        // On a cluster the words not spelled as in a name get fuzzy matching: the terms
        // dictionary is not at hand; which words are spelled so, the cluster counts.
        return lucene == null
                ? ClusterWords.words(entityManager, query, longWords, analyzer)
                : lucene.words(query, longWords, analyzer);
    }

    private static SortFinalStep sort(SearchSortFactory f, SearchRequest request) {
        return switch (request.sort()) {
            case NAME -> f.field("name_sort").then().field("id_exact");
            case UPDATED ->
                f.field("updatedAt").desc().then().field("name_sort").then().field("id_exact");
            case TRUST ->
                f.field("trust_score")
                        .desc()
                        .missing()
                        .last()
                        .then()
                        .field("name_sort")
                        .then()
                        .field("id_exact");
            // By score alone: a second, textual sort key costs a term lookup per competing hit,
            // which was most of a query's time at 100,000 products. Ties keep index order.
            case RELEVANCE ->
                request.text().isEmpty() ? f.field("name_sort").then().field("id_exact") : f.score();
        };
    }

    /**
     * A product name close to the query, when the query found nothing: each word of the query
     * may be two edits away from a word of a name or tag.
     */
    private static @Nullable String suggestion(
            SearchSession session, SearchRequest request, Identity caller, List<String> queryWords) {
        List<String> words = queryWords.stream()
                .flatMap(word -> java.util.Arrays.stream(word.split("[^\\p{L}\\p{N}]+")))
                .filter(word -> word.length() >= 3)
                .distinct()
                .limit(8)
                .toList();
        if (words.isEmpty()) {
            return null;
        }
        List<String> close = session.search(DataProduct.class)
                .select(f -> f.field("name", String.class))
                .where(f -> {
                    BooleanPredicateClausesStep<?, ?> bool = f.bool();
                    for (String word : words) {
                        bool.should(f.match().field("name").matching(word).fuzzy(2, 0));
                        bool.should(f.match().field("tags_text").matching(word).fuzzy(2, 0));
                    }
                    ProductQuery.hideOtherTeamsDrafts(bool, f, request, caller);
                    return bool.mustNot(f.match().field("status").matching(ProductStatus.RETIRED));
                })
                .fetchHits(1);
        return close.isEmpty() ? null : close.getFirst();
    }

    private static Set<String> selected(SearchRequest request, String facet) {
        return switch (facet) {
            case "domain" -> request.domains();
            case "team" -> request.teams();
            case "status" -> request.statuses();
            case "tag" -> request.tags();
            case "violating" -> request.violating();
            default -> request.portTypes();
        };
    }
}

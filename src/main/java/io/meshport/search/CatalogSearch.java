package io.meshport.search;

import io.meshport.catalog.DataProduct;
import io.meshport.catalog.ProductStatus;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.scope.LuceneIndexScope;
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

    static final int MAX_WORDS = 12;
    static final int MAX_PARTS = 3;
    private static final Logger log = LoggerFactory.getLogger(CatalogSearch.class);
    static final List<String> FACETS = List.of("domain", "team", "status", "tag", "portType");
    private static final List<String> SINGLE_VALUED = List.of("domain", "team", "status");
    private static final List<String> MULTI_VALUED = List.of("tag", "portType");
    private static final Map<String, String> FACET_FIELDS =
            Map.of("domain", "domain", "team", "ownerTeam", "status", "status", "tag", "tags", "portType", "port_type");

    private final EntityManager entityManager;
    private final CurrentIdentity currentIdentity;
    private final SearchPaging paging;
    private volatile @Nullable LuceneBackend backend;
    private volatile @Nullable LuceneIndexScope scope;
    private final ExecutorService facetCounting = Executors.newVirtualThreadPerTaskExecutor();

    CatalogSearch(EntityManager entityManager, CurrentIdentity currentIdentity, SearchPaging paging) {
        this.entityManager = entityManager;
        this.currentIdentity = currentIdentity;
        this.paging = paging;
    }

    public SearchResults search(SearchRequest request, int offset, int limit) {
        return withinClauseLimit(
                request,
                lean -> search(request, offset, limit, true, true, lean),
                () -> new SearchResults(0, List.of(), noFacets(), null, 0));
    }

    /** One page of hits only, without facets: what a lazily scrolled result list asks for. */
    public List<SearchResults.Hit> hits(SearchRequest request, int offset, int limit) {
        return withinClauseLimit(
                request,
                lean -> search(request, offset, limit, false, true, lean).items(),
                List::of);
    }

    /**
     * Runs a search; should its query still exceed Lucene's clause limit (the words of a query are
     * bounded so that it should not, see {@link #queryWords}), runs it again as a lean query, and
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
        }
        return false;
    }

    private static Map<String, List<SearchResults.FacetCount>> noFacets() {
        Map<String, List<SearchResults.FacetCount>> facets = new LinkedHashMap<>();
        FACETS.forEach(facet -> facets.put(facet, List.of()));
        return facets;
    }

    /**
     * @param bounded whether a page after a bookmark may look only at the names a little past it
     *     (see {@link #upperBound}); false to look at all
     */
    private SearchResults search(
            SearchRequest request, int offset, int limit, boolean withFacets, boolean bounded, boolean lean) {
        if (request.text().length() > SearchRequest.MAX_TEXT) {
            throw new InvalidSearchException(
                    "Query too long",
                    "/q",
                    "A search is at most " + SearchRequest.MAX_TEXT + " characters; this one has "
                            + request.text().length() + ".");
        }
        Identity caller = currentIdentity.require();
        SearchSession session = Search.session(entityManager);
        // What a search finds depends on the caller's teams when it narrows to them or shows only
        // their drafts (other teams' hidden).
        SearchPaging.Key key = new SearchPaging.Key(
                request,
                request.myTeams() || !request.hiddenOtherTeamsStatuses().isEmpty() ? caller.teams() : Set.of());
        long generation = paging.generation();
        boolean keyset = keysetSortable(request);
        SearchPaging.Bookmark bookmark = keyset && offset > 0 ? paging.nearest(key, offset) : null;
        SearchPaging.Summary known = offset > 0 ? paging.summary(key) : null;
        // The first page of a result list computes its total and facets; later pages reuse them.
        boolean summarise = bookmark == null && (withFacets ? known == null : offset == 0 && limit == 0);

        Words words = words(request.text(), lean);
        int needed = (bookmark == null ? offset : offset - bookmark.offset()) + Math.max(0, limit);
        BytesRef upper = bounded && bookmark != null && request.sort() != SearchRequest.Sort.UPDATED
                ? upperBound((String) bookmark.after().values().getFirst(), needed, known)
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
                                f.field("details", String.class))
                        .asList())
                .where(f -> {
                    PredicateFinalStep predicate = predicate(f, request, caller, null, words);
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
            return search(request, offset, limit, withFacets, false, lean);
        }

        List<SearchResults.Hit> hits = new ArrayList<>();
        SearchPaging.SortKey last = null;
        Snippets snippets = request.text().isEmpty() || result.hits().isEmpty()
                ? null
                : new Snippets(words.query(), analyzer(SearchAnalysis.TEXT), analyzer(SearchAnalysis.WORDS));
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
                    highlight));
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
                    facets.put(
                            facet,
                            counts.entrySet().stream()
                                    .map(e -> new SearchResults.FacetCount(e.getKey(), e.getValue()))
                                    .toList());
                }
            }
            // An empty result says why: retired products it would find (the broader filter, and a
            // count costs far less than looking for a spelling two edits away), else a spelling.
            long hiddenRetired = total == 0 && !request.text().isEmpty() ? hiddenRetired(request, caller, words) : 0;
            String suggestion = total == 0 && !request.text().isEmpty() && hiddenRetired == 0
                    ? suggestion(session, request, caller, words.query())
                    : null;
            summary = new SearchPaging.Summary(total, facets, suggestion, hiddenRetired);
            if (withFacets) {
                paging.summary(key, generation, summary);
            }
        } else if (summary == null && withFacets) {
            // A later page whose result list was never summarised here (evicted, or another node).
            return withHits(search(request, 0, 0, true, true, lean), hits);
        }
        return summary == null
                ? new SearchResults(-1, hits, Map.of(), null, 0)
                : new SearchResults(
                        summary.total(), hits, summary.facets(), summary.suggestion(), summary.hiddenRetired());
    }

    private static SearchResults withHits(SearchResults summary, List<SearchResults.Hit> hits) {
        return new SearchResults(
                summary.total(), hits, summary.facets(), summary.suggestion(), summary.hiddenRetired());
    }

    public long count(SearchRequest request) {
        Identity caller = currentIdentity.require();
        return withinClauseLimit(
                request,
                lean -> Search.session(entityManager)
                        .search(DataProduct.class)
                        .where(f -> predicate(f, request, caller, null, words(request.text(), lean)))
                        .fetchTotalHitCount(),
                () -> 0L);
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
                .where(f -> f.bool().filter(predicate(f, retired, caller, null, words)))
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
                    .where(f -> f.bool().filter(predicate(f, request, caller, ignoredFacet, words)));
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
                .field(FACET_FIELDS.get(facet), String.class, ValueModel.INDEX)
                .maxTermCount(100);
    }

    /** Whether the result list is in an order of field values, so a page can start after a product. */
    private static boolean keysetSortable(SearchRequest request) {
        return request.sort() != SearchRequest.Sort.RELEVANCE || request.text().isEmpty();
    }

    private static SearchPaging.SortKey sortKey(SearchRequest request, List<?> row) {
        return request.sort() == SearchRequest.Sort.UPDATED
                ? new SearchPaging.SortKey(List.of(row.get(7), row.get(6), row.get(0)))
                : new SearchPaging.SortKey(List.of(row.get(6), row.get(0)));
    }

    /** The products that sort after {@code key}: name, then id; or last updated, then name, then id. */
    private PredicateFinalStep after(
            SearchPredicateFactory f, SearchRequest request, SearchPaging.SortKey key, @Nullable BytesRef upper) {
        List<Object> values = key.values();
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
     * Name, then id, greater than the bookmark's (and the name at most {@code upper}). Without an
     * upper end, written as doc-values range queries: a term range over 75,000 distinct names would
     * enumerate every one of them, while a doc-values range compares one ordinal per candidate.
     */
    private PredicateFinalStep afterName(SearchPredicateFactory f, Object name, Object id, @Nullable BytesRef upper) {
        BytesRef sortName = keyword("name_sort", (String) name);
        BytesRef sortId = keyword("id_exact", (String) id);
        BooleanQuery.Builder after = new BooleanQuery.Builder()
                .add(
                        // Bounded, a term range reads the few names in between from the terms
                        // dictionary; unbounded, it would read tens of thousands, so each
                        // candidate's ordinal is compared instead.
                        upper == null
                                ? SortedSetDocValuesField.newSlowRangeQuery("name_sort", sortName, null, false, true)
                                : new TermRangeQuery("name_sort", sortName, upper, false, true),
                        Occur.SHOULD)
                .add(
                        new BooleanQuery.Builder()
                                .add(SortedSetDocValuesField.newSlowExactQuery("name_sort", sortName), Occur.FILTER)
                                .add(
                                        SortedSetDocValuesField.newSlowRangeQuery(
                                                "id_exact", sortId, null, false, true),
                                        Occur.FILTER)
                                .build(),
                        Occur.SHOULD);
        return f.extension(LuceneExtension.get()).fromLuceneQuery(new ConstantScoreQuery(after.build()));
    }

    /**
     * A name some way past a bookmark's, so that a page after the bookmark only looks at the
     * products between the two instead of every product after it (most of a deep page's time
     * was comparing tens of thousands of names that cannot make the page). Read from the sorted
     * names of the largest index segment: the one {@code 2 x needed / share + needed} names further
     * on, where share is the part of the catalog the query finds. The caller looks at all names
     * again when fewer than needed lie between the two. Null when there is no such name.
     */
    private @Nullable BytesRef upperBound(String bookmarkName, int needed, SearchPaging.@Nullable Summary known) {
        try (IndexReader reader = indexScope().openIndexReader()) {
            LeafReader largest = null;
            for (LeafReaderContext leaf : reader.leaves()) {
                if (largest == null || leaf.reader().maxDoc() > largest.maxDoc()) {
                    largest = leaf.reader();
                }
            }
            if (largest == null || reader.numDocs() == 0) {
                return null;
            }
            double share =
                    known == null || known.total() <= 0 ? 1 : Math.min(1, (double) known.total() / reader.numDocs());
            long span = (long) Math.ceil(2 * needed / share) + needed;
            SortedSetDocValues names = DocValues.getSortedSet(largest, "name_sort");
            long at = names.lookupTerm(keyword("name_sort", bookmarkName));
            long bound = (at >= 0 ? at : -at - 1) + span;
            return bound < names.getValueCount() ? BytesRef.deepCopyOf(names.lookupOrd(bound)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A value as the keyword normalizer writes it into the index's doc values. */
    private BytesRef keyword(String field, String value) {
        return keywordNormalizer().normalize(field, value);
    }

    private Analyzer keywordNormalizer() {
        return analyzers().normalizer(SearchAnalysis.KEYWORD).orElseThrow();
    }

    private Analyzer analyzer(String name) {
        return analyzers().analyzer(name).orElseThrow();
    }

    private LuceneBackend analyzers() {
        LuceneBackend backend = this.backend;
        if (backend == null) {
            backend = Search.mapping(entityManager.getEntityManagerFactory())
                    .backend()
                    .unwrap(LuceneBackend.class);
            this.backend = backend;
        }
        return backend;
    }

    /**
     * What the index knows of a query's words of five letters or more: those that some product
     * name holds as typed (no typos: their plurals and stems are matched by the stemmed name field
     * anyway), and for the others the name words and tags one typo away. Looked up in the index's
     * terms dictionaries (see {@link Typos}).
     *
     * @param query the words that must each be found (see {@link #queryWords})
     * @param typoNames per word not spelled as in a name, the name words one edit away; a word
     *     missing here (several tokens, or the index unreadable) gets Lucene's fuzzy matching
     * @param typoTags per word not spelled as in a name, the tags one edit away
     * @param lean whether each word is looked for with a few plain clauses only: the fallback for a
     *     query that exceeded Lucene's clause limit all the same
     */
    record Words(
            List<String> query,
            Set<String> spelled,
            Map<String, Set<String>> typoNames,
            Map<String, Set<String>> typoTags,
            boolean lean) {

        static Words unknown(List<String> query, boolean lean) {
            return new Words(query, Set.of(), Map.of(), Map.of(), lean);
        }
    }

    private Words words(String text, boolean lean) {
        Analyzer analyzer = analyzer(SearchAnalysis.WORDS);
        List<String> query = queryWords(text, analyzer);
        List<String> longWords = query.stream()
                .filter(word -> word.codePoints().filter(Character::isLetter).count() >= 5)
                .toList();
        if (longWords.isEmpty() || lean) {
            return Words.unknown(query, lean);
        }
        Set<String> spelled = new HashSet<>();
        Map<String, Set<String>> typoNames = new HashMap<>();
        Map<String, Set<String>> typoTags = new HashMap<>();
        try (IndexReader reader = indexScope().openIndexReader()) {
            Terms nameWords = MultiTerms.getTerms(reader, "name_words");
            Terms tags = MultiTerms.getTerms(reader, "tags");
            for (String word : longWords) {
                List<String> tokens = Snippets.tokens(analyzer, word);
                boolean found = !tokens.isEmpty();
                for (String token : tokens) {
                    found &= reader.docFreq(new Term("name_words", token)) > 0;
                }
                if (found) {
                    spelled.add(word);
                    continue;
                }
                if (tokens.size() == 1) {
                    typoNames.put(word, Typos.neighbours(nameWords, tokens.getFirst()));
                }
                typoTags.put(word, Typos.neighbours(tags, word.toLowerCase(java.util.Locale.ROOT)));
            }
        } catch (IOException e) {
            // Not knowing only costs time: every word gets Lucene's fuzzy matching.
            return Words.unknown(query, false);
        }
        return new Words(query, spelled, typoNames, typoTags, false);
    }

    private LuceneIndexScope indexScope() {
        LuceneIndexScope scope = this.scope;
        if (scope == null) {
            scope = Search.mapping(entityManager.getEntityManagerFactory())
                    .scope(DataProduct.class)
                    .extension(LuceneExtension.get());
            this.scope = scope;
        }
        return scope;
    }

    /**
     * @param words what the index knows of the query's words (see {@link #words})
     */
    private PredicateFinalStep predicate(
            SearchPredicateFactory f,
            SearchRequest request,
            Identity caller,
            @Nullable String ignoredFacet,
            Words words) {
        BooleanPredicateClausesStep<?, ?> bool = f.bool();
        String text = request.text();
        if (text.isEmpty()) {
            bool.must(f.matchAll());
        } else {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            // Every word must be found (in a name, id, tag, purpose or details, or as the start of
            // a name word, or within one typo of a name word), unless the whole text is a name
            // or id, however it is written.
            BooleanPredicateClausesStep<?, ?> everyWord = f.bool();
            for (String word : words.query()) {
                BooleanPredicateClausesStep<?, ?> found = f.bool();
                if (words.lean()) {
                    // Fields whose analysis makes no graph of a word's parts: a few clauses a word.
                    found.should(f.match().field("name_words").matching(word).boost(10f))
                            .should(f.match().field("purpose").matching(word).boost(2f))
                            .should(f.match().field("details").matching(word).boost(1f));
                    everyWord.must(found);
                    continue;
                }
                found.should(f.match().field("name").matching(word).boost(10f))
                        .should(f.match().field("name_prefix").matching(word).boost(3f))
                        .should(f.match().field("id_text").matching(word).boost(8f))
                        .should(f.match().field("tags_text").matching(word).boost(4f))
                        .should(f.match().field("purpose").matching(word).boost(2f))
                        .should(f.match().field("details").matching(word).boost(1f));
                // Typos: one edit in a word of five letters or more, its first two letters as
                // typed, against name words and tags; a word some name holds as typed is no typo.
                if (word.codePoints().filter(Character::isLetter).count() >= 5
                        && !words.spelled().contains(word)) {
                    Set<String> names = words.typoNames().get(word);
                    if (names == null) {
                        found.should(f.match()
                                .field("name_words")
                                .matching(word)
                                .fuzzy(1, 2)
                                .boost(3f));
                    } else {
                        names.forEach(name -> found.should(
                                f.match().field("name_words").matching(name).boost(3f)));
                    }
                    words.typoTags()
                            .getOrDefault(word, Set.of())
                            .forEach(tag -> found.should(
                                    f.match().field("tags").matching(tag).boost(3f)));
                }
                everyWord.must(found);
            }
            BooleanPredicateClausesStep<?, ?> matches = f.bool()
                    .should(f.match().field("name_exact").matching(lower).boost(1000f))
                    .should(f.match().field("id_exact").matching(lower).boost(1000f))
                    .should(f.match().field("name_joined").matching(text).boost(900f));
            if (everyWord.hasClause()) {
                matches.should(everyWord);
            }
            bool.must(matches);
            if (!words.lean()) {
                // Names that start with what was typed, as typed, next.
                bool.should(f.match()
                        .field("name_prefix")
                        .matching(text)
                        .minimumShouldMatchPercent(100)
                        .boost(40f));
            }
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
        hideOtherTeamsDrafts(bool, f, request, caller);
        return bool;
    }

    /**
     * A catalog, not a workshop: other teams' draft and proposed products are left out unless the
     * search asks for them (or filters by that status); the caller's own teams' stay.
     */
    private static void hideOtherTeamsDrafts(
            BooleanPredicateClausesStep<?, ?> bool, SearchPredicateFactory f, SearchRequest request, Identity caller) {
        Set<String> hidden = request.hiddenOtherTeamsStatuses();
        if (hidden.isEmpty()) {
            return;
        }
        BooleanPredicateClausesStep<?, ?> othersWork =
                f.bool().must(f.terms().field("status").matchingAny(hidden, ValueModel.INDEX));
        if (!caller.teams().isEmpty()) {
            othersWork.mustNot(f.terms().field("ownerTeam").matchingAny(caller.teams()));
        }
        bool.mustNot(othersWork);
    }

    /**
     * The words of a query that must each be found: those with a letter or digit, without
     * English stop words (unless that is all there is), at most {@link #MAX_WORDS}. A compound of
     * more than {@link #MAX_PARTS} parts ({@code customer_order_line_item_sku},
     * {@code CustomerLifetimeValueByRegion}, {@code a,b,c,d}) counts as its parts, each a word:
     * the name analysis splits a compound into its parts, joins them again and pairs neighbours,
     * and a query of every path through that graph grows exponentially with the parts, past
     * Lucene's clause limit. The compound as a whole is still found by the joined name.
     *
     * @param parts how the index splits a word into parts (the name words' analyzer)
     */
    static List<String> queryWords(String text, Analyzer parts) {
        List<String> words = new ArrayList<>();
        for (String word : text.split("\\s+")) {
            if (word.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            List<String> split = Snippets.tokens(parts, word);
            if (split.size() > MAX_PARTS) {
                words.addAll(split);
            } else {
                words.add(word);
            }
        }
        List<String> distinct = words.stream().distinct().toList();
        List<String> meaningful = distinct.stream()
                .filter(word ->
                        !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word.toLowerCase(java.util.Locale.ROOT)))
                .toList();
        return (meaningful.isEmpty() ? distinct : meaningful)
                .stream().limit(MAX_WORDS).toList();
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
        bool.filter(f.terms().field(FACET_FIELDS.get(facet)).matchingAny(converted, ValueModel.INDEX));
    }

    private static SortFinalStep sort(SearchSortFactory f, SearchRequest request) {
        return switch (request.sort()) {
            case NAME -> f.field("name_sort").then().field("id_exact");
            case UPDATED ->
                f.field("updatedAt").desc().then().field("name_sort").then().field("id_exact");
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
                    hideOtherTeamsDrafts(bool, f, request, caller);
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
            default -> request.portTypes();
        };
    }
}

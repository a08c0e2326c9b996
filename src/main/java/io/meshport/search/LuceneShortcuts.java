package io.meshport.search;

import io.meshport.search.ProductQuery.Words;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
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
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.scope.LuceneIndexScope;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.jspecify.annotations.Nullable;

/**
 * What only the embedded Lucene index can do, reading its structures in this JVM: keyset pages
 * that compare doc values, an upper bound from the sorted names, and typo neighbours from the
 * terms dictionary. A search cluster answers the same requests with plain predicates and fuzzy
 * matching ({@link CatalogSearch}); these are the fast paths, not different results.
 */
final class LuceneShortcuts {

    private final LuceneBackend backend;
    private final LuceneIndexScope scope;

    LuceneShortcuts(LuceneBackend backend, LuceneIndexScope scope) {
        this.backend = backend;
        this.scope = scope;
    }

    /**
     * Name, then id, greater than the bookmark's (and the name at most {@code upper}). Without an
     * upper end, written as doc-values range queries: a term range over 75,000 distinct names would
     * enumerate every one of them, while a doc-values range compares one ordinal per candidate.
     */
    PredicateFinalStep afterName(SearchPredicateFactory f, String name, String id, @Nullable BytesRef upper) {
        BytesRef sortName = keyword("name_sort", name);
        BytesRef sortId = keyword("id_exact", id);
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
    @Nullable
    BytesRef upperBound(String bookmarkName, int needed, SearchPaging.@Nullable Summary known) {
        try (IndexReader reader = scope.openIndexReader()) {
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
        return backend.normalizer(AnalysisDefinition.KEYWORD).orElseThrow();
    }

    /**
     * What the index knows of a query's long words: those some product name holds as typed (no
     * typos), and for the others the name words and tags one edit away (see {@link Typos}).
     */
    Words words(List<String> query, List<String> longWords, Analyzer analyzer) {
        Set<String> spelled = new HashSet<>();
        Map<String, Set<String>> typoNames = new HashMap<>();
        Map<String, Set<String>> typoTags = new HashMap<>();
        try (IndexReader reader = scope.openIndexReader()) {
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
}

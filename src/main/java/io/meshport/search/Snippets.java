package io.meshport.search;

import io.meshport.catalog.MarkdownText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.jspecify.annotations.Nullable;

/**
 * Why a product matched, as a snippet of its purpose, details or name with the query's words in
 * {@code <mark>} and everything else HTML-escaped. Purpose and details are Markdown: the snippet
 * is taken from their text as a rendered page shows it (see {@link MarkdownText}). Built with Lucene's highlighter over the words
 * alone, for the products of one page: highlighting with the whole search query (its fuzzy,
 * prefix and exact-name clauses) cost 40 % of a search at 100,000 products.
 */
final class Snippets {

    private static final int FRAGMENT = 160;

    private final Query textQuery;
    private final @Nullable Query nameQuery;
    private final Analyzer text;
    private final Analyzer words;

    Snippets(List<String> queryWords, Analyzer text, Analyzer words) {
        this.text = text;
        this.words = words;
        this.textQuery = terms(queryWords, text);
        BooleanQuery.Builder name = new BooleanQuery.Builder();
        for (String word : queryWords) {
            for (String token : tokens(words, word)) {
                name.add(new TermQuery(new Term(FIELD, token)), Occur.SHOULD);
                if (token.length() >= 5) {
                    name.add(new FuzzyQuery(new Term(FIELD, token), 1, 2), Occur.SHOULD);
                }
            }
        }
        BooleanQuery built = name.build();
        this.nameQuery = built.clauses().isEmpty() ? null : built;
    }

    private static final String FIELD = "text";

    /** The best snippet: purpose, else details, else the name; null when none shows a query word. */
    @Nullable
    String best(@Nullable String purpose, @Nullable String details, String name) {
        String snippet = fragment(textQuery, text, asText(purpose));
        if (snippet == null) {
            snippet = fragment(textQuery, text, asText(details));
        }
        if (snippet == null && nameQuery != null) {
            snippet = fragment(nameQuery, words, name);
        }
        return snippet;
    }

    private static @Nullable String asText(@Nullable String markdown) {
        return markdown == null || markdown.isBlank() ? null : MarkdownText.of(markdown);
    }

    private static @Nullable String fragment(Query query, Analyzer analyzer, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        QueryScorer scorer = new QueryScorer(query, FIELD);
        Highlighter highlighter =
                new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer);
        highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, FRAGMENT));
        try {
            return highlighter.getBestFragment(analyzer, FIELD, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTokenOffsetsException e) {
            return null;
        }
    }

    private static Query terms(List<String> queryWords, Analyzer analyzer) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : queryWords) {
            for (String token : tokens(analyzer, word)) {
                query.add(new TermQuery(new Term(FIELD, token)), Occur.SHOULD);
            }
        }
        return query.build();
    }

    /** The tokens an analyzer makes of one word. */
    static List<String> tokens(Analyzer analyzer, String word) {
        List<String> tokens = new java.util.ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(FIELD, word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}

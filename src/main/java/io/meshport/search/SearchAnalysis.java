package io.meshport.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How catalog text is analysed, defined once. Names of data products are written as
 * {@code stock_trades}, {@code stock-trades}, {@code StockTrades} or "Stock Trades": word parts
 * are split on case changes and punctuation and also joined, and neighbouring words are joined
 * into one token, so any of those spellings finds the others.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

    static final String NAME = "meshport_name";
    static final String TEXT = "meshport_text";
    static final String PREFIX = "meshport_prefix";
    /** Name words as written, split but neither stemmed nor joined: what typos are measured against. */
    static final String WORDS = "meshport_words";

    static final String PREFIX_QUERY = "meshport_prefix_query";
    static final String KEYWORD = "meshport_keyword";
    /** A name with everything but letters and digits dropped: "Stock Trades" is "stocktrades". */
    static final String JOINED = "meshport_joined";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(NAME)
                .custom()
                .tokenizer("standard")
                .tokenFilter("wordDelimiterGraph")
                .param("splitOnCaseChange", "1")
                .param("splitOnNumerics", "0")
                .param("generateWordParts", "1")
                .param("catenateWords", "1")
                .param("preserveOriginal", "1")
                .tokenFilter("flattenGraph")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("shingle")
                .param("minShingleSize", "2")
                .param("maxShingleSize", "2")
                .param("outputUnigrams", "true")
                .param("tokenSeparator", "")
                .tokenFilter("porterStem");

        context.analyzer(TEXT)
                .custom()
                .tokenizer("standard")
                .tokenFilter("wordDelimiterGraph")
                .param("splitOnCaseChange", "1")
                .param("splitOnNumerics", "0")
                .param("generateWordParts", "1")
                .param("catenateWords", "1")
                .param("preserveOriginal", "1")
                .tokenFilter("flattenGraph")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("englishPossessive")
                .tokenFilter("porterStem");

        context.analyzer(PREFIX)
                .custom()
                .tokenizer("standard")
                .tokenFilter("wordDelimiterGraph")
                .param("splitOnCaseChange", "1")
                .param("catenateWords", "1")
                .param("preserveOriginal", "1")
                .tokenFilter("flattenGraph")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("edgeNGram")
                .param("minGramSize", "1")
                .param("maxGramSize", "20");

        context.analyzer(WORDS)
                .custom()
                .tokenizer("standard")
                .tokenFilter("wordDelimiterGraph")
                .param("splitOnCaseChange", "1")
                .param("splitOnNumerics", "0")
                .tokenFilter("flattenGraph")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");

        context.analyzer(PREFIX_QUERY)
                .custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");

        context.normalizer(KEYWORD).custom().tokenFilter("lowercase").tokenFilter("asciiFolding");

        context.normalizer(JOINED)
                .custom()
                .charFilter("patternReplace")
                .param("pattern", "[^\\p{L}\\p{N}]+")
                .param("replacement", "")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
    }
}

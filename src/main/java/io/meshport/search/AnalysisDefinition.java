package io.meshport.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How catalog text is analysed, defined once for every backend: the same definition is rendered
 * as Hibernate Search's Lucene analysis ({@link LuceneAnalysis}), as its Elasticsearch analysis
 * ({@link ElasticsearchAnalysis}, names and parameters translated), and as local Lucene
 * analyzers ({@link LocalAnalyzers}) for the code that analyses a query or a snippet itself,
 * whichever backend holds the index. Components carry Lucene's SPI names and parameters.
 *
 * <p>Names of data products are written as {@code stock_trades}, {@code stock-trades}, {@code
 * StockTrades} or "Stock Trades": word parts are split on case changes and punctuation and also
 * joined, and neighbouring words are joined into one token, so any of those spellings finds the
 * others.
 */
public final class AnalysisDefinition {

    public static final String NAME = "meshport_name";
    public static final String TEXT = "meshport_text";
    public static final String PREFIX = "meshport_prefix";
    /** Name words as written, split but neither stemmed nor joined: what typos are measured against. */
    public static final String WORDS = "meshport_words";

    /**
     * A tag as one token, lower-cased and folded: what a tag's typos are measured against on a
     * cluster (fuzzy matching of the whole tag, as the embedded index's neighbours of a tag are).
     */
    public static final String TAG = "meshport_tag";

    public static final String PREFIX_QUERY = "meshport_prefix_query";
    public static final String KEYWORD = "meshport_keyword";
    /** A name with everything but letters and digits dropped: "Stock Trades" is "stocktrades". */
    public static final String JOINED = "meshport_joined";

    /** A tokenizer, char filter or token filter by its Lucene SPI name, with its parameters. */
    public record Component(String name, Map<String, String> params) {

        static Component of(String name, String... keysAndValues) {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                params.put(keysAndValues[i], keysAndValues[i + 1]);
            }
            return new Component(name, Map.copyOf(params));
        }

        public @Nullable String param(String key) {
            return params.get(key);
        }
    }

    /**
     * An analyzer (with a tokenizer) or a normalizer (without one: the whole value is one token).
     */
    public record Analyzer(
            String name, @Nullable Component tokenizer, List<Component> charFilters, List<Component> tokenFilters) {

        public boolean isNormalizer() {
            return tokenizer == null;
        }
    }

    private static final Component STANDARD = Component.of("standard");
    private static final Component FLATTEN = Component.of("flattenGraph");
    private static final Component LOWERCASE = Component.of("lowercase");
    private static final Component ASCII_FOLDING = Component.of("asciiFolding");

    /** Meshport's analyzers and normalizers. */
    public static final List<Analyzer> ALL = List.of(
            new Analyzer(
                    NAME,
                    STANDARD,
                    List.of(),
                    List.of(
                            Component.of(
                                    "wordDelimiterGraph",
                                    "splitOnCaseChange",
                                    "1",
                                    "splitOnNumerics",
                                    "0",
                                    "generateWordParts",
                                    "1",
                                    "catenateWords",
                                    "1",
                                    "preserveOriginal",
                                    "1"),
                            FLATTEN,
                            LOWERCASE,
                            ASCII_FOLDING,
                            Component.of(
                                    "shingle",
                                    "minShingleSize",
                                    "2",
                                    "maxShingleSize",
                                    "2",
                                    "outputUnigrams",
                                    "true",
                                    "tokenSeparator",
                                    ""),
                            Component.of("porterStem"))),
            new Analyzer(
                    TEXT,
                    STANDARD,
                    List.of(),
                    List.of(
                            Component.of(
                                    "wordDelimiterGraph",
                                    "splitOnCaseChange",
                                    "1",
                                    "splitOnNumerics",
                                    "0",
                                    "generateWordParts",
                                    "1",
                                    "catenateWords",
                                    "1",
                                    "preserveOriginal",
                                    "1"),
                            FLATTEN,
                            LOWERCASE,
                            ASCII_FOLDING,
                            Component.of("englishPossessive"),
                            Component.of("porterStem"))),
            new Analyzer(
                    PREFIX,
                    STANDARD,
                    List.of(),
                    List.of(
                            Component.of(
                                    "wordDelimiterGraph",
                                    "splitOnCaseChange",
                                    "1",
                                    "catenateWords",
                                    "1",
                                    "preserveOriginal",
                                    "1"),
                            FLATTEN,
                            LOWERCASE,
                            ASCII_FOLDING,
                            Component.of("edgeNGram", "minGramSize", "1", "maxGramSize", "20"))),
            new Analyzer(
                    WORDS,
                    STANDARD,
                    List.of(),
                    List.of(
                            Component.of("wordDelimiterGraph", "splitOnCaseChange", "1", "splitOnNumerics", "0"),
                            FLATTEN,
                            LOWERCASE,
                            ASCII_FOLDING)),
            new Analyzer(PREFIX_QUERY, STANDARD, List.of(), List.of(LOWERCASE, ASCII_FOLDING)),
            new Analyzer(TAG, Component.of("keyword"), List.of(), List.of(LOWERCASE, ASCII_FOLDING)),
            new Analyzer(KEYWORD, null, List.of(), List.of(LOWERCASE, ASCII_FOLDING)),
            new Analyzer(
                    JOINED,
                    null,
                    List.of(Component.of("patternReplace", "pattern", "[^\\p{L}\\p{N}]+", "replacement", "")),
                    List.of(LOWERCASE, ASCII_FOLDING)));

    private AnalysisDefinition() {}

    public static Analyzer named(String name) {
        return ALL.stream()
                .filter(analyzer -> analyzer.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No analyzer " + name));
    }
}

package io.meshport.search;

import io.meshport.search.AnalysisDefinition.Analyzer;
import io.meshport.search.AnalysisDefinition.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.elasticsearch.analysis.model.dsl.ElasticsearchAnalysisComponentParametersStep;

/**
 * {@link AnalysisDefinition} for Hibernate Search's Elasticsearch backend (OpenSearch and
 * Elasticsearch alike): Lucene's SPI names and camel-case parameters become Elasticsearch's
 * snake-case types and parameters, flags become booleans, and every parametrised component is
 * defined once under a name of its own ({@code <analyzer>_<position>_<type>}).
 */
public class ElasticsearchAnalysis implements ElasticsearchAnalysisConfigurer {

    /** Lucene SPI name to Elasticsearch type, for components that have no parameters to translate. */
    private static final Map<String, String> TYPES = Map.of(
            "standard", "standard",
            "keyword", "keyword",
            "flattenGraph", "flatten_graph",
            "lowercase", "lowercase",
            "asciiFolding", "asciifolding",
            "porterStem", "porter_stem");

    /** Built-in components that need no definition of their own. */
    private static final List<String> BUILT_IN =
            List.of("standard", "keyword", "flatten_graph", "lowercase", "asciifolding", "porter_stem");

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        for (Analyzer analyzer : AnalysisDefinition.ALL) {
            List<String> charFilters = new ArrayList<>();
            for (int i = 0; i < analyzer.charFilters().size(); i++) {
                charFilters.add(charFilter(
                        context,
                        analyzer.name() + "_" + i,
                        analyzer.charFilters().get(i)));
            }
            List<String> tokenFilters = new ArrayList<>();
            for (int i = 0; i < analyzer.tokenFilters().size(); i++) {
                tokenFilters.add(tokenFilter(
                        context,
                        analyzer.name() + "_" + i,
                        analyzer.tokenFilters().get(i)));
            }
            if (analyzer.isNormalizer()) {
                context.normalizer(analyzer.name())
                        .custom()
                        .charFilters(charFilters.toArray(String[]::new))
                        .tokenFilters(tokenFilters.toArray(String[]::new));
            } else {
                context.analyzer(analyzer.name())
                        .custom()
                        .tokenizer(plain(analyzer.tokenizer()))
                        .charFilters(charFilters.toArray(String[]::new))
                        .tokenFilters(tokenFilters.toArray(String[]::new));
            }
        }
    }

    private static String charFilter(ElasticsearchAnalysisConfigurationContext context, String prefix, Component c) {
        if (c.name().equals("patternReplace")) {
            String name = prefix + "_pattern_replace";
            context.charFilter(name)
                    .type("pattern_replace")
                    .param("pattern", c.param("pattern"))
                    .param("replacement", c.params().getOrDefault("replacement", ""));
            return name;
        }
        throw unknown(c);
    }

    private static String tokenFilter(ElasticsearchAnalysisConfigurationContext context, String prefix, Component c) {
        switch (c.name()) {
            case "wordDelimiterGraph" -> {
                String name = prefix + "_word_delimiter_graph";
                ElasticsearchAnalysisComponentParametersStep step =
                        context.tokenFilter(name).type("word_delimiter_graph");
                for (Map.Entry<String, String> param : c.params().entrySet()) {
                    step.param(snakeCase(param.getKey()), flag(param.getValue()));
                }
                return name;
            }
            case "shingle" -> {
                String name = prefix + "_shingle";
                ElasticsearchAnalysisComponentParametersStep step =
                        context.tokenFilter(name).type("shingle");
                for (Map.Entry<String, String> param : c.params().entrySet()) {
                    String key = snakeCase(param.getKey());
                    switch (key) {
                        case "min_shingle_size", "max_shingle_size" ->
                            step.param(key, Integer.parseInt(param.getValue()));
                        case "output_unigrams", "output_unigrams_if_no_shingles" ->
                            step.param(key, Boolean.parseBoolean(param.getValue()));
                        default -> step.param(key, param.getValue());
                    }
                }
                return name;
            }
            case "edgeNGram" -> {
                String name = prefix + "_edge_ngram";
                ElasticsearchAnalysisComponentParametersStep step =
                        context.tokenFilter(name).type("edge_ngram");
                step.param("min_gram", Integer.parseInt(c.params().getOrDefault("minGramSize", "1")));
                step.param("max_gram", Integer.parseInt(c.params().getOrDefault("maxGramSize", "2")));
                if (c.params().containsKey("preserveOriginal")) {
                    step.param("preserve_original", Boolean.parseBoolean(c.param("preserveOriginal")));
                }
                return name;
            }
            case "englishPossessive" -> {
                String name = prefix + "_possessive_english";
                context.tokenFilter(name).type("stemmer").param("language", "possessive_english");
                return name;
            }
            default -> {
                return plain(c);
            }
        }
    }

    /** A built-in component without parameters, by its Elasticsearch name. */
    private static String plain(Component c) {
        String type = TYPES.get(c.name());
        if (type == null || !c.params().isEmpty() || !BUILT_IN.contains(type)) {
            throw unknown(c);
        }
        return type;
    }

    /** Lucene's word delimiter flags are 0/1; Elasticsearch wants booleans. */
    private static boolean flag(String value) {
        return value.equals("1") || value.equalsIgnoreCase("true");
    }

    static String snakeCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static IllegalStateException unknown(Component c) {
        return new IllegalStateException(
                "No Elasticsearch translation for the analysis component " + c + ": add one to ElasticsearchAnalysis");
    }
}

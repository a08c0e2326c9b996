package io.meshport.search;

import io.meshport.search.AnalysisDefinition.Component;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;

/**
 * {@link AnalysisDefinition} as plain Lucene analyzers in this JVM, for code that analyses text
 * itself (query words, snippets) on either backend: on Elasticsearch the index analyses remotely,
 * and these give the same tokens (checked against a real node by the tests).
 */
public final class LocalAnalyzers {

    private static final Map<String, Analyzer> built = new ConcurrentHashMap<>();

    private LocalAnalyzers() {}

    /** The analyzer (or normalizer, as a keyword-tokenizing analyzer) of that name. */
    public static Analyzer named(String name) {
        return built.computeIfAbsent(name, LocalAnalyzers::build);
    }

    private static Analyzer build(String name) {
        AnalysisDefinition.Analyzer definition = AnalysisDefinition.named(name);
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder();
            if (definition.isNormalizer()) {
                builder.withTokenizer("keyword");
            } else {
                builder.withTokenizer(
                        definition.tokenizer().name(),
                        new HashMap<>(definition.tokenizer().params()));
            }
            for (Component charFilter : definition.charFilters()) {
                builder.addCharFilter(charFilter.name(), new HashMap<>(charFilter.params()));
            }
            for (Component filter : definition.tokenFilters()) {
                builder.addTokenFilter(filter.name(), new HashMap<>(filter.params()));
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Analyzer " + name + " could not be built", e);
        }
    }
}

package io.meshport.search;

import io.meshport.search.AnalysisDefinition.Analyzer;
import io.meshport.search.AnalysisDefinition.Component;
import java.util.Map;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/** {@link AnalysisDefinition} for Hibernate Search's Lucene backend (Lucene's SPI names as they are). */
public class LuceneAnalysis implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        for (Analyzer analyzer : AnalysisDefinition.ALL) {
            if (analyzer.isNormalizer()) {
                var normalizer = context.normalizer(analyzer.name()).custom();
                for (Component charFilter : analyzer.charFilters()) {
                    var step = normalizer.charFilter(charFilter.name());
                    for (Map.Entry<String, String> param : charFilter.params().entrySet()) {
                        step.param(param.getKey(), param.getValue());
                    }
                }
                for (Component filter : analyzer.tokenFilters()) {
                    var step = normalizer.tokenFilter(filter.name());
                    for (Map.Entry<String, String> param : filter.params().entrySet()) {
                        step.param(param.getKey(), param.getValue());
                    }
                }
            } else {
                var custom = context.analyzer(analyzer.name())
                        .custom()
                        .tokenizer(analyzer.tokenizer().name());
                for (Map.Entry<String, String> param :
                        analyzer.tokenizer().params().entrySet()) {
                    custom.param(param.getKey(), param.getValue());
                }
                for (Component charFilter : analyzer.charFilters()) {
                    var step = custom.charFilter(charFilter.name());
                    for (Map.Entry<String, String> param : charFilter.params().entrySet()) {
                        step.param(param.getKey(), param.getValue());
                    }
                }
                for (Component filter : analyzer.tokenFilters()) {
                    var step = custom.tokenFilter(filter.name());
                    for (Map.Entry<String, String> param : filter.params().entrySet()) {
                        step.param(param.getKey(), param.getValue());
                    }
                }
            }
        }
    }
}

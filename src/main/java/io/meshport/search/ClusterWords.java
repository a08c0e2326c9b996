package io.meshport.search;

import com.google.gson.JsonObject;
import io.meshport.catalog.DataProduct;
import io.meshport.search.ProductQuery.Words;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.mapper.orm.Search;

/**
 * What a cluster tells of a query's long words, as {@link LuceneShortcuts#words} reads it from the
 * embedded index's terms dictionary: which words some product name holds as typed. Such a word is
 * no typo, and gets no fuzzy matching, on either backend; without this, a correctly spelled word
 * on a cluster also matched the name words and tags one edit away, and ranked differently. One
 * request of no hits: a {@code filters} aggregation counting, per token, the products whose name
 * words hold it. The neighbours of the other words are left to the cluster's fuzzy matching.
 */
final class ClusterWords {

    private static final String FIELD = "name_words";

    private ClusterWords() {}

    static Words words(EntityManager entityManager, List<String> query, List<String> longWords, Analyzer analyzer) {
        List<List<String>> tokens = new ArrayList<>();
        JsonObject filters = new JsonObject();
        for (String word : longWords) {
            List<String> wordTokens = Snippets.tokens(analyzer, word);
            tokens.add(wordTokens);
            for (String token : wordTokens) {
                JsonObject term = new JsonObject();
                term.addProperty(FIELD, token);
                JsonObject filter = new JsonObject();
                filter.add("term", term);
                filters.add(token, filter);
            }
        }
        if (filters.isEmpty()) {
            return Words.unknown(query, false);
        }
        JsonObject aggregation = new JsonObject();
        JsonObject body = new JsonObject();
        body.add("filters", filters);
        aggregation.add("filters", body);
        AggregationKey<JsonObject> key = AggregationKey.of("spelled");
        JsonObject buckets = Search.session(entityManager)
                .search(DataProduct.class)
                .where(f -> f.matchAll())
                .aggregation(key, f -> f.extension(ElasticsearchExtension.get()).fromJson(aggregation))
                .fetch(0)
                .aggregation(key)
                .getAsJsonObject("buckets");
        Set<String> spelled = new HashSet<>();
        for (int i = 0; i < longWords.size(); i++) {
            List<String> wordTokens = tokens.get(i);
            boolean found = !wordTokens.isEmpty();
            for (String token : wordTokens) {
                found &= buckets.getAsJsonObject(token).get("doc_count").getAsLong() > 0;
            }
            if (found) {
                spelled.add(longWords.get(i));
            }
        }
        return new Words(query, spelled, java.util.Map.of(), java.util.Map.of(), false);
    }
}

package io.meshport.search;

import java.util.Locale;
import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;

/**
 * Index names on a cluster: {@code <prefix>-<index>-v<mapping version>} for the index itself,
 * reached only through the aliases {@code <prefix>-<index>-v<version>-write} and {@code -read}.
 * Several portals (or environments) share a cluster by prefix. A new mapping version is a new
 * index beside the old one: portals of the new version build it (the index check finds it empty
 * and reindexes) while those of the old version keep answering from the old one, which an
 * operator deletes once no portal of that version is left (docs/decisions/0017).
 */
final class PrefixedIndexLayout implements IndexLayoutStrategy {

    private final String prefix;
    private final String mappingVersion;

    PrefixedIndexLayout(String prefix) {
        this(prefix, SearchIndex.MAPPING_VERSION);
    }

    PrefixedIndexLayout(String prefix, String mappingVersion) {
        this.prefix = prefix;
        this.mappingVersion = mappingVersion;
    }

    private String versioned(String hibernateSearchIndexName) {
        return prefix + "-" + hibernateSearchIndexName.toLowerCase(Locale.ROOT) + "-v" + mappingVersion;
    }

    @Override
    public String createInitialElasticsearchIndexName(String hibernateSearchIndexName) {
        return versioned(hibernateSearchIndexName);
    }

    @Override
    public String createWriteAlias(String hibernateSearchIndexName) {
        return versioned(hibernateSearchIndexName) + "-write";
    }

    @Override
    public String createReadAlias(String hibernateSearchIndexName) {
        return versioned(hibernateSearchIndexName) + "-read";
    }

    @Override
    public String extractUniqueKeyFromHibernateSearchIndexName(String hibernateSearchIndexName) {
        return versioned(hibernateSearchIndexName);
    }

    @Override
    public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndexName) {
        return elasticsearchIndexName;
    }
}

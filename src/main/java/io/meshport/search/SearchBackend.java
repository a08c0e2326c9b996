package io.meshport.search;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * Which backend holds the index: the embedded Lucene index (the default), or an OpenSearch or
 * Elasticsearch cluster when {@code MESHPORT_SEARCH_URIS} is set. Renders the Hibernate Search
 * properties for the chosen one (docs/decisions/0017-search-on-a-cluster.md).
 */
record SearchBackend(
        List<URI> uris, @Nullable String username, @Nullable String password, String indexPrefix) {

    static final String URIS = "meshport.search.uris";
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

    /** The settings file every index on a cluster is created with (one primary shard). */
    static final String INDEX_SETTINGS = "search/elasticsearch-index-settings.json";

    boolean onCluster() {
        return !uris.isEmpty();
    }

    static SearchBackend from(Environment environment) {
        String uris = environment.getProperty(URIS, "").strip();
        String prefix = environment
                .getProperty("meshport.search.index-prefix", "meshport")
                .strip();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalStateException("MESHPORT_SEARCH_INDEX_PREFIX=" + prefix + " is not a usable index name"
                    + " prefix: lower-case letters, digits, '-' and '_', starting with a letter or digit");
        }
        List<URI> parsed = new ArrayList<>();
        for (String uri : uris.split(",")) {
            if (uri.isBlank()) {
                continue;
            }
            parsed.add(parse(uri.strip()));
        }
        return new SearchBackend(
                List.copyOf(parsed),
                blankToNull(environment.getProperty("meshport.search.username")),
                blankToNull(environment.getProperty("meshport.search.password")),
                prefix);
    }

    private static URI parse(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(notAUri(uri), e);
        }
        if (parsed.getScheme() == null
                || !(parsed.getScheme().equals("http") || parsed.getScheme().equals("https"))
                || parsed.getHost() == null
                || (parsed.getPath() != null
                        && !parsed.getPath().isEmpty()
                        && !parsed.getPath().equals("/"))
                || parsed.getQuery() != null
                || parsed.getUserInfo() != null) {
            throw new IllegalStateException(notAUri(uri));
        }
        return URI.create(
                parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort()));
    }

    private static String notAUri(String uri) {
        return "MESHPORT_SEARCH_URIS holds " + uri + ", which is not a cluster address: give scheme, host and port,"
                + " comma-separated for several nodes (http://search-1:9200,http://search-2:9200); credentials go"
                + " in MESHPORT_SEARCH_USERNAME and MESHPORT_SEARCH_PASSWORD";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The Hibernate Search properties of the chosen backend. The embedded index's directory and
     * Lucene version are set here rather than in application.properties: Spring Boot merges those
     * back after the customizers, and a cluster would be started with properties it does not use
     * (Hibernate Search warns of each at start).
     *
     * @param indexDirectory where the embedded index lives ({@code meshport.index-dir})
     */
    void applyTo(Map<String, Object> properties, String indexDirectory) {
        if (!onCluster()) {
            // Both backends are on the class path: Hibernate Search must be told which.
            properties.put("hibernate.search.backend.type", "lucene");
            properties.put("hibernate.search.backend.directory.root", indexDirectory);
            properties.put("hibernate.search.backend.lucene_version", "LATEST");
            return;
        }
        properties.put("hibernate.search.backend.type", "elasticsearch");
        properties.put(
                "hibernate.search.backend.uris",
                String.join(",", uris.stream().map(URI::toString).toList()));
        if (username != null) {
            properties.put("hibernate.search.backend.username", username);
        }
        if (password != null) {
            properties.put("hibernate.search.backend.password", password);
        }
        // The version is asked of the cluster at start, which tells OpenSearch from Elasticsearch
        // and fails the start, in one line (StartupFailureAnalyzer), when the cluster is unreachable.
        properties.put("hibernate.search.backend.version_check.enabled", "true");
        properties.put("hibernate.search.backend.analysis.configurer", new ElasticsearchAnalysis());
        properties.put("hibernate.search.backend.layout.strategy", new PrefixedIndexLayout(indexPrefix));
        properties.put("hibernate.search.backend.schema_management.settings_file", INDEX_SETTINGS);
        // An index of this mapping version is created when missing and otherwise checked: an
        // analysis or mapping change without a new MAPPING_VERSION fails the start, loudly.
        properties.put("hibernate.search.schema_management.strategy", "create-or-validate");
        // A committed write is searchable on every node when the transaction returns (the index is
        // refreshed), as with the embedded index.
        properties.put("hibernate.search.indexing.plan.synchronization.strategy", "read-sync");
        properties.put("hibernate.search.backend.request_timeout", "30000");
    }
}

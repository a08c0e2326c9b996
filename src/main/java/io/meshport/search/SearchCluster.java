package io.meshport.search;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.mapper.orm.Search;

/**
 * What the search health says of the cluster when the index lives on one: whether it answers,
 * its status (green, yellow, red) and the index Meshport writes to. Uses Hibernate Search's own
 * client, so it sees the nodes, credentials and TLS the index uses.
 */
final class SearchCluster {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");

    private SearchCluster() {}

    /** Details for health, and whether the cluster can serve searches (green or yellow). */
    record State(boolean serving, Map<String, Object> details) {}

    static State check(EntityManagerFactory entityManagerFactory, SearchBackend backend) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backend", "elasticsearch");
        details.put("indexPrefix", backend.indexPrefix());
        try {
            RestClient client = Search.mapping(entityManagerFactory)
                    .backend()
                    .unwrap(ElasticsearchBackend.class)
                    .client(RestClient.class);
            Request request = new Request("GET", "/_cluster/health");
            request.addParameter("timeout", "2s");
            request.setOptions(RequestOptions.DEFAULT);
            Response response = client.performRequest(request);
            String body = new String(
                    response.getEntity().getContent().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Matcher status = STATUS.matcher(body);
            String clusterStatus = status.find() ? status.group(1) : "unknown";
            details.put("reachable", true);
            details.put("status", clusterStatus);
            details.put(
                    "index",
                    new PrefixedIndexLayout(backend.indexPrefix()).createWriteAlias(ProductIndexMapping.INDEX));
            return new State(clusterStatus.equals("green") || clusterStatus.equals("yellow"), details);
        } catch (IOException | RuntimeException e) {
            details.put("reachable", false);
            details.put("error", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return new State(false, details);
        }
    }
}

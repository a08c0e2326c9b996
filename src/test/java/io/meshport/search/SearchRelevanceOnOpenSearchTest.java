package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.MeshportTestOnOpenSearch;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestOpenSearch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchRelevanceTest}'s tests, on the portal whose search runs on OpenSearch; the clause
 * limit is the cluster's own here.
 */
@MeshportTestOnOpenSearch
class SearchRelevanceOnOpenSearchTest extends SearchRelevanceTest {

    /**
     * As {@link SearchRelevanceTest#a_query_past_the_clause_limit_all_the_same_is_answered_leaner_or_with_nothing},
     * with the cluster's limit ({@code indices.query.bool.max_clause_count}, a dynamic setting of
     * OpenSearch) lowered instead of this JVM's.
     */
    @Test
    void a_query_past_the_clusters_clause_limit_is_answered_leaner_or_with_nothing() throws Exception {
        try {
            clauseLimit("12");
            assertThat(ids("stock trades")).first().isEqualTo("stock-trades");
            clauseLimit("2");
            assertThat(ids("stock trades")).isEmpty();
            assertThat(RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text("stock trades"), 0, 5))
                            .facets())
                    .containsKeys("domain", "team", "status", "tag", "portType");
        } finally {
            clauseLimit(null);
        }
    }

    private static void clauseLimit(String limit) throws Exception {
        String body = "{\"persistent\":{\"indices.query.bool.max_clause_count\":"
                + (limit == null ? "null" : "\"" + limit + "\"") + "}}";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(TestOpenSearch.url() + "/_cluster/settings"))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}

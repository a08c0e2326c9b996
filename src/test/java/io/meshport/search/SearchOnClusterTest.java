package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshport.demo.DemoCatalog;
import io.meshport.MeshportApplication;
import io.meshport.testing.TestInfrastructure;
import io.meshport.testing.TestOpenSearch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With MESHPORT_SEARCH_URIS set, the portal indexes into the cluster (the test OpenSearch node):
 * under prefixed, versioned index names behind aliases, with one primary shard, every product of
 * the database, the analysis the embedded index has (the cluster's tokens are those of the local
 * analyzers, from the one definition), and a health that reports the cluster.
 */
class SearchOnClusterTest {

    private static final String PREFIX = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String INDEX = PREFIX + "-data_product-v" + SearchIndex.MAPPING_VERSION;
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext portal;

    @BeforeAll
    static void startPortalOnTheCluster() {
        SpringApplication application = new SpringApplication(MeshportApplication.class, DemoCatalog.class);
        portal = application.run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + TestInfrastructure.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--meshport.oidc.issuer-uri=" + TestInfrastructure.issuer(),
                "--meshport.oidc.client-id=meshport",
                "--meshport.oidc.client-secret=meshport-dev-secret",
                "--meshport.index-dir=target/search-on-cluster-index",
                "--vaadin.productionMode=true",
                "--meshport.search.uris=" + TestOpenSearch.url(),
                "--meshport.search.index-prefix=" + PREFIX);
        SearchIndex index = portal.getBean(SearchIndex.class);
        await().atMost(Duration.ofMinutes(2)).until(() -> index.state() == SearchIndex.State.READY);
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void every_product_is_indexed_on_the_cluster_under_prefixed_versioned_names_behind_aliases() throws Exception {
        JsonNode aliases = get("/" + INDEX + "/_alias").get(INDEX).get("aliases");
        assertThat(aliases.has(INDEX + "-write")).isTrue();
        assertThat(aliases.has(INDEX + "-read")).isTrue();
        JsonNode settings =
                get("/" + INDEX + "/_settings").get(INDEX).get("settings").get("index");
        assertThat(settings.get("number_of_shards").asString()).isEqualTo("1");

        long inDatabase =
                portal.getBean(JdbcTemplate.class).queryForObject("select count(*) from data_product", Long.class);
        assertThat(inDatabase).isPositive();
        assertThat(get("/" + INDEX + "-read/_count").get("count").asLong()).isEqualTo(inDatabase);
    }

    @Test
    void the_cluster_analyses_text_as_the_local_analyzers_do() throws Exception {
        List<String> texts = List.of(
                "StockTrades stock_trades stock-trades", "Customer's Churn Predictions 2024", "Café Müller", "a");
        for (String analyzer : List.of(
                AnalysisDefinition.NAME,
                AnalysisDefinition.TEXT,
                AnalysisDefinition.PREFIX,
                AnalysisDefinition.WORDS,
                AnalysisDefinition.TAG,
                AnalysisDefinition.PREFIX_QUERY)) {
            for (String text : texts) {
                assertThat(clusterTokens("analyzer", analyzer, text))
                        .as("%s of %s", analyzer, text)
                        .isEqualTo(localTokens(analyzer, text));
            }
        }
        for (String normalizer : List.of(AnalysisDefinition.KEYWORD, AnalysisDefinition.JOINED)) {
            for (String text : texts) {
                assertThat(clusterTokens("normalizer", normalizer, text))
                        .as("%s of %s", normalizer, text)
                        .isEqualTo(localTokens(normalizer, text));
            }
        }
    }

    @Test
    void health_reports_the_cluster() {
        Health health = portal.getBean(SearchIndex.class).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("backend", "elasticsearch")
                .containsEntry("reachable", true)
                .containsEntry("index", INDEX + "-write");
        assertThat(health.getDetails().get("status")).isIn("green", "yellow");
    }

    private static List<String> clusterTokens(String kind, String name, String text) throws Exception {
        String body = json.writeValueAsString(java.util.Map.of(kind, name, "text", text));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(TestOpenSearch.url() + "/" + INDEX + "/_analyze"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> tokens = new ArrayList<>();
        for (JsonNode token : json.readTree(response.body()).get("tokens")) {
            tokens.add(token.get("token").asString());
        }
        return tokens;
    }

    private static List<String> localTokens(String name, String text) throws IOException {
        Analyzer analyzer = LocalAnalyzers.named(name);
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("field", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(TestOpenSearch.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}

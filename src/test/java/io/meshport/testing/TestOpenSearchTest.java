package io.meshport.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The test OpenSearch node starts in its own process, answers over HTTP, and is one per JVM. */
class TestOpenSearchTest {

    @Test
    void one_node_per_test_jvm_answers_at_least_yellow() throws Exception {
        String url = TestOpenSearch.url();
        assertThat(TestOpenSearch.url()).isEqualTo(url);
        assertThat(TestOpenSearch.running().process().isAlive()).isTrue();
        assertThat(TestOpenSearch.running().process().pid())
                .isNotEqualTo(ProcessHandle.current().pid());

        HttpClient http = HttpClient.newHttpClient();
        String root = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(root).contains("\"distribution\" : \"opensearch\"").contains("\"number\" : \"3.");
        String health = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/_cluster/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(health).containsPattern("\"status\":\"(yellow|green)\"");
        System.out.printf(
                "Test OpenSearch node started in %d ms%n",
                TestOpenSearch.running().startTime().toMillis());
    }
}

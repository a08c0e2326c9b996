package io.meshport.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestInfrastructure;
import io.meshport.testing.Tokens;
import io.openlineage.client.Clients;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.HttpTransportResponseException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real OpenLineage Java client (openlineage-java, its HTTP transport) sends to the portal as
 * a pipeline configured with the portal's base URL and a team's key would: it posts to {@code
 * /api/v1/lineage}, with {@code Authorization: Bearer <key>}, plain or gzip-compressed, and takes
 * the portal's 201 as success.
 */
@MeshportTest
class OpenLineageClientTest {

    private static final URI PRODUCER = URI.create("https://github.com/meshport/pipelines/orders");

    @Autowired
    JdbcClient jdbc;

    Stored stored;
    String ns;
    OpenLineage ol = new OpenLineage(PRODUCER);
    ZonedDateTime t0 = ZonedDateTime.now().truncatedTo(ChronoUnit.MILLIS).minusHours(1);

    @BeforeEach
    void aNamespaceOfItsOwn() {
        stored = new Stored(jdbc);
        ns = TestEvents.namespace("client");
    }

    @Test
    void run_events_sent_by_the_java_client_are_stored_and_observed() throws Exception {
        UUID runId = UUID.randomUUID();
        try (OpenLineageClient client = client(null)) {
            client.emit(runEvent(OpenLineage.RunEvent.EventType.START, runId, t0, List.of("crm.orders"), List.of()));
            client.emit(runEvent(
                    OpenLineage.RunEvent.EventType.COMPLETE,
                    runId,
                    t0.plusMinutes(5),
                    List.of(),
                    List.of("dwh.orders")));
        }
        assertThat(stored.state(runId)).isEqualTo("COMPLETE");
        assertThat(stored.runDatasets(runId)).containsExactly("input:crm.orders", "output:dwh.orders");
        assertThat(jdbc.sql("select reported_by from openlineage_run where run_id = :id")
                        .param("id", runId)
                        .query(String.class)
                        .single())
                .isEqualTo("sales-ci");
        assertThat(RunsHeard.of(ns)).extracting(RunObserved::state).containsExactly(RunState.START, RunState.COMPLETE);
    }

    @Test
    void the_client_compressing_with_gzip_is_understood() throws Exception {
        UUID runId = UUID.randomUUID();
        try (OpenLineageClient client = client(HttpConfig.Compression.GZIP)) {
            client.emit(runEvent(OpenLineage.RunEvent.EventType.RUNNING, runId, t0, List.of("a"), List.of("b")));
        }
        assertThat(stored.state(runId)).isEqualTo("RUNNING");
        assertThat(stored.runDatasets(runId)).containsExactly("input:a", "output:b");
    }

    @Test
    void job_and_dataset_events_of_the_client_are_stored_and_observe_no_run() throws Exception {
        try (OpenLineageClient client = client(HttpConfig.Compression.GZIP)) {
            client.emit(ol.newJobEventBuilder()
                    .eventTime(t0)
                    .job(ol.newJobBuilder().namespace(ns).name("orders.load").build())
                    .inputs(List.of(ol.newInputDatasetBuilder()
                            .namespace(ns)
                            .name("crm.orders")
                            .build()))
                    .outputs(List.of(ol.newOutputDatasetBuilder()
                            .namespace(ns)
                            .name("dwh.orders")
                            .build()))
                    .build());
            client.emit(ol.newDatasetEventBuilder()
                    .eventTime(t0)
                    .dataset(ol.newStaticDatasetBuilder()
                            .namespace(ns)
                            .name("dwh.customers")
                            .build())
                    .build());
        }
        assertThat(stored.events(ns)).isEqualTo(2);
        assertThat(stored.jobDatasets(ns))
                .containsExactly("orders.load:input:crm.orders", "orders.load:output:dwh.orders");
        assertThat(stored.datasets(ns)).isEqualTo(3);
        assertThat(RunsHeard.of(ns)).isEmpty();
    }

    @Test
    void the_client_configured_by_an_openlineage_yml_as_the_readme_shows_sends_to_the_portal(@TempDir Path dir)
            throws Exception {
        Path yml = dir.resolve("openlineage.yml");
        Files.writeString(yml, """
                transport:
                  type: http
                  url: %s
                  compression: gzip
                  auth:
                    type: api_key
                    apiKey: %s
                """.formatted(TestInfrastructure.portalUrl(), Tokens.forPipeline("sales-ci")));
        UUID runId = UUID.randomUUID();
        try (OpenLineageClient client = Clients.newClient(() -> List.of(yml))) {
            client.emit(runEvent(OpenLineage.RunEvent.EventType.FAIL, runId, t0, List.of("in"), List.of()));
        }
        assertThat(stored.state(runId)).isEqualTo("FAIL");
    }

    @Test
    void the_client_learns_when_the_portal_refuses_it() {
        HttpConfig config = new HttpConfig();
        config.setUrl(URI.create(TestInfrastructure.portalUrl()));
        ApiKeyTokenProvider key = new ApiKeyTokenProvider();
        key.setApiKey("mpk_not-a-key");
        config.setAuth(key);
        OpenLineageClient client =
                OpenLineageClient.builder().transport(new HttpTransport(config)).build();
        UUID runId = UUID.randomUUID();
        assertThatThrownBy(() ->
                        client.emit(runEvent(OpenLineage.RunEvent.EventType.START, runId, t0, List.of(), List.of())))
                .isInstanceOf(HttpTransportResponseException.class)
                .satisfies(e -> assertThat(((HttpTransportResponseException) e).getStatusCode())
                        .isEqualTo(401));
        assertThat(stored.runs(ns)).isZero();
    }

    private OpenLineageClient client(HttpConfig.Compression compression) {
        HttpConfig config = new HttpConfig();
        // The base URL with no path: the transport posts to /api/v1/lineage.
        config.setUrl(URI.create(TestInfrastructure.portalUrl()));
        ApiKeyTokenProvider key = new ApiKeyTokenProvider();
        key.setApiKey(Tokens.forPipeline("sales-ci"));
        config.setAuth(key);
        config.setCompression(compression);
        return OpenLineageClient.builder().transport(new HttpTransport(config)).build();
    }

    private OpenLineage.RunEvent runEvent(
            OpenLineage.RunEvent.EventType type,
            UUID runId,
            ZonedDateTime at,
            List<String> inputs,
            List<String> outputs) {
        return ol.newRunEventBuilder()
                .eventType(type)
                .eventTime(at)
                .run(ol.newRunBuilder().runId(runId).build())
                .job(ol.newJobBuilder().namespace(ns).name("orders.load").build())
                .inputs(inputs.stream()
                        .map(name -> ol.newInputDatasetBuilder()
                                .namespace(ns)
                                .name(name)
                                .build())
                        .toList())
                .outputs(outputs.stream()
                        .map(name -> ol.newOutputDatasetBuilder()
                                .namespace(ns)
                                .name(name)
                                .build())
                        .toList())
                .build();
    }
}

package io.meshport.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.openlineage.DatasetName;
import io.meshport.openlineage.PortDataset;
import io.meshport.openlineage.RunObserved;
import io.meshport.openlineage.RunState;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/data-products/{id}/observations} and {@code .../pipeline-runs}: each
 * observation says where it came from; failed runs are listed.
 */
@MeshportTest
class ObservationListApiTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    Clock clock;

    @Test
    void observations_say_whether_they_were_posted_or_came_from_a_run_and_runs_list_failures() {
        String id = SlaTestProduct.product(SlaTestProduct.stem("obs-list"))
                .promises("latency", "1", "h")
                .publish(catalog)
                .id();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Api.Response posted = Api.as("sales-ci")
                .post(
                        "/api/v1/data-products/" + id + "/observations",
                        "{\"id\": \"p1\", \"outputPort\": \"out\", \"kind\": \"updated\", \"at\": \""
                                + now.minus(Duration.ofMinutes(30)) + "\"}",
                        "application/json");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        DatasetName table = new DatasetName("postgres://db-" + id + ":5432", "analytics.public.t");
        PortDataset out = new PortDataset(id, "out", SlaTestProduct.contractOf(id), table, List.of());
        PortDataset checked = new PortDataset(
                id,
                "out",
                SlaTestProduct.contractOf(id),
                table,
                List.of(new PortDataset.QualityAssertion("not_null", false, "id")));
        publish(new RunObserved(
                "r-ok",
                "etl",
                "load",
                RunState.COMPLETE,
                now.minus(Duration.ofMinutes(20)),
                List.of(),
                List.of(out),
                "sales-ci"));
        publish(new RunObserved(
                "r-bad",
                "etl",
                "load",
                RunState.FAIL,
                now.minus(Duration.ofMinutes(10)),
                List.of(),
                List.of(checked),
                "sales-ci"));

        // Anyone signed in may read them, as the SLA tab.
        Api.Response observations =
                Api.as("dave").get("/api/v1/data-products/" + id + "/observations", "application/json");
        assertThat(observations.status()).as(observations.toString()).isEqualTo(200);
        JsonNode list = observations.json().path("observations");
        assertThat(list.size()).isEqualTo(3);
        JsonNode quality = list.get(0);
        // Newest first: the quality check of the failed run, then the update of the complete one.
        assertThat(quality.path("kind").asString()).isEqualTo("quality");
        assertThat(quality.path("check").asString()).isEqualTo("not_null (id)");
        assertThat(quality.path("passed").asBoolean(true)).isFalse();
        assertThat(quality.path("source").asString()).isEqualTo("openlineage");
        assertThat(quality.path("runId").asString()).isEqualTo("r-bad");
        JsonNode update = list.get(1);
        assertThat(update.path("kind").asString()).isEqualTo("updated");
        assertThat(update.path("source").asString()).isEqualTo("openlineage");
        assertThat(update.path("job").asString()).isEqualTo("etl/load");
        assertThat(update.path("runId").asString()).isEqualTo("r-ok");
        assertThat(update.path("recordedBy").asString()).isEqualTo("sales-ci");
        assertThat(update.path("at").asString())
                .isEqualTo(now.minus(Duration.ofMinutes(20)).toString());
        JsonNode api = list.get(2);
        assertThat(api.path("id").asString()).isEqualTo("p1");
        assertThat(api.path("source").asString()).isEqualTo("api");
        assertThat(api.path("job").isNull()).isTrue();
        assertThat(api.path("recordedBy").asString()).isEqualTo("sales-ci");

        Api.Response runs = Api.as("dave").get("/api/v1/data-products/" + id + "/pipeline-runs", "application/json");
        assertThat(runs.status()).as(runs.toString()).isEqualTo(200);
        JsonNode runList = runs.json().path("runs");
        assertThat(runList.size()).isEqualTo(2);
        assertThat(runList.get(0).path("runId").asString()).isEqualTo("r-bad");
        assertThat(runList.get(0).path("state").asString()).isEqualTo("FAIL");
        assertThat(runList.get(0).path("updated").asBoolean(true)).isFalse();
        assertThat(runList.get(1).path("state").asString()).isEqualTo("COMPLETE");
        assertThat(runList.get(1).path("updated").asBoolean(false)).isTrue();
        assertThat(runList.get(1).path("outputPort").asString()).isEqualTo("out");

        Api.Response one =
                Api.as("dave").get("/api/v1/data-products/" + id + "/observations?limit=1", "application/json");
        assertThat(one.json().path("observations").size()).isEqualTo(1);
    }

    @Test
    void a_bad_limit_is_a_problem_with_a_pointer_and_an_unknown_product_is_404() {
        String id = SlaTestProduct.product(SlaTestProduct.stem("obs-limit"))
                .publish(catalog)
                .id();
        for (String limit : List.of("0", "-1", "1001", "lots")) {
            Api.Response response = Api.as("dave")
                    .get("/api/v1/data-products/" + id + "/observations?limit=" + limit, "application/json");
            assertThat(response.status()).as(limit + ": " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(Api.as("dave")
                        .get("/api/v1/data-products/" + id + "/pipeline-runs?limit=0", "application/json")
                        .pointers())
                .containsExactly("/limit");
        assertThat(Api.as("dave")
                        .get("/api/v1/data-products/no-such-" + id + "/pipeline-runs", "application/json")
                        .status())
                .isEqualTo(404);
        assertThat(Api.anonymous()
                        .get("/api/v1/data-products/" + id + "/observations", "application/json")
                        .status())
                .isEqualTo(401);
    }

    private void publish(RunObserved run) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(run));
    }
}

package io.meshport.openlineage;

import static io.meshport.openlineage.TestEvents.array;
import static io.meshport.openlineage.TestEvents.json;
import static io.meshport.openlineage.TestEvents.run;
import static io.meshport.openlineage.TestEvents.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.MeshportTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/v1/lineage}: what is accepted, what is stored, and every kind of bad input. */
@MeshportTest
class OpenLineageApiTest {

    @Autowired
    JdbcClient jdbc;

    Stored stored;
    String ns;
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.HOURS);

    @BeforeEach
    void aNamespaceOfItsOwn() {
        stored = new Stored(jdbc);
        ns = TestEvents.namespace("api");
    }

    // ------------------------------------------------------------ what is accepted

    @Test
    void marquez_sample_events_are_accepted_and_stored() {
        for (String file : List.of("event_full.json", "event_required_only.json", "event_simple.json")) {
            Lineage.Response response = Lineage.post("sales-ci", json(sample(file, ns, UUID.randomUUID())));
            assertThat(response.status()).as(file + ": " + response).isEqualTo(201);
            assertThat(response.json().path("stored").asInt()).isEqualTo(1);
        }
        assertThat(stored.events(ns)).isEqualTo(3);
        assertThat(stored.runs(ns)).isEqualTo(3);
        // event_simple reads two datasets and writes one.
        assertThat(stored.jobDatasets(ns))
                .contains(
                        "myjob:input:instance.schema.input-1",
                        "myjob:input:instance.schema.input-2",
                        "myjob:output:instance.schema.output-1");
    }

    @Test
    void an_event_without_event_type_leaves_its_run_in_state_other() {
        UUID runId = UUID.randomUUID();
        assertThat(Lineage.post("sales-ci", json(sample("event_required_only.json", ns, runId)))
                        .status())
                .isEqualTo(201);
        assertThat(stored.state(runId)).isEqualTo("OTHER");
    }

    @Test
    void the_specifications_examples_of_run_job_and_dataset_events_are_accepted() {
        String batch = array(
                sample("serde_example_run_event.json", ns, UUID.randomUUID()),
                sample("serde_example_job_event.json", ns, null),
                sample("serde_example_dataset_event.json", ns, null),
                sample("spec_example_full_event.json", ns, UUID.randomUUID()));
        Lineage.Response response = Lineage.post("sales-ci", batch);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("received").asInt()).isEqualTo(4);
        assertThat(response.json().path("stored").asInt()).isEqualTo(4);
        assertThat(stored.events(ns)).isEqualTo(4);
        // The job event says which datasets the job reads and writes; the dataset event that a dataset exists.
        assertThat(stored.jobDatasets(ns)).containsExactly("name:input:dataset_a", "name:output:dataset_b");
        assertThat(stored.datasets(ns)).isEqualTo(3);
        assertThat(stored.runs(ns)).isEqualTo(2);
    }

    @Test
    void every_event_type_is_accepted_and_is_the_runs_state() {
        for (String type : List.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER")) {
            UUID runId = UUID.randomUUID();
            Lineage.Response response =
                    Lineage.post("sales-ci", json(run(type, runId, ns, "job", t0, List.of("in"), List.of("out"))));
            assertThat(response.status()).as(type + ": " + response).isEqualTo(201);
            assertThat(stored.state(runId)).isEqualTo(type);
        }
    }

    @Test
    void a_run_is_where_its_latest_event_by_event_time_says_even_when_events_arrive_late() {
        UUID runId = UUID.randomUUID();
        post(run("START", runId, ns, "job", t0, List.of("in"), List.of()));
        post(run("COMPLETE", runId, ns, "job", t0.plusSeconds(60), List.of(), List.of("out")));
        post(run("RUNNING", runId, ns, "job", t0.plusSeconds(30), List.of(), List.of()));
        assertThat(stored.state(runId)).isEqualTo("COMPLETE");
        var times = jdbc.sql("select started_at, ended_at, last_event_at from openlineage_run where run_id = :id")
                .param("id", runId)
                .query((rs, row) -> List.of(
                        rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .single();
        assertThat(times).containsExactly(t0, t0.plusSeconds(60), t0.plusSeconds(60));
        assertThat(stored.runDatasets(runId)).containsExactly("input:in", "output:out");
    }

    @Test
    void a_batch_is_stored_whole() {
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(run("COMPLETE", UUID.randomUUID(), ns, "job-" + i, t0, List.of("in"), List.of("out-" + i)));
        }
        Lineage.Response response = Lineage.post("sales-ci", array(events.toArray(JsonNode[]::new)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("stored").asInt()).isEqualTo(50);
        assertThat(stored.events(ns)).isEqualTo(50);
        assertThat(stored.jobs(ns)).isEqualTo(50);
        assertThat(stored.datasets(ns)).isEqualTo(51);
    }

    @Test
    void pipelines_posting_batches_over_the_same_datasets_at_once_are_all_stored() throws Exception {
        // Two pipelines name the same jobs and datasets in opposite orders, so that their
        // transactions lock the same rows in opposite orders: the portal must sort that out itself.
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            names.add("shared-" + i);
        }
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        List<java.util.concurrent.Callable<Integer>> posts = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            for (List<String> order : List.of(names, reversed)) {
                List<JsonNode> events = new ArrayList<>();
                for (String name : order) {
                    events.add(run(
                            "COMPLETE",
                            UUID.randomUUID(),
                            ns,
                            "job-" + name,
                            t0,
                            List.of(name),
                            List.of(name + "-out")));
                }
                String body = array(events.toArray(JsonNode[]::new));
                posts.add(() -> Lineage.post("sales-ci", body).status());
            }
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (var answered : pool.invokeAll(posts)) {
                assertThat(answered.get()).isEqualTo(201);
            }
        }
        assertThat(stored.events(ns)).isEqualTo(6 * 2 * 20);
        assertThat(stored.datasets(ns)).isEqualTo(40);
    }

    @Test
    void unicode_namespaces_jobs_and_datasets_are_kept_as_sent() {
        String unicodeNs = ns + "-数据-Ünïcødé";
        String job = "订单.加载 🚀 ß";
        String dataset = "Größe/表/données é";
        UUID runId = UUID.randomUUID();
        assertThat(post(run("COMPLETE", runId, unicodeNs, job, t0, List.of(dataset), List.of("ℕ𝔸𝕄𝔼")))
                        .status())
                .isEqualTo(201);
        assertThat(jdbc.sql("select name from openlineage_job where namespace = :ns")
                        .param("ns", unicodeNs)
                        .query(String.class)
                        .list())
                .containsExactly(job);
        assertThat(stored.runDatasets(runId)).containsExactly("input:" + dataset, "output:ℕ𝔸𝕄𝔼");
        assertThat(RunsHeard.of(unicodeNs)).singleElement().satisfies(observed -> assertThat(observed.jobName())
                .isEqualTo(job));
    }

    @Test
    void a_large_event_of_hundreds_of_datasets_is_stored_whole() {
        UUID runId = UUID.randomUUID();
        List<String> inputs = IntStream.range(0, 400)
                .mapToObj(i -> "warehouse.schema.input_table_" + i)
                .toList();
        List<String> outputs = IntStream.range(0, 400)
                .mapToObj(i -> "warehouse.schema.output_table_" + i)
                .toList();
        ObjectNode event = run("COMPLETE", runId, ns, "big", t0, inputs, outputs);
        for (JsonNode dataset : event.path("outputs")) {
            ObjectNode schema = ((ObjectNode) dataset).putObject("facets").putObject("schema");
            schema.put("_producer", "https://example.com/spark");
            schema.put("_schemaURL", "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json");
            var fields = schema.putArray("fields");
            for (int f = 0; f < 10; f++) {
                fields.addObject()
                        .put("name", "column_" + f)
                        .put("type", "VARCHAR")
                        .put("description", "a column");
            }
        }
        String body = json(event);
        assertThat(body.length()).isGreaterThan(300_000);
        Lineage.Response response = Lineage.post("sales-ci", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(stored.runDatasets(runId)).hasSize(800);
        // Too large to keep its JSON in the event log: only its size is kept.
        assertThat(jdbc.sql("select body is null and body_bytes > 300000 from openlineage_event where run_id = :id")
                        .param("id", runId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void the_content_type_may_name_utf8_or_no_charset() {
        byte[] body = json(run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of()))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Lineage.post("sales-ci", body, "application/json; charset=utf-8", null)
                        .status())
                .isEqualTo(201);
        assertThat(Lineage.post("sales-ci", body, "application/json;charset=UTF-8", null)
                        .status())
                .isEqualTo(201);
    }

    // ------------------------------------------------------------ gzip

    @Test
    void a_gzip_compressed_batch_is_accepted() {
        String batch = array(
                run("START", UUID.randomUUID(), ns, "job", t0, List.of("in"), List.of()),
                run("COMPLETE", UUID.randomUUID(), ns, "job", t0, List.of(), List.of("out")));
        Lineage.Response response = Lineage.post(
                "sales-ci", Lineage.gzip(batch.getBytes(StandardCharsets.UTF_8)), "application/json", "gzip");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(stored.events(ns)).isEqualTo(2);
    }

    @Test
    void a_gzip_bomb_is_refused_as_too_large_once_it_inflates_past_the_limit_and_nothing_is_stored() throws Exception {
        // A valid event followed by 64 MiB of spaces: about 64 KiB compressed, far past 8 MiB inflated.
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(json(run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of()))
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                gzip.write(spaces);
            }
        }
        assertThat(compressed.size()).isLessThan(1024 * 1024);
        Lineage.Response response = Lineage.post("sales-ci", compressed.toByteArray(), "application/json", "gzip");
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.detail()).contains("decompressed");
        assertThat(stored.events(ns)).isZero();
    }

    @Test
    void a_body_that_says_gzip_but_is_not_is_a_bad_request() {
        Lineage.Response response = Lineage.post(
                "sales-ci", "{\"not\": \"gzip\"}".getBytes(StandardCharsets.UTF_8), "application/json", "gzip");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.detail()).contains("gzip");
    }

    @Test
    void a_content_encoding_other_than_gzip_is_an_unsupported_media_type() {
        Lineage.Response response =
                Lineage.post("sales-ci", "{}".getBytes(StandardCharsets.UTF_8), "application/json", "br");
        assertThat(response.status()).as(response.toString()).isEqualTo(415);
    }

    // ------------------------------------------------------------ replays

    @Test
    void the_same_events_again_change_nothing_publish_nothing_and_are_answered_201() {
        UUID runId = UUID.randomUUID();
        String batch = array(
                run("START", runId, ns, "job", t0, List.of("in"), List.of()),
                run("COMPLETE", runId, ns, "job", t0.plusSeconds(60), List.of("in"), List.of("out")),
                TestEvents.job(ns, "job", t0, List.of("in"), List.of("out")),
                TestEvents.dataset(ns, "in", t0));
        assertThat(Lineage.post("sales-ci", batch).status()).isEqualTo(201);
        String before = snapshot();
        assertThat(RunsHeard.of(ns)).hasSize(2);

        Lineage.Response again = Lineage.post("sales-ci", batch);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().path("stored").asInt()).isZero();
        assertThat(again.json().path("alreadyKnown").asInt()).isEqualTo(4);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(RunsHeard.of(ns)).hasSize(2);

        // The same instant written with another offset is the same event.
        ObjectNode sameInstant = run("START", runId, ns, "job", t0, List.of("in"), List.of());
        sameInstant.put(
                "eventTime", t0.atOffset(java.time.ZoneOffset.ofHours(10)).toString());
        assertThat(post(sameInstant).json().path("alreadyKnown").asInt()).isEqualTo(1);
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Everything stored of the test's namespace, as text. */
    private String snapshot() {
        return jdbc.sql("""
                        select string_agg(line, E'\\n' order by line) from (
                          select 'job ' || j.name || ' ' || j.first_seen_at || ' ' || j.last_seen_at as line
                            from openlineage_job j where j.namespace = :ns
                          union all
                          select 'run ' || r.run_id || ' ' || r.state || ' ' || r.last_event_at || ' ' || r.received_at
                            from openlineage_run r join openlineage_job j on j.id = r.job_id where j.namespace = :ns
                          union all
                          select 'dataset ' || d.name || ' ' || d.first_seen_at || ' ' || d.last_seen_at
                            from openlineage_dataset d where d.namespace = :ns
                          union all
                          select 'event ' || e.id from openlineage_event e
                            left join openlineage_job j on j.id = e.job_id
                            left join openlineage_dataset d on d.id = e.dataset_id
                           where j.namespace = :ns or d.namespace = :ns
                          union all
                          select 'job-dataset ' || jd.direction || ' ' || jd.last_seen_at from openlineage_job_dataset jd
                            join openlineage_job j on j.id = jd.job_id where j.namespace = :ns
                        ) lines
                        """).param("ns", ns).query(String.class).single();
    }

    // ------------------------------------------------------------ bad input

    @Test
    void malformed_json_is_a_bad_request_that_says_where() {
        Lineage.Response response = Lineage.post("sales-ci", "{\"eventTime\": \"2026-01-01T00:00:00Z\",");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.detail()).contains("not valid JSON").contains("line 1");
        assertThat(Lineage.post("sales-ci", "{\"a\": 1, \"a\": 2}").detail()).contains("uplicate");
        assertThat(Lineage.post("sales-ci", "{} {}").status()).isEqualTo(400);
    }

    @Test
    void an_empty_body_an_empty_array_and_a_non_object_are_bad_requests() {
        assertThat(Lineage.post("sales-ci", "").status()).isEqualTo(400);
        Lineage.Response empty = Lineage.post("sales-ci", "[]");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.detail()).contains("empty");
        assertThat(Lineage.post("sales-ci", "\"an event\"").status()).isEqualTo(400);
        assertThat(Lineage.post("sales-ci", "null").status()).isEqualTo(400);
    }

    @Test
    void items_that_are_not_objects_are_named_by_their_index_and_nothing_of_the_batch_is_stored() {
        String good = json(run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of()));
        Lineage.Response response = Lineage.post("sales-ci", "[" + good + ", 42, [], \"x\"]");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.pointers()).containsExactly("/1", "/2", "/3");
        assertThat(stored.events(ns)).isZero();
    }

    @Test
    void schema_violations_point_at_the_field_from_the_events_index_and_nothing_of_the_batch_is_stored() {
        ObjectNode noRunId = run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of());
        ((ObjectNode) noRunId.get("run")).remove("runId");
        ObjectNode unknownType = run("DONE", UUID.randomUUID(), ns, "job", t0, List.of(), List.of());
        ObjectNode noJobName = run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of());
        ((ObjectNode) noJobName.get("job")).remove("name");
        ObjectNode noProducer = run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of());
        noProducer.remove("producer");
        ObjectNode facetWithoutProducer = run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of());
        ((ObjectNode) facetWithoutProducer.get("run"))
                .putObject("facets")
                .putObject("custom")
                .put("x", 1);
        ObjectNode datasetWithoutName = TestEvents.dataset(ns, "d", t0);
        ((ObjectNode) datasetWithoutName.get("dataset")).remove("name");
        ObjectNode good = run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of());

        Lineage.Response response = Lineage.post(
                "sales-ci",
                array(good, noRunId, unknownType, noJobName, noProducer, facetWithoutProducer, datasetWithoutName));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.pointers())
                .contains(
                        "/1/run/runId",
                        "/2/eventType",
                        "/3/job/name",
                        "/4/producer",
                        "/5/run/facets/custom/_producer",
                        "/6/dataset/name")
                .noneMatch(pointer -> pointer.startsWith("/0"));
        assertThat(stored.events(ns)).isZero();
    }

    @Test
    void a_single_events_pointers_have_no_index_and_a_run_id_must_be_a_uuid() {
        ObjectNode event = run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of());
        ((ObjectNode) event.get("run")).put("runId", "run-42");
        Lineage.Response response = post(event);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.pointers()).containsExactly("/run/runId");
        assertThat(response.detail()).contains("UUID");

        ObjectNode badTime = run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of());
        badTime.put("eventTime", "yesterday");
        assertThat(Lineage.post("sales-ci", array(badTime)).pointers()).containsExactly("/0/eventTime");
        assertThat(stored.events(ns)).isZero();
    }

    @Test
    void a_nul_character_a_non_utf8_body_and_huge_names_are_refused_with_4xx() {
        ObjectNode nul = run("START", UUID.randomUUID(), ns, "job\u0000", t0, List.of(), List.of());
        Lineage.Response refused = post(nul);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.pointers()).containsExactly("/job/name");

        byte[] latin1 = ("{\"eventTime\": \"2026-01-01T00:00:00Z\", \"producer\": \"caf\u00e9\"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        Lineage.Response notUtf8 = Lineage.post("sales-ci", latin1, "application/json", null);
        assertThat(notUtf8.status()).as(notUtf8.toString()).isEqualTo(400);
        assertThat(notUtf8.detail()).contains("UTF-8");

        ObjectNode longName =
                run("START", UUID.randomUUID(), ns, "j".repeat(5_000), t0, List.of(), List.of("d".repeat(3_000)));
        Lineage.Response tooLong = post(longName);
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.pointers()).containsExactly("/job/name", "/outputs/0/name");

        // A huge string in a facet is accepted (the event is kept without its JSON) ...
        UUID hugeRun = UUID.randomUUID();
        ObjectNode huge = run("START", hugeRun, ns, "job", t0, List.of(), List.of());
        ((ObjectNode) huge.get("run"))
                .putObject("facets")
                .putObject("custom")
                .put("_producer", "https://example.com")
                .put("_schemaURL", "https://example.com/schema.json")
                .put("text", "x".repeat(6 * 1024 * 1024));
        Lineage.Response accepted = post(huge);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(stored.state(hugeRun)).isEqualTo("START");
        // ... up to the limit of a body: past it, even compressed, it is too large.
        ((ObjectNode) huge.get("run").get("facets").get("custom")).put("text", "x".repeat(9 * 1024 * 1024));
        Lineage.Response tooLarge = Lineage.post(
                "sales-ci", Lineage.gzip(json(huge).getBytes(StandardCharsets.UTF_8)), "application/json", "gzip");
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(stored.events(ns)).isEqualTo(1);
    }

    @Test
    void a_body_other_than_json_in_utf8_is_an_unsupported_media_type() {
        byte[] body = json(run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of()))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Lineage.post("sales-ci", body, "text/plain", null).status()).isEqualTo(415);
        assertThat(Lineage.post("sales-ci", body, "application/x-www-form-urlencoded", null)
                        .status())
                .isEqualTo(415);
        assertThat(Lineage.post("sales-ci", body, null, null).status()).isEqualTo(415);
        Lineage.Response latin1 = Lineage.post("sales-ci", body, "application/json; charset=iso-8859-1", null);
        assertThat(latin1.status()).as(latin1.toString()).isEqualTo(415);
        assertThat(stored.events(ns)).isZero();
    }

    @Test
    void more_events_than_a_batch_may_hold_are_refused() {
        ObjectNode event = run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of());
        JsonNode[] events = new JsonNode[OpenLineageService.MAX_BATCH + 1];
        java.util.Arrays.fill(events, event);
        Lineage.Response response = Lineage.post("sales-ci", array(events));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.detail()).contains("at most 1000");
    }

    @Test
    void an_anonymous_caller_is_refused() {
        Lineage.Response response = Lineage.post(
                "",
                json(run("START", UUID.randomUUID(), ns, "job", t0, List.of(), List.of()))
                        .getBytes(StandardCharsets.UTF_8),
                "application/json",
                null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(stored.events(ns)).isZero();
    }

    private static Lineage.Response post(JsonNode event) {
        return Lineage.post("sales-ci", json(event));
    }
}

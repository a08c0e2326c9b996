package dev.meshport.bench;

import static dev.meshport.bench.BenchmarkSupport.asAdmin;
import static dev.meshport.bench.BenchmarkSupport.machine;
import static dev.meshport.bench.BenchmarkSupport.percentile;
import static dev.meshport.bench.BenchmarkSupport.pipelineToken;
import static dev.meshport.bench.BenchmarkSupport.seconds;
import static dev.meshport.bench.BenchmarkSupport.withPortal;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.InvalidDocumentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The OpenLineage ingest benchmark (README: "Benchmarks"): a chain of N products (default 200) of
 * team sales, each with an output port whose contract names a PostgreSQL table, each consuming the
 * one before. Pipelines then post RunEvents to {@code POST /api/v1/lineage} as a client does over
 * HTTP: a run is a START naming its inputs (the previous product's table and an unmapped raw
 * table) and a COMPLETE naming its output, so every COMPLETE is an observed edge, a freshness
 * observation and a dataset seen. It prints events per second one event per request, in batches,
 * gzipped with two clients at once, and the request latency, all with a team API key. It measures; it asserts nothing.
 */
public final class IngestBenchmark {

    private static final String NAMESPACE = "postgres://bench-db.example:5432";

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int products = 200;
        int events = 10_000;
        for (String arg : args) {
            if (arg.startsWith("--products=")) {
                products = Integer.parseInt(arg.substring("--products=".length()));
            } else if (arg.startsWith("--events=")) {
                events = Integer.parseInt(arg.substring("--events=".length()));
            }
        }
        int chain = products;
        int measured = events;
        withPortal("", Map.of(), (context, portal, issuer) -> run(context, portal, issuer, chain, measured));
        System.exit(0);
    }

    private static void run(
            ConfigurableApplicationContext context, String portal, String issuer, int products, int events)
            throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        CatalogService catalog = context.getBean(CatalogService.class);
        Map<String, String> report = new LinkedHashMap<>();
        report.put("products", String.format("%,d (a chain, each with a PostgreSQL table)", products));
        report.put("machine", machine());

        long started = System.nanoTime();
        asAdmin(() -> {
            for (int i = 0; i < products; i++) {
                try {
                    catalog.publishContract(null, contract(i), DocumentFormat.YAML, "sales", null);
                    catalog.publishProduct(null, product(i), DocumentFormat.YAML, "sales", null);
                } catch (InvalidDocumentException e) {
                    throw new IllegalStateException(e.getMessage() + ": " + e.violations(), e);
                }
            }
            return null;
        });
        report.put("publishing the chain", String.format("%.1f s", seconds(started)));

        Sender sender = new Sender(portal + "/api/v1/lineage", credential(portal, issuer));
        Runs runs = new Runs(products);

        // Warm-up: the same paths as measured, not counted.
        for (int i = 0; i < 200; i++) {
            sender.post(List.of(runs.next()), false);
        }

        List<String[]> lines = new ArrayList<>();
        lines.add(measure("one event per request", sender, runs, Math.min(events, 2_000), 1, false, 1));
        lines.add(measure("batches of 100", sender, runs, events, 100, false, 1));
        lines.add(measure("batches of 100, gzip, 2 clients", sender, runs, events, 100, true, 2));

        long edges = jdbc.sql("select count(*) from lineage_observed_edge")
                .query(Long.class)
                .single();
        long observations = jdbc.sql("select count(*) from sla_observation")
                .query(Long.class)
                .single();
        report.put("stored afterwards", String.format("%,d observed edges, %,d SLA observations", edges, observations));

        System.out.println();
        System.out.println("=== Meshport OpenLineage ingest benchmark ===");
        report.forEach((key, value) -> System.out.printf("%-26s %s%n", key, value));
        System.out.println();
        System.out.println(
                "POST /api/v1/lineage over HTTP (START + COMPLETE per run; each COMPLETE an observed edge):");
        lines.forEach(line -> System.out.printf("  %-34s %s%n", line[0], line[1]));
    }

    /** How pipelines authenticate: a sales API key, created with the sales pipeline client's token. */
    private static String credential(String portal, String issuer) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(portal + "/api/v1/api-keys"))
                                .header("Authorization", "Bearer " + pipelineToken(issuer))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"name\": \"ingest-benchmark\", \"team\": \"sales\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String body = created.body();
        int start = body.indexOf("\"secret\":\"") + 10;
        if (created.statusCode() != 201 || start < 10) {
            throw new IllegalStateException("Creating the API key answered " + created.statusCode());
        }
        return body.substring(start, body.indexOf('"', start));
    }

    private static String[] measure(
            String label, Sender sender, Runs runs, int events, int batch, boolean gzip, int clients) throws Exception {
        int requests = Math.max(1, events / batch);
        double[] latencies = new double[requests];
        AtomicLong next = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(pool.submit(() -> {
                    for (long r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
                        List<String> body = new ArrayList<>(batch);
                        synchronized (runs) {
                            for (int e = 0; e < batch; e++) {
                                body.add(runs.next());
                            }
                        }
                        long t = System.nanoTime();
                        sender.post(body, gzip);
                        latencies[(int) r] = (System.nanoTime() - t) / 1e6;
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }
        double s = seconds(started);
        return new String[] {
            label,
            String.format(
                    "%,8.0f events/s  (%,d events in %.1f s; per request p50 %.1f ms, p95 %.1f ms)",
                    requests * batch / s, requests * batch, s, percentile(latencies, 50), percentile(latencies, 95))
        };
    }

    /** The events of runs along the chain: START with the inputs, then COMPLETE with the output. */
    private static final class Runs {
        private final int products;
        private int position;
        private boolean completing;
        private String runId = UUID.randomUUID().toString();
        private Instant time = Instant.now().minusSeconds(3_600);

        Runs(int products) {
            this.products = products;
        }

        String next() {
            int target = 1 + position % (products - 1);
            String event;
            if (!completing) {
                runId = UUID.randomUUID().toString();
                event = event("START", target, """
                        "inputs": [{"namespace": "%s", "name": "bench.public.orders_%d"},
                                   {"namespace": "postgres://raw.example:5432", "name": "raw.public.clicks_%d"}],
                        "outputs": []""".formatted(NAMESPACE, target - 1, target % 50));
            } else {
                event = event("COMPLETE", target, """
                        "inputs": [],
                        "outputs": [{"namespace": "%s", "name": "bench.public.orders_%d"}]""".formatted(NAMESPACE, target));
                position++;
            }
            completing = !completing;
            time = time.plusMillis(10);
            return event;
        }

        private String event(String type, int target, String datasets) {
            return """
                    {"eventType": "%s", "eventTime": "%s",
                     "producer": "https://github.com/meshport/bench", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                     "run": {"runId": "%s"}, "job": {"namespace": "bench", "name": "build_orders_%d"}, %s}""".formatted(type, time, runId, target, datasets);
        }
    }

    private static final class Sender {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI uri;
        private final String credential;

        Sender(String uri, String credential) {
            this.uri = URI.create(uri);
            this.credential = credential;
        }

        void post(List<String> events, boolean gzip) throws IOException, InterruptedException {
            byte[] body = (events.size() == 1 ? events.getFirst() : "[" + String.join(",", events) + "]")
                    .getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + credential)
                    .header("Content-Type", "application/json");
            if (gzip) {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                    out.write(body);
                }
                body = zipped.toByteArray();
                request.header("Content-Encoding", "gzip");
            }
            HttpResponse<String> response = http.send(
                    request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "POST /api/v1/lineage answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    private static String contract(int i) {
        return """
                apiVersion: v3.0.2
                kind: DataContract
                id: bench-ol-%1$d-v1
                version: 1.0.0
                status: active
                servers:
                  - server: warehouse
                    type: postgres
                    host: bench-db.example
                    port: 5432
                    database: bench
                    schema: public
                schema:
                  - name: orders
                    physicalName: orders_%1$d
                    properties:
                      - {name: order_id, logicalType: string}
                slaProperties:
                  - {property: latency, value: 4, unit: h}
                """.formatted(i);
    }

    private static String product(int i) {
        return """
                apiVersion: v1.0.0
                kind: DataProduct
                id: bench-ol-%1$d
                name: Benchmark orders %1$d
                status: draft
                team: {name: sales}
                description: {purpose: "Orders of the ingest benchmark, step %1$d of the chain."}
                outputPorts:
                  - {name: orders, version: 1.0.0, contractId: bench-ol-%1$d-v1}
                %2$s""".formatted(i, i == 0 ? "" : """
                inputPorts:
                  - {name: previous, version: 1.0.0, contractId: bench-ol-%d-v1}
                """.formatted(i - 1));
    }
}

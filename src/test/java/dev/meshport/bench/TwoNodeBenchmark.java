package dev.meshport.bench;

import dev.meshport.launcher.DevDatabase;
import dev.meshport.launcher.IdentityProviderProcess;
import io.meshport.testing.PortalProcess;
import io.meshport.testing.TestOpenSearch;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.springframework.util.FileSystemUtils;

/**
 * The two-node benchmark (README: "Benchmarks"): two portal nodes, each the production jar in a
 * process of its own, on one fresh PostgreSQL and one OpenSearch node. A pipeline publishes a
 * product on one node; the benchmark then searches for it on the other until it is found, and
 * prints how long that took from the start of the write (p50/p95/max), alternating the direction.
 * Needs the jar: {@code ./mvnw -DskipTests package} first. It measures; it asserts nothing.
 */
public final class TwoNodeBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TwoNodeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int writes = 200;
        int seed = 500;
        for (String arg : args) {
            if (arg.startsWith("--writes=")) {
                writes = Integer.parseInt(arg.substring("--writes=".length()));
            } else if (arg.startsWith("--seed=")) {
                seed = Integer.parseInt(arg.substring("--seed=".length()));
            } else {
                System.err.println("Unknown argument " + arg + " (known: --writes=N, --seed=N)");
                System.exit(2);
            }
        }
        if (!Files.exists(PortalProcess.JAR)) {
            System.err.println("No " + PortalProcess.JAR + ": build it first with ./mvnw -DskipTests package");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("meshport-two-node-bench");
        try (DevDatabase database = DevDatabase.start(BenchmarkSupport.freePort(), work.resolve("postgres"), false);
                IdentityProviderProcess provider =
                        IdentityProviderProcess.start(BenchmarkSupport.freePort(), "http://127.0.0.1:1")) {
            String search = TestOpenSearch.runningForBenchmark("1g").url();
            Map<String, String> environment = Map.of(
                    "SPRING_DATASOURCE_URL", database.jdbcUrl(),
                    "SPRING_DATASOURCE_USERNAME", database.username(),
                    "SPRING_DATASOURCE_PASSWORD", database.password(),
                    "MESHPORT_OIDC_ISSUER_URI", provider.issuer().toString(),
                    "MESHPORT_SEARCH_URIS", search,
                    "MESHPORT_SEARCH_INDEX_PREFIX", "bench-" + System.nanoTime());
            try (PortalProcess a = PortalProcess.start("a", environment, Duration.ofMinutes(4));
                    PortalProcess b = PortalProcess.start("b", environment, Duration.ofMinutes(4))) {
                String token = BenchmarkSupport.pipelineToken(provider.issuer().toString());
                Random random = new Random(13);
                for (int i = 0; i < seed; i++) {
                    publish(i % 2 == 0 ? a : b, token, "seed-" + i, "Seed " + word(random) + " " + word(random));
                }
                double[] put = new double[writes];
                double[] searchable = new double[writes];
                int notFound = 0;
                for (int i = 0; i < writes; i++) {
                    PortalProcess writer = i % 2 == 0 ? a : b;
                    PortalProcess reader = i % 2 == 0 ? b : a;
                    String word = word(random) + i;
                    long started = System.nanoTime();
                    publish(writer, token, "relay-" + i, "Relay " + word);
                    put[i] = (System.nanoTime() - started) / 1e6;
                    long deadline = started + Duration.ofSeconds(10).toNanos();
                    boolean found = false;
                    while (!found && System.nanoTime() < deadline) {
                        found = finds(reader, token, "relay " + word, "relay-" + i);
                    }
                    searchable[i] = (System.nanoTime() - started) / 1e6;
                    notFound += found ? 0 : 1;
                }
                System.out.printf(
                        Locale.ROOT,
                        "%nTwo nodes (%s), OpenSearch %s, %d products seeded, %d writes alternating a->b and b->a%n",
                        BenchmarkSupport.machine(),
                        search,
                        seed,
                        writes);
                System.out.printf(Locale.ROOT, "%-40s %8s %8s %8s%n", "ms", "p50", "p95", "max");
                row("write (PUT answered)", put);
                row("write -> found on the other node", searchable);
                System.out.printf(Locale.ROOT, "not found within 10 s: %d of %d%n", notFound, writes);
            }
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    private static void row(String name, double[] values) {
        System.out.printf(
                Locale.ROOT,
                "%-40s %8.1f %8.1f %8.1f%n",
                name,
                BenchmarkSupport.percentile(values, 50),
                BenchmarkSupport.percentile(values, 95),
                BenchmarkSupport.percentile(values, 100));
    }

    private static void publish(PortalProcess node, String token, String id, String name) throws Exception {
        String body = """
                {"apiVersion": "v1.0.0", "kind": "DataProduct", "id": "%s", "name": "%s", "version": "1.0.0",
                 "status": "draft", "domain": "bench", "team": {"name": "sales"}}
                """.formatted(id, name);
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/data-products/" + id))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("PUT " + id + " on " + node.name() + ": " + response.body());
        }
    }

    private static boolean finds(PortalProcess node, String token, String query, String id) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/data-products?size=5&q="
                                + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"id\":\"" + id + "\"");
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}

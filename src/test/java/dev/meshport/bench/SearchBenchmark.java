package dev.meshport.bench;

import static dev.meshport.bench.BenchmarkSupport.asAdmin;
import static dev.meshport.bench.BenchmarkSupport.machine;
import static dev.meshport.bench.BenchmarkSupport.percentile;
import static dev.meshport.bench.BenchmarkSupport.pipelineToken;
import static dev.meshport.bench.BenchmarkSupport.seconds;
import static dev.meshport.bench.BenchmarkSupport.withPortal;

import io.meshport.MeshportApplication;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.search.CatalogSearch;
import io.meshport.search.SearchRequest;
import io.meshport.testing.TestOpenSearch;
import jakarta.persistence.EntityManagerFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The search benchmark (README: "Benchmarks"). Generates N synthetic data products (default
 * 100,000) with contracts, schema fields, ports and lineage into a fresh PostgreSQL, indexes them
 * with the mass indexer, and prints bulk-load rate, reindex time, search latency percentiles for
 * a fixed query mix through the service and through the HTTP API, and write-to-searchable
 * latency. Then it puts Meshport beside the baselines ({@link SearchEngine}s: PostgreSQL full-text
 * search with pg_trgm, and a plain ILIKE scan), on the same queries for latency and on judged
 * queries ({@link JudgedQueries}) for relevance. It measures; it asserts nothing.
 */
public final class SearchBenchmark {

    private static final String[] DOMAINS = {
        "sales",
        "marketing",
        "finance",
        "trading",
        "logistics",
        "supply-chain",
        "customer-service",
        "hr",
        "risk",
        "analytics"
    };
    private static final String[] REGIONS = {
        "EMEA", "Americas", "APAC", "Nordics", "Iberia", "Benelux", "DACH", "Global"
    };
    private static final String[] SUBJECTS = {
        "Customer", "Order", "Invoice", "Shipment", "Payment", "Trade", "Inventory", "Campaign", "Lead", "Ticket",
        "Account", "Product", "Supplier", "Carrier", "Employee", "Ledger", "Forecast", "Price", "Claim", "Session"
    };
    private static final String[] KINDS = {
        "Events",
        "Snapshots",
        "Daily Aggregates",
        "Facts",
        "History",
        "Master Data",
        "Scores",
        "Metrics",
        "Feed",
        "Extract"
    };
    private static final String[] WORDS = {
        "revenue",
        "churn",
        "latency",
        "carrier",
        "ledger",
        "settlement",
        "refund",
        "discount",
        "margin",
        "warehouse",
        "replenishment",
        "attribution",
        "conversion",
        "fraud",
        "exposure",
        "liquidity",
        "backlog",
        "satisfaction",
        "retention",
        "delivery",
        "compliance",
        "pricing",
        "quota",
        "pipeline",
        "footfall",
        "basket",
        "loyalty"
    };
    private static final String[] FIELD_NAMES = {
        "customer_id", "order_id", "amount_eur", "created_at", "updated_at", "country_code", "status", "channel",
        "carrier_code", "region", "sku", "quantity", "unit_price", "currency", "account_id", "event_time"
    };
    private static final String[] TYPES = {"table", "kafka-topic", "file", "api"};
    private static final String[] STATUSES = {
        "active", "active", "active", "active", "active", "active", "deprecated", "draft", "proposed", "retired"
    };
    private static final String[] TEAMS = {"sales", "marketing", "finance", "trading", "logistics", "risk", "analytics"
    };

    private SearchBenchmark() {}

    /** The baselines {@code --baseline=} may name (comma-separated, or {@code none}); both by default. */
    static final String POSTGRES_FTS = "postgres-fts";

    static final String ILIKE = "ilike";

    /** The backends {@code --backends=} may name: Meshport's embedded index always, the cluster by default. */
    static final String LUCENE = "lucene";

    static final String OPENSEARCH = "opensearch";
    /** Publications timed per backend for write-to-searchable. */
    private static final int WRITES = 100;

    private static final int COMPARED_RUNS = 200;
    private static final int ILIKE_RUNS = 40;
    private static final int JUDGED_RUNS = 100;
    private static final int ILIKE_JUDGED = 20;

    public static void main(String[] args) throws Exception {
        int products = 100_000;
        Set<String> baselines = Set.of(POSTGRES_FTS, ILIKE);
        Set<String> backends = Set.of(LUCENE, OPENSEARCH);
        for (String arg : args) {
            if (arg.startsWith("--products=")) {
                products = Integer.parseInt(arg.substring("--products=".length()));
            } else if (arg.equals("--no-baseline") || arg.equals("--baseline=none")) {
                baselines = Set.of();
            } else if (arg.startsWith("--baseline=")) {
                baselines = Set.of(arg.substring("--baseline=".length()).split(","));
                for (String baseline : baselines) {
                    if (!baseline.equals(POSTGRES_FTS) && !baseline.equals(ILIKE)) {
                        System.err.println("Unknown baseline '" + baseline + "': use --baseline=" + POSTGRES_FTS + ","
                                + ILIKE + " (either or both) or --baseline=none");
                        System.exit(2);
                    }
                }
            } else if (arg.startsWith("--backends=")) {
                backends = Set.of(arg.substring("--backends=".length()).split(","));
                if (!backends.contains(LUCENE) || !Set.of(LUCENE, OPENSEARCH).containsAll(backends)) {
                    System.err.println(
                            "Unknown backends '" + arg.substring("--backends=".length()) + "': use --backends=" + LUCENE
                                    + " (the embedded index only) or --backends=" + LUCENE + "," + OPENSEARCH);
                    System.exit(2);
                }
            } else {
                System.err.println("Unknown argument '" + arg + "': use --products=N, --baseline=" + POSTGRES_FTS + ","
                        + ILIKE + "|none and --backends=" + LUCENE + "[," + OPENSEARCH + "]");
                System.exit(2);
            }
        }
        int measured = products;
        Set<String> chosen = baselines;
        boolean onCluster = backends.contains(OPENSEARCH);
        withPortal(
                "?reWriteBatchedInserts=true",
                Map.of(),
                (context, portal, issuer) -> run(context, measured, chosen, onCluster, portal, issuer));
        System.exit(0);
    }

    private static void run(
            ConfigurableApplicationContext context,
            int products,
            Set<String> baselines,
            boolean onCluster,
            String portal,
            String issuer)
            throws Exception {
        long runStarted = System.nanoTime();
        DataSource dataSource = context.getBean(DataSource.class);
        Map<String, String> report = new LinkedHashMap<>();
        report.put("products", String.format("%,d", products));
        report.put("machine", machine());

        // The portal's start-up check of the index (a rebuild, for a fresh index directory) must
        // be over before the bulk load: a rebuild still running beside the benchmark's own mass
        // indexer adds products to the index a second time.
        HealthIndicator index = context.getBean("search", HealthIndicator.class);
        while (!Status.UP.equals(index.health().getStatus())) {
            Thread.sleep(20);
        }

        // The same portal on the same database with its index on an OpenSearch cluster (the test
        // node, in a process of its own), started now, on the empty catalog, so that its start-up
        // check finds nothing to rebuild and its reindex below is the same mass indexer run as
        // the embedded index's.
        ConfigurableApplicationContext cluster = null;
        if (onCluster) {
            long nodeStarted = System.nanoTime();
            TestOpenSearch.Node node = TestOpenSearch.runningForBenchmark("2g");
            report.put(
                    "OpenSearch node",
                    String.format("%s, 2 GiB heap, started in %.1f s", node.url(), seconds(nodeStarted)));
            cluster = startOnCluster(context, node.url(), issuer);
        }
        try {
            measure(context, cluster, products, baselines, portal, issuer, report, dataSource, runStarted);
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /**
     * A second portal context in this JVM, on the database of {@code context}, with its index on
     * the cluster at {@code url} under a prefix of its own, once its search index is ready.
     */
    private static ConfigurableApplicationContext startOnCluster(
            ConfigurableApplicationContext context, String url, String issuer) throws Exception {
        Environment environment = context.getEnvironment();
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Path indexDirectory = Files.createTempDirectory("meshport-bench-cluster");
        SpringApplication application = new SpringApplication(MeshportApplication.class);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", String.valueOf(BenchmarkSupport.freePort()));
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.datasource.url", environment.getProperty("spring.datasource.url"));
        properties.put("spring.datasource.username", environment.getProperty("spring.datasource.username"));
        properties.put("spring.datasource.password", environment.getProperty("spring.datasource.password"));
        properties.put("meshport.oidc.issuer-uri", issuer);
        properties.put("meshport.oidc.client-id", "meshport");
        properties.put("meshport.oidc.client-secret", "meshport-dev-secret");
        properties.put("meshport.index-dir", indexDirectory.toString());
        properties.put("meshport.search.uris", url);
        properties.put("meshport.search.index-prefix", prefix);
        properties.put("vaadin.productionMode", "true");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        application.setDefaultProperties(properties);
        long started = System.nanoTime();
        // Vaadin replaces the JVM-wide security context strategy with one of the new context's
        // own: put back the first context's, so that its HTTP API (whose bearer token filter keeps
        // its strategy) and its services (which read the JVM-wide one) still agree; asAdmin signs
        // in on both contexts' strategies for the service calls.
        SecurityContextHolderStrategy first = SecurityContextHolder.getContextHolderStrategy();
        ConfigurableApplicationContext cluster = application.run();
        BenchmarkSupport.signInOn(cluster);
        SecurityContextHolder.setContextHolderStrategy(first);
        HealthIndicator index = cluster.getBean("search", HealthIndicator.class);
        while (!Status.UP.equals(index.health().getStatus())) {
            if (seconds(started) > 300) {
                throw new IllegalStateException("The portal on the cluster did not get ready: " + index.health());
            }
            Thread.sleep(50);
        }
        System.out.printf("Portal on the cluster (index prefix %s) ready in %.1f s%n", prefix, seconds(started));
        return cluster;
    }

    private static void measure(
            ConfigurableApplicationContext context,
            ConfigurableApplicationContext cluster,
            int products,
            Set<String> baselines,
            String portal,
            String issuer,
            Map<String, String> report,
            DataSource dataSource,
            long runStarted)
            throws Exception {

        // 1. Bulk load through JDBC batches, as a migration or import would.
        long started = System.nanoTime();
        List<JudgedQueries.Product> generated = generate(dataSource, products);
        List<String> names = generated.stream().map(JudgedQueries.Product::name).toList();
        double loadSeconds = seconds(started);
        report.put(
                "bulk load",
                String.format(
                        "%,.0f products/s (%.1f s, with contracts, fields, ports)",
                        products / loadSeconds, loadSeconds));

        // 2. Full reindex with the mass indexer.
        report.put("full reindex", String.format("%.1f s", reindex(context)));
        if (cluster != null) {
            report.put("full reindex (OpenSearch)", String.format("%.1f s", reindex(cluster)));
        }

        CatalogSearch search = context.getBean(CatalogSearch.class);
        CatalogService catalog = context.getBean(CatalogService.class);
        Random random = new Random(7);
        Map<String, Supplier<SearchRequest>> mix = new LinkedHashMap<>();
        mix.put("exact name", () -> SearchRequest.text(names.get(random.nextInt(names.size()))));
        mix.put("one word", () -> SearchRequest.text(WORDS[random.nextInt(WORDS.length)]));
        mix.put(
                "two words",
                () -> SearchRequest.text(SUBJECTS[random.nextInt(SUBJECTS.length)] + " "
                        + KINDS[random.nextInt(KINDS.length)].split(" ")[0]));
        mix.put("typo", () -> SearchRequest.text(typo(WORDS[random.nextInt(WORDS.length)], random)));
        mix.put(
                "facet-filtered",
                () -> new SearchRequest(
                        WORDS[random.nextInt(WORDS.length)],
                        Set.of(DOMAINS[random.nextInt(DOMAINS.length)]),
                        Set.of(),
                        Set.of("active"),
                        Set.of(),
                        Set.of(),
                        false,
                        false,
                        SearchRequest.Sort.RELEVANCE));
        mix.put(
                "deep page",
                () -> new SearchRequest(
                        "", Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false, SearchRequest.Sort.NAME));

        // 3. Service latency. "deep page" pages on deep in the list, each page after the one
        // before it, as a scrolled result list or an API client following pages does; "deep
        // jump" asks for a random deep page with no page before it (reported apart).
        List<String> serviceLines = new ArrayList<>();
        // CPU time of the searching thread: what a query costs, whatever else the machine runs.
        List<String> cpuLines = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int pages = products / 4;
        asAdmin(() -> {
            // Warm up on the whole mix first, as a portal that has served for a while is: the JIT
            // compiles the search paths while this runs (on these two cores, beside the queries),
            // so the first kinds measured are not charged for it.
            for (int round = 0; round < 5; round++) {
                for (var entry : mix.entrySet()) {
                    boolean deep = entry.getKey().equals("deep page");
                    for (int i = 0; i < 60; i++) {
                        search.search(entry.getValue().get(), deep ? products / 2 + 20 * i : 0, 20);
                    }
                }
            }
            random.setSeed(7); // the measured queries are the same as without this warm-up
            for (var entry : mix.entrySet()) {
                boolean deep = entry.getKey().equals("deep page");
                for (int i = 0; i < 30; i++) {
                    search.search(entry.getValue().get(), deep ? products / 2 : 0, 20);
                }
                double[] times = new double[200];
                double[] cpu = new double[200];
                if (deep) {
                    SearchRequest request = entry.getValue().get();
                    search.search(request, pages, 20);
                    for (int i = 0; i < times.length; i++) {
                        long c = threads.getCurrentThreadCpuTime();
                        long t = System.nanoTime();
                        search.search(request, pages + 20 * (i + 1), 20);
                        times[i] = (System.nanoTime() - t) / 1e6;
                        cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
                    }
                } else {
                    for (int i = 0; i < times.length; i++) {
                        SearchRequest request = entry.getValue().get();
                        long c = threads.getCurrentThreadCpuTime();
                        long t = System.nanoTime();
                        search.search(request, 0, 20);
                        times[i] = (System.nanoTime() - t) / 1e6;
                        cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
                    }
                }
                serviceLines.add(line(entry.getKey(), times));
                cpuLines.add(line(entry.getKey(), cpu));
            }
            double[] jumps = new double[20];
            for (int i = 0; i < jumps.length; i++) {
                SearchRequest request = mix.get("deep page").get();
                int offset = products / 2 + random.nextInt(Math.max(1, products / 4));
                long t = System.nanoTime();
                search.search(request, offset, 20);
                jumps[i] = (System.nanoTime() - t) / 1e6;
            }
            serviceLines.add(line("deep jump", jumps));
            return null;
        });

        // 4. HTTP API latency, with a pipeline's token.
        String token = pipelineToken(issuer);
        HttpClient http = HttpClient.newHttpClient();
        List<String> httpLines = new ArrayList<>();
        for (var entry : mix.entrySet()) {
            boolean deep = entry.getKey().equals("deep page");
            double[] times = new double[200];
            for (int i = -30; i < times.length; i++) {
                SearchRequest request = entry.getValue().get();
                StringBuilder url = new StringBuilder(portal + "/api/v1/data-products?size=20&q="
                        + URLEncoder.encode(request.text(), StandardCharsets.UTF_8));
                request.domains().forEach(d -> url.append("&domain=").append(d));
                request.statuses().forEach(s -> url.append("&status=").append(s));
                if (deep) {
                    // Paging on from page (products * 3/4) / 20: a region the service part did not visit.
                    url.append("&sort=name&page=").append((products * 3 / 4) / 20 + Math.max(0, i + 30));
                }
                long t = System.nanoTime();
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url.toString()))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - t) / 1e6;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                }
                if (i >= 0) {
                    times[i] = ms;
                }
            }
            httpLines.add(line(entry.getKey(), times));
        }

        // 5. Write-to-searchable through the service (the cluster's: after the comparisons below,
        // so that the two indexes hold the same products while they are compared).
        Map<String, double[]> visible = new LinkedHashMap<>();
        visible.put("Lucene", writeToSearchable(catalog, search, "lucene"));

        // 6. Side by side: Meshport and the baselines on the same queries, interleaved query by
        // query so that a change of the machine's speed hits every engine alike.
        List<SearchEngine> engines = new ArrayList<>();
        engines.add(new MeshportEngine("Meshport (Lucene)", search));
        CatalogSearch clusterSearch = cluster == null ? null : cluster.getBean(CatalogSearch.class);
        if (clusterSearch != null) {
            // The embedded index was warmed up above; the cluster (and this JVM's client of it)
            // gets the same whole-mix warm-up before it is compared.
            asAdmin(() -> {
                for (int round = 0; round < 5; round++) {
                    for (var entry : mix.entrySet()) {
                        boolean deep = entry.getKey().equals("deep page");
                        for (int i = 0; i < 60; i++) {
                            try {
                                clusterSearch.search(entry.getValue().get(), deep ? products / 2 + 20 * i : 0, 20);
                            } catch (RuntimeException e) {
                                // counted in the comparison below
                            }
                        }
                    }
                }
                return null;
            });
            engines.add(new MeshportEngine("Meshport (OpenSearch)", clusterSearch));
        }
        if (baselines.contains(POSTGRES_FTS)) {
            engines.add(PostgresFtsEngine.build(dataSource, report));
        }
        if (baselines.contains(ILIKE)) {
            engines.add(new IlikeEngine(dataSource, ILIKE_RUNS, ILIKE_JUDGED));
        }
        Map<String, Map<String, double[]>> latency = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> found = new LinkedHashMap<>();
        // Queries an engine failed on (an exception), per kind and engine, with the first message.
        Map<String, Map<String, Integer>> failed = new LinkedHashMap<>();
        Map<String, String> firstFailure = new LinkedHashMap<>();
        random.setSeed(11);
        asAdmin(() -> {
            for (var entry : mix.entrySet()) {
                boolean deep = entry.getKey().equals("deep page");
                List<SearchRequest> requests = new ArrayList<>();
                for (int i = 0; i < COMPARED_RUNS + 3; i++) {
                    requests.add(entry.getValue().get());
                }
                Map<String, double[]> times = new LinkedHashMap<>();
                Map<String, Integer> withHits = new LinkedHashMap<>();
                Map<String, Integer> failures = new LinkedHashMap<>();
                for (SearchEngine engine : engines) {
                    times.put(engine.name(), new double[Math.min(COMPARED_RUNS, engine.latencyRuns())]);
                    withHits.put(engine.name(), 0);
                    failures.put(engine.name(), 0);
                }
                for (int i = -3; i < COMPARED_RUNS; i++) {
                    SearchRequest request = requests.get(i + 3);
                    int offset = deep ? products / 4 + 20 * (i + 3) : 0;
                    for (SearchEngine engine : engines) {
                        double[] engineTimes = times.get(engine.name());
                        if (i >= engineTimes.length) {
                            continue;
                        }
                        long t = System.nanoTime();
                        SearchEngine.Answer answer;
                        try {
                            answer = engine.search(request, offset, 20);
                        } catch (RuntimeException e) {
                            if (i >= 0) {
                                engineTimes[i] = Double.NaN;
                                failures.merge(engine.name(), 1, Integer::sum);
                                firstFailure.putIfAbsent(
                                        engine.name() + ", " + entry.getKey(), String.valueOf(rootCause(e)));
                            }
                            continue;
                        }
                        double ms = (System.nanoTime() - t) / 1e6;
                        if (i >= 0) {
                            engineTimes[i] = ms;
                            withHits.merge(engine.name(), answer.ids().isEmpty() ? 0 : 1, Integer::sum);
                        }
                    }
                }
                latency.put(entry.getKey(), times);
                found.put(entry.getKey(), withHits);
                failed.put(entry.getKey(), failures);
            }
            return null;
        });

        // 7. Relevance on judged queries: the first ten of each engine's ranking.
        Map<String, List<JudgedQueries.Judged>> judged =
                JudgedQueries.build(generated, WORDS, SUBJECTS, KINDS, DOMAINS, JUDGED_RUNS);
        Map<String, Map<String, double[]>> relevance = new LinkedHashMap<>();
        asAdmin(() -> {
            for (var entry : judged.entrySet()) {
                Map<String, double[]> perEngine = new LinkedHashMap<>();
                for (SearchEngine engine : engines) {
                    List<JudgedQueries.Judged> queries = entry.getValue()
                            .subList(0, Math.min(entry.getValue().size(), engine.judgedRuns()));
                    double top3 = 0;
                    double ndcg = 0;
                    double nothing = 0;
                    double repeated = 0;
                    for (JudgedQueries.Judged query : queries) {
                        List<String> ranked;
                        try {
                            ranked = engine.search(query.request(), 0, 10).ids();
                        } catch (RuntimeException e) {
                            firstFailure.putIfAbsent(
                                    engine.name() + ", judged " + entry.getKey(), String.valueOf(rootCause(e)));
                            ranked = List.of();
                        }
                        repeated += JudgedQueries.repeats(ranked) ? 1 : 0;
                        top3 += JudgedQueries.inTop3(ranked, query.relevant()) ? 1 : 0;
                        ndcg += JudgedQueries.ndcgAt10(ranked, query.relevant());
                        nothing += ranked.isEmpty() ? 1 : 0;
                    }
                    perEngine.put(engine.name(), new double[] {
                        top3 / queries.size(), ndcg / queries.size(), nothing / queries.size(), repeated
                    });
                }
                relevance.put(entry.getKey(), perEngine);
            }
            return null;
        });

        // Write-to-searchable on the cluster, now that the comparisons are over.
        if (cluster != null) {
            visible.put(
                    "OpenSearch",
                    writeToSearchable(cluster.getBean(CatalogService.class), clusterSearch, "opensearch"));
        }

        System.out.println();
        System.out.println("=== Meshport search benchmark ===");
        report.forEach((key, value) -> System.out.printf("%-26s %s%n", key, value));
        visible.forEach((backend, times) -> System.out.printf(
                "%-26s p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d writes)%n",
                "write-to-searchable (" + backend + ")",
                percentile(times, 50),
                percentile(times, 95),
                percentile(times, 100),
                times.length));
        System.out.println();
        System.out.println("Search latency, service (CatalogSearch), 200 queries each (deep jump: 20), ms:");
        serviceLines.forEach(System.out::println);
        System.out.println();
        System.out.println("CPU time of the searching thread, service, same queries, ms:");
        cpuLines.forEach(System.out::println);
        System.out.println(
                "(facet-filtered: the counts of the two selected facets run on other threads, not included)");
        System.out.println();
        System.out.println("Search latency, HTTP API (GET /api/v1/data-products, bearer token), 200 queries each, ms:");
        httpLines.forEach(System.out::println);
        System.out.println();
        printComparison(engines, latency, found, failed);
        printRelevance(engines, relevance);
        firstFailure.forEach((where, error) -> System.out.printf("FAILED: %s: %s%n", where, error));
        System.out.printf("%nWhole run: %.1f min%n", seconds(runStarted) / 60);
    }

    /** Seconds the mass indexer takes to index the whole catalog into the index of {@code context}. */
    private static double reindex(ConfigurableApplicationContext context) throws InterruptedException {
        EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
        long started = System.nanoTime();
        Search.mapping(emf)
                .scope(Object.class)
                .massIndexer()
                .threadsToLoadObjects(2)
                .batchSizeToLoadObjects(200)
                .mergeSegmentsOnFinish(true)
                .startAndWait();
        return seconds(started);
    }

    /**
     * Publishes {@link #WRITES} products through the catalog service of a context as a team member
     * would, each timed from the call until that context's search finds it (polled every
     * millisecond), in ms.
     */
    private static double[] writeToSearchable(CatalogService catalog, CatalogSearch search, String label) {
        double[] visible = new double[WRITES];
        asAdmin(() -> {
            for (int i = 0; i < visible.length; i++) {
                String id = "bench-fresh-" + label + "-" + i;
                String name = "Zephyrine " + label + " " + i + " Kestrel";
                long t = System.nanoTime();
                catalog.publishProduct(
                        id,
                        "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: " + name
                                + "\nstatus: draft\nteam:\n  name: sales\n",
                        DocumentFormat.YAML,
                        null,
                        null);
                while (search.count(SearchRequest.text("\"" + name + "\"")) == 0
                        && search.search(SearchRequest.text(name), 0, 1).items().stream()
                                .noneMatch(h -> h.id().equals(id))) {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                visible[i] = (System.nanoTime() - t) / 1e6;
            }
            return null;
        });
        return visible;
    }

    /** Latency per kind and engine, as a Markdown table, and each baseline's p95 over Meshport's. */
    private static void printComparison(
            List<SearchEngine> engines,
            Map<String, Map<String, double[]>> latency,
            Map<String, Map<String, Integer>> found,
            Map<String, Map<String, Integer>> failed) {
        System.out.println();
        System.out.printf(
                "Side by side, the same queries interleaved, first page of 20 + total, ms (%d queries per kind,"
                        + "%s; \"hits\": queries with any result; \"failed\": queries that threw, left out of"
                        + " the percentiles):%n",
                COMPARED_RUNS, fewer(engines, COMPARED_RUNS, SearchEngine::latencyRuns));
        StringBuilder header = new StringBuilder("| query |");
        StringBuilder rule = new StringBuilder("|---|");
        for (SearchEngine engine : engines) {
            header.append(' ').append(engine.name()).append(" p50 | p95 | hits | failed |");
            rule.append("---|---|---|---|");
        }
        SearchEngine meshport = engines.getFirst();
        for (SearchEngine engine : engines.subList(1, engines.size())) {
            header.append(' ')
                    .append(engine.name())
                    .append(" / ")
                    .append(meshport.name())
                    .append(" p95 |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        latency.forEach((kind, times) -> {
            StringBuilder row = new StringBuilder("| " + kind + " |");
            for (SearchEngine engine : engines) {
                double[] t = answered(times.get(engine.name()));
                row.append(String.format(
                        " %.1f | %.1f | %d/%d | %d |",
                        percentile(t, 50),
                        percentile(t, 95),
                        found.get(kind).get(engine.name()),
                        times.get(engine.name()).length,
                        failed.get(kind).get(engine.name())));
            }
            double meshportP95 = percentile(answered(times.get(meshport.name())), 95);
            for (SearchEngine engine : engines.subList(1, engines.size())) {
                row.append(String.format(
                        " %.1f× |", percentile(answered(times.get(engine.name())), 95) / Math.max(0.01, meshportP95)));
            }
            System.out.println(row);
        });
        System.out.println("(Meshport also computes every facet's counts and the highlights; the baselines do not.)");
    }

    /** The times of the queries that were answered (a failed one is NaN); NaN alone when none was. */
    private static double[] answered(double[] times) {
        double[] answered =
                java.util.Arrays.stream(times).filter(t -> !Double.isNaN(t)).toArray();
        return answered.length == 0 ? new double[] {Double.NaN} : answered;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        return message.length() > 300 ? new RuntimeException(message.substring(0, 300) + "…") : cause;
    }

    /** ", ILIKE the first 40" for the engines given fewer than {@code runs} queries. */
    private static String fewer(
            List<SearchEngine> engines, int runs, java.util.function.ToIntFunction<SearchEngine> runsOf) {
        StringBuilder fewer = new StringBuilder();
        for (SearchEngine engine : engines) {
            if (runsOf.applyAsInt(engine) < runs) {
                fewer.append(", ").append(engine.name()).append(" the first ").append(runsOf.applyAsInt(engine));
            }
        }
        return fewer.toString();
    }

    /** Top-3 share and nDCG@10 per judged kind and engine, as a Markdown table. */
    private static void printRelevance(List<SearchEngine> engines, Map<String, Map<String, double[]>> relevance) {
        System.out.println();
        System.out.printf(
                "Relevance on judged queries (%d per kind%s; binary relevance, relevant by"
                        + " construction; \"none\": share with no result at all):%n",
                JUDGED_RUNS, fewer(engines, JUDGED_RUNS, SearchEngine::judgedRuns));
        StringBuilder header = new StringBuilder("| judged query |");
        StringBuilder rule = new StringBuilder("|---|");
        for (SearchEngine engine : engines) {
            header.append(' ').append(engine.name()).append(" top 3 | nDCG@10 | none |");
            rule.append("---|---|---|");
        }
        System.out.println(header);
        System.out.println(rule);
        relevance.forEach((kind, perEngine) -> {
            StringBuilder row = new StringBuilder("| " + kind + " |");
            for (SearchEngine engine : engines) {
                double[] r = perEngine.get(engine.name());
                row.append(String.format(" %.0f %% | %.3f | %.0f %% |", 100 * r[0], r[1], 100 * r[2]));
            }
            System.out.println(row);
        });
        relevance.forEach((kind, perEngine) -> perEngine.forEach((engine, r) -> {
            if (r[3] > 0) {
                System.out.printf(
                        "NOTE: %s showed a product twice in the first ten for %.0f %s queries (counted once)%n",
                        engine, r[3], kind);
            }
        }));
    }

    // ------------------------------------------------------------------ data generation

    private static List<JudgedQueries.Product> generate(DataSource dataSource, int products) throws Exception {
        Random random = new Random(42);
        List<JudgedQueries.Product> generated = new ArrayList<>(products);
        List<String> names = new ArrayList<>(products);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            PreparedStatement contract = connection.prepareStatement(
                    "insert into data_contract (id, api_version, name, version, status, domain, data_product, owner_team,"
                            + " source, source_format, document, created_at, updated_at) values"
                            + " (?, 'v3.1.0', ?, '1.0.0', 'active', ?, ?, ?, ?, 'json', ?::jsonb, ?, ?)");
            PreparedStatement field = connection.prepareStatement(
                    "insert into contract_schema_field (contract_id, position, object_name, name, logical_type, required,"
                            + " primary_key, description) values (?, ?, ?, ?, 'string', ?, ?, ?)");
            PreparedStatement sla = connection.prepareStatement(
                    "insert into contract_sla_property (contract_id, position, property, value, unit) values (?, ?, ?, ?, ?)");
            PreparedStatement product = connection.prepareStatement(
                    "insert into data_product (id, api_version, name, version, status, domain, owner_team, purpose, document,"
                            + " source, source_format, tags, search_text, port_types, created_at, updated_at) values"
                            + " (?, 'v1.0.0', ?, '1.0.0', ?, ?, ?, ?, ?::jsonb, ?, 'json', ?, ?, ?, ?, ?)");
            PreparedStatement output = connection.prepareStatement(
                    "insert into product_output_port (product_id, position, name, version, type, description, contract_id)"
                            + " values (?, 0, ?, '1.0.0', ?, ?, ?)");
            PreparedStatement input = connection.prepareStatement(
                    "insert into product_input_port (product_id, position, name, version, contract_id) values (?, ?, ?, '1.0.0', ?)");
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < products; i++) {
                String domain = DOMAINS[random.nextInt(DOMAINS.length)];
                String region = REGIONS[random.nextInt(REGIONS.length)];
                String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
                String kind = KINDS[random.nextInt(KINDS.length)];
                String name = region + " " + subject + " " + kind + " " + i;
                names.add(name);
                String id = name.toLowerCase().replace(' ', '-');
                String contractId = id + "-v1";
                String team = TEAMS[random.nextInt(TEAMS.length)];
                String purpose = "Provides " + name.toLowerCase() + " for " + WORDS[random.nextInt(WORDS.length)]
                        + " and " + WORDS[random.nextInt(WORDS.length)] + " analysis in the " + domain + " domain.";
                String json = "{\"apiVersion\":\"v1.0.0\",\"kind\":\"DataProduct\",\"id\":\"" + id + "\",\"name\":\""
                        + name + "\",\"status\":\"active\",\"team\":{\"name\":\"" + team + "\"}}";
                StringBuilder details = new StringBuilder();
                contract.setString(1, contractId);
                contract.setString(2, name);
                contract.setString(3, domain);
                contract.setString(4, name);
                contract.setString(5, team);
                contract.setString(6, "{}");
                contract.setString(7, "{}");
                contract.setTimestamp(8, now);
                contract.setTimestamp(9, now);
                contract.addBatch();
                for (int f = 0; f < 5; f++) {
                    String fieldName = FIELD_NAMES[random.nextInt(FIELD_NAMES.length)] + (f == 0 ? "" : "_" + f);
                    String description = "The " + fieldName.replace('_', ' ') + " of the "
                            + SUBJECTS[random.nextInt(SUBJECTS.length)].toLowerCase();
                    field.setString(1, contractId);
                    field.setInt(2, f);
                    field.setString(3, "data");
                    field.setString(4, fieldName);
                    field.setBoolean(5, f == 0);
                    field.setBoolean(6, f == 0);
                    field.setString(7, description);
                    field.addBatch();
                    details.append(fieldName).append('\n').append(description).append('\n');
                }
                sla.setString(1, contractId);
                sla.setInt(2, 0);
                sla.setString(3, "availability");
                sla.setString(4, "99.5");
                sla.setString(5, "percent");
                sla.addBatch();
                String type = TYPES[random.nextInt(TYPES.length)];
                product.setString(1, id);
                product.setString(2, name);
                String status = STATUSES[random.nextInt(STATUSES.length)];
                product.setString(3, status);
                product.setString(4, domain);
                product.setString(5, team);
                product.setString(6, purpose);
                product.setString(7, json);
                product.setString(8, json);
                String tag = WORDS[random.nextInt(WORDS.length)];
                product.setArray(9, array(connection, tag, domain));
                generated.add(new JudgedQueries.Product(id, name, status, domain, team, tag, subject, kind));
                product.setString(10, details.toString());
                product.setArray(11, array(connection, type));
                product.setTimestamp(12, now);
                product.setTimestamp(13, now);
                product.addBatch();
                output.setString(1, id);
                output.setString(2, id.replace('-', '_'));
                output.setString(3, type);
                output.setString(4, "The " + name.toLowerCase());
                output.setString(5, contractId);
                output.addBatch();
                // Average fan-in 2: inputs from earlier products, sometimes from one of the hubs.
                int inputs = i == 0 ? 0 : random.nextInt(5);
                for (int p = 0; p < inputs; p++) {
                    int upstream = random.nextInt(10) == 0 ? random.nextInt(Math.min(i, 20)) : random.nextInt(i);
                    input.setString(1, id);
                    input.setInt(2, p);
                    input.setString(3, "in_" + p);
                    input.setString(4, names.get(upstream).toLowerCase().replace(' ', '-') + "-v1");
                    input.addBatch();
                }
                if (i % 2_000 == 1_999 || i == products - 1) {
                    contract.executeBatch();
                    field.executeBatch();
                    sla.executeBatch();
                    product.executeBatch();
                    output.executeBatch();
                    input.executeBatch();
                    connection.commit();
                }
            }
        }
        return generated;
    }

    private static Array array(Connection connection, String... values) throws Exception {
        return connection.createArrayOf("text", values);
    }

    // ------------------------------------------------------------------ helpers

    static String typo(String word, Random random) {
        int at = 1 + random.nextInt(word.length() - 2);
        char[] chars = word.toCharArray();
        char swap = chars[at];
        chars[at] = chars[at + 1];
        chars[at + 1] = swap;
        return new String(chars);
    }

    private static String line(String query, double[] times) {
        return String.format(
                "  %-16s p50 %7.2f   p95 %7.2f   p99 %7.2f",
                query, percentile(times, 50), percentile(times, 95), percentile(times, 99));
    }
}

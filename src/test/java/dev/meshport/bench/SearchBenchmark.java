package dev.meshport.bench;

import static dev.meshport.bench.BenchmarkSupport.asAdmin;
import static dev.meshport.bench.BenchmarkSupport.machine;
import static dev.meshport.bench.BenchmarkSupport.percentile;
import static dev.meshport.bench.BenchmarkSupport.pipelineToken;
import static dev.meshport.bench.BenchmarkSupport.seconds;
import static dev.meshport.bench.BenchmarkSupport.withPortal;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.search.CatalogSearch;
import io.meshport.search.SearchRequest;
import jakarta.persistence.EntityManagerFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The search benchmark (README: "Benchmarks"). Generates N synthetic data products (default
 * 100,000) with contracts, schema fields, ports and lineage into a fresh PostgreSQL, indexes them
 * with the mass indexer, and prints bulk-load rate, reindex time, search latency percentiles for
 * a fixed query mix through the service and through the HTTP API, write-to-searchable latency,
 * and the same query mix as a plain PostgreSQL ILIKE scan. It measures; it asserts nothing.
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

    public static void main(String[] args) throws Exception {
        int products = 100_000;
        int baselineRuns = 40;
        for (String arg : args) {
            if (arg.startsWith("--products=")) {
                products = Integer.parseInt(arg.substring("--products=".length()));
            } else if (arg.equals("--no-baseline")) {
                baselineRuns = 1;
            }
        }
        int measured = products;
        int baseline = baselineRuns;
        withPortal(
                "?reWriteBatchedInserts=true",
                Map.of(),
                (context, portal, issuer) -> run(context, measured, baseline, portal, issuer));
        System.exit(0);
    }

    private static void run(
            ConfigurableApplicationContext context, int products, int baselineRuns, String portal, String issuer)
            throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        Map<String, String> report = new LinkedHashMap<>();
        report.put("products", String.format("%,d", products));
        report.put("machine", machine());

        // 1. Bulk load through JDBC batches, as a migration or import would.
        long started = System.nanoTime();
        List<String> names = generate(dataSource, products);
        double loadSeconds = seconds(started);
        report.put(
                "bulk load",
                String.format(
                        "%,.0f products/s (%.1f s, with contracts, fields, ports)",
                        products / loadSeconds, loadSeconds));

        // 2. Full reindex with the mass indexer.
        EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);
        started = System.nanoTime();
        Search.mapping(emf)
                .scope(Object.class)
                .massIndexer()
                .threadsToLoadObjects(2)
                .batchSizeToLoadObjects(200)
                .mergeSegmentsOnFinish(true)
                .startAndWait();
        report.put("full reindex", String.format("%.1f s", seconds(started)));

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
        Map<String, Double> serviceP95 = new LinkedHashMap<>();
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
                serviceP95.put(entry.getKey(), percentile(times, 95));
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

        // 5. Write-to-searchable through the service.
        double[] visible = new double[40];
        asAdmin(() -> {
            for (int i = 0; i < visible.length; i++) {
                String id = "bench-fresh-" + i;
                String name = "Zephyrine Benchmark " + i + " Kestrel";
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
                    Thread.onSpinWait();
                }
                visible[i] = (System.nanoTime() - t) / 1e6;
            }
            return null;
        });

        // 6. The same mix as a plain ILIKE scan, as simpler catalogs do.
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> ilikeLines = new ArrayList<>();
        Map<String, Double> ilikeP95 = new LinkedHashMap<>();
        for (var entry : mix.entrySet()) {
            boolean deep = entry.getKey().equals("deep page");
            double[] times = new double[baselineRuns];
            for (int i = -5; i < times.length; i++) {
                SearchRequest request = entry.getValue().get();
                String pattern = "%" + request.text().replace("%", "\\%").replace("_", "\\_") + "%";
                String domainFilter = request.domains().isEmpty()
                        ? ""
                        : " and domain = '" + request.domains().iterator().next() + "' and status = 'active'";
                long t = System.nanoTime();
                jdbc.queryForList(
                        "select id, name, domain, owner_team, status, purpose from data_product"
                                + " where (name ilike ? or purpose ilike ? or search_text ilike ?) and status <> 'retired'"
                                + domainFilter + " order by name limit 20 offset ?",
                        pattern,
                        pattern,
                        pattern,
                        deep ? random.nextInt(Math.max(1, products / 2)) + products / 4 : 0);
                jdbc.queryForObject(
                        "select count(*) from data_product where (name ilike ? or purpose ilike ? or search_text ilike ?)"
                                + " and status <> 'retired'" + domainFilter,
                        Long.class,
                        pattern,
                        pattern,
                        pattern);
                double ms = (System.nanoTime() - t) / 1e6;
                if (i >= 0) {
                    times[i] = ms;
                }
            }
            ilikeP95.put(entry.getKey(), percentile(times, 95));
            ilikeLines.add(line(entry.getKey(), times));
        }

        System.out.println();
        System.out.println("=== Meshport search benchmark ===");
        report.forEach((key, value) -> System.out.printf("%-22s %s%n", key, value));
        System.out.printf(
                "%-22s p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d writes)%n",
                "write-to-searchable",
                percentile(visible, 50),
                percentile(visible, 95),
                percentile(visible, 100),
                visible.length);
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
        System.out.println("Baseline: PostgreSQL ILIKE over name, purpose and details + count, 40 queries each, ms:");
        ilikeLines.forEach(System.out::println);
        System.out.println();
        System.out.println("p95 ratio, ILIKE / Lucene service:");
        serviceP95.forEach((query, p95) ->
                System.out.printf("  %-16s %6.1fx%n", query, ilikeP95.get(query) / Math.max(0.01, p95)));
        System.out.println("(The ILIKE baseline finds nothing for the typo query: it has no fuzzy matching.)");
    }

    // ------------------------------------------------------------------ data generation

    private static List<String> generate(DataSource dataSource, int products) throws Exception {
        Random random = new Random(42);
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
                String name = REGIONS[random.nextInt(REGIONS.length)] + " " + SUBJECTS[random.nextInt(SUBJECTS.length)]
                        + " " + KINDS[random.nextInt(KINDS.length)] + " " + i;
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
                product.setString(3, STATUSES[random.nextInt(STATUSES.length)]);
                product.setString(4, domain);
                product.setString(5, team);
                product.setString(6, purpose);
                product.setString(7, json);
                product.setString(8, json);
                product.setArray(9, array(connection, WORDS[random.nextInt(WORDS.length)], domain));
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
        return names;
    }

    private static Array array(Connection connection, String... values) throws Exception {
        return connection.createArrayOf("text", values);
    }

    // ------------------------------------------------------------------ helpers

    private static String typo(String word, Random random) {
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

package dev.meshport.bench;

import static dev.meshport.bench.BenchmarkSupport.asAdmin;
import static dev.meshport.bench.BenchmarkSupport.machine;
import static dev.meshport.bench.BenchmarkSupport.percentile;
import static dev.meshport.bench.BenchmarkSupport.seconds;
import static dev.meshport.bench.BenchmarkSupport.signIn;
import static dev.meshport.bench.BenchmarkSupport.withPortal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.lineage.LineageService;
import io.meshport.sla.Observation;
import io.meshport.sla.ObservationKind;
import io.meshport.sla.SlaService;
import io.meshport.uitest.BrowserSupport;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The product page benchmark (README: "Benchmarks"). A product, {@code bench-hub}, with 10,000
 * products downstream (100 read it directly, 9,900 read those), 30 days of hourly SLA
 * observations and a history of 20 changes; then opens {@code /products/bench-hub} in headless
 * Chromium again and again and prints the server's time to answer the page (the time to first
 * byte of the document and of each Vaadin request the navigation makes, summed), the time until
 * the page shows, and what each tab costs when it is opened. It measures; it asserts nothing.
 */
public final class ProductPageBenchmark {

    static final int DIRECT = 100;

    private ProductPageBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = 20;
        int downstream = 10_000;
        boolean development = false;
        for (String arg : args) {
            if (arg.equals("--dev")) {
                development = true;
            } else if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.startsWith("--downstream=")) {
                downstream = Integer.parseInt(arg.substring("--downstream=".length()));
            }
        }
        int visits = runs;
        int products = downstream;
        // Production mode by default, as the jar serves the page; --dev for development mode.
        withPortal(
                "",
                Map.of(
                        "vaadin.productionMode",
                        Boolean.toString(!development),
                        "vaadin.devmode.devTools.enabled",
                        "false"),
                (context, portal, issuer) -> run(context, portal, visits, products));
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, String portal, int runs, int downstream)
            throws Exception {
        CatalogService catalog = context.getBean(CatalogService.class);
        SlaService sla = context.getBean(SlaService.class);
        JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));

        long started = System.nanoTime();
        int changes = asAdmin(() -> publishHub(catalog));
        int observations = asAdmin(() -> observe(sla));
        double publishSeconds = seconds(started);
        started = System.nanoTime();
        generateDownstream(jdbc, downstream);
        double generateSeconds = seconds(started);
        int impacted = asAdmin(() -> context.getBean(LineageService.class)
                        .impact("bench-hub", null)
                        .products())
                .size();

        String url = portal + "/products/bench-hub";
        double[] server = new double[runs];
        double[] shown = new double[runs];
        double[] requests = new double[runs];
        double[] cpu = new double[runs];
        Map<String, double[]> tabs = new LinkedHashMap<>();
        for (String tab : List.of("Ports and contracts", "Lineage", "Impact", "SLA", "History")) {
            tabs.put(tab, new double[runs]);
        }
        try (Playwright playwright = BrowserSupport.playwright();
                Browser browser = BrowserSupport.chromium(playwright);
                BrowserContext browserContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1600, 1000))) {
            Page page = browserContext.newPage();
            page.setDefaultTimeout(120_000);
            signIn(page, portal, url, "dave");
            Locator heading = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bench Hub"));
            // Three warm-up visits (JIT on the server, caches in the browser), then the measured ones.
            for (int i = -3; i < runs; i++) {
                long cpuBefore = processCpuNanos();
                page.navigate(url);
                heading.waitFor();
                BrowserSupport.awaitVaadin(page);
                double cpuMs = (processCpuNanos() - cpuBefore) / 1e6;
                @SuppressWarnings("unchecked")
                Map<String, Object> timing = (Map<String, Object>) page.evaluate("() => {"
                        + " const n = performance.getEntriesByType('navigation')[0];"
                        + " const vaadin = performance.getEntriesByType('resource')"
                        + "   .filter(r => r.name.includes('v-r='));"
                        + " const ttfb = r => r.responseStart - r.requestStart;"
                        + " return { server: vaadin.reduce((sum, r) => sum + ttfb(r), ttfb(n)),"
                        + "   requests: vaadin.length + 1, shown: performance.now() }; }");
                boolean measured = i >= 0;
                if (measured) {
                    server[i] = ((Number) timing.get("server")).doubleValue();
                    requests[i] = ((Number) timing.get("requests")).doubleValue();
                    shown[i] = ((Number) timing.get("shown")).doubleValue();
                    cpu[i] = cpuMs;
                }
                int visit = i;
                openTab(page, "Ports and contracts", "h3:has-text(\"Output ports\")", tabs, visit);
                openTab(page, "Lineage", "#lineage-summary:not(:empty)", tabs, visit);
                openTab(page, "Impact", "#impact-summary:not(:empty)", tabs, visit);
                openTab(page, "SLA", "#sla-panel", tabs, visit);
                openTab(page, "History", "#product-history", tabs, visit);
            }
        }

        System.out.println();
        System.out.println("Product page benchmark (Vaadin "
                + (context.getEnvironment().getProperty("vaadin.productionMode", Boolean.class, false)
                        ? "production mode, production bundle)"
                        : "development mode, committed dev bundle)"));
        System.out.printf("  machine            %s; headless Chromium (Playwright), viewport 1600x1000%n", machine());
        System.out.printf(
                "  product            bench-hub: %d changes in its history, %,d SLA observations (30 days),"
                        + " published through the service in %.1f s%n",
                changes, observations, publishSeconds);
        System.out.printf(
                "  downstream         %,d products by SQL in %.1f s (%d direct); impact lists %,d%n",
                downstream, generateSeconds, DIRECT, impacted);
        System.out.println("  " + line("page: server time", server)
                + "   <- time to first byte of the document and its Vaadin requests, summed");
        System.out.println("  " + line("page: portal CPU", cpu)
                + "   <- CPU the portal's JVM used during the visit (all its threads)");
        System.out.println("  " + line("page: shown", shown) + "   <- navigation start to heading shown, Vaadin idle");
        System.out.printf("  requests per visit %.0f%n", percentile(requests, 50));
        tabs.forEach((tab, times) -> System.out.println("  " + line("tab " + tab + ": server time", times)
                + "   <- the round trips of opening it, first time in the visit"));
        System.out.printf("  runs               %d (after 3 warm-up visits)%n", runs);
    }

    /** CPU time of this JVM (the portal runs in it; Chromium does not), less sensitive to other load. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Opens a tab and adds the server time of the Vaadin requests it made to {@code times[visit]}. */
    private static void openTab(Page page, String tab, String shown, Map<String, double[]> times, int visit) {
        double before = ((Number) page.evaluate("() => performance.now()")).doubleValue();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(tab)).click();
        page.locator(shown).first().waitFor();
        BrowserSupport.awaitVaadin(page);
        double spent = ((Number) page.evaluate(
                        "since => performance.getEntriesByType('resource')"
                                + ".filter(r => r.name.includes('v-r=') && r.startTime >= since)"
                                + ".reduce((sum, r) => sum + r.responseStart - r.requestStart, 0)",
                        before))
                .doubleValue();
        if (visit >= 0) {
            times.get(tab)[visit] = spent;
        }
    }

    /** The hub, its contract with two service levels, and a history of changes to its purpose. */
    private static int publishHub(CatalogService catalog) {
        catalog.publishContract(null, """
                apiVersion: v3.1.0
                kind: DataContract
                id: bench-hub-v1
                version: 1.0.0
                status: active
                schema:
                  - name: orders
                    properties:
                      - name: order_id
                        logicalType: string
                        primaryKey: true
                      - name: amount
                        logicalType: number
                slaProperties:
                  - property: latency
                    value: '2'
                    unit: h
                  - property: availability
                    value: '99'
                    unit: '%'
                """, DocumentFormat.YAML, "sales", null);
        int changes = 20;
        for (int i = 0; i < changes; i++) {
            catalog.publishProduct("bench-hub", """
                    apiVersion: v1.0.0
                    kind: DataProduct
                    id: bench-hub
                    name: Bench Hub
                    version: 1.0.%d
                    status: active
                    domain: sales
                    team:
                      name: sales
                    description:
                      purpose: "Orders of every channel, revision %d: what %d,%03d consumers read."
                    tags: [orders, hub]
                    outputPorts:
                      - name: out
                        version: 1.0.0
                        type: table
                        contractId: bench-hub-v1
                    """.formatted(i, i, i, i), DocumentFormat.YAML, null, null);
        }
        return changes;
    }

    /** An update every hour and a probe every hour for 30 days. */
    private static int observe(SlaService sla) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Observation> observations = new ArrayList<>();
        for (int hour = 30 * 24; hour >= 1; hour--) {
            Instant at = now.minus(Duration.ofHours(hour));
            observations.add(new Observation("u" + hour, "out", ObservationKind.UPDATED, at, null, null, null));
            observations.add(new Observation(
                    "p" + hour, "out", ObservationKind.AVAILABILITY, at.plusSeconds(60), hour % 97 != 0, null, null));
        }
        sla.record("bench-hub", observations);
        return observations.size();
    }

    /**
     * {@code count} products downstream of the hub by set-based SQL: {@link #DIRECT} read its
     * contract, the others read one of those; then lineage's tables are filled by V0004's backfill.
     */
    private static void generateDownstream(JdbcClient jdbc, int count) throws Exception {
        Consumer<String> sql = statement -> jdbc.sql(statement).update();
        jdbc.sql("""
                        insert into data_product (id, api_version, name, version, status, domain, owner_team, purpose,
                                                  document, source, source_format, created_at, updated_at)
                        select format('bench-down-%s', lpad(i::text, 5, '0')), 'v1.0.0', format('Downstream %s', i),
                               '1.0.0', (array['active','active','active','deprecated','draft'])[1 + i % 5],
                               'domain-' || (i % 12), 'team-' || (i % 40), 'Synthetic consumer ' || i,
                               '{}', '{}', 'json', now(), now()
                          from generate_series(0, :n - 1) as i
                        """).param("n", count).update();
        sql.accept("""
                insert into product_output_port (product_id, position, name, version, type, contract_id)
                select id, 0, 'out', '1.0.0', 'table', id || '-v1' from data_product where id like 'bench-down-%'
                """);
        jdbc.sql("""
                        insert into product_input_port (product_id, position, name, version, contract_id)
                        select format('bench-down-%s', lpad(i::text, 5, '0')), 0, 'in0', '1.0.0',
                               case when i < :direct then 'bench-hub-v1'
                                    else format('bench-down-%s-v1', lpad((i % :direct)::text, 5, '0')) end
                          from generate_series(0, :n - 1) as i
                        """).param("direct", DIRECT).param("n", count).update();
        sql.accept("truncate lineage_edge, lineage_input");
        String migration =
                new ClassPathResource("db/migrations/V0004__lineage.sql").getContentAsString(StandardCharsets.UTF_8);
        Arrays.stream(migration.split(";"))
                .map(statement -> statement.replaceAll("(?m)^--.*\\n", "").strip())
                .filter(statement -> statement.startsWith("insert into lineage_"))
                .forEach(sql);
        sql.accept("vacuum analyze");
    }

    private static String line(String label, double[] times) {
        return String.format(
                "%-34s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms",
                label,
                percentile(times, 50),
                percentile(times, 95),
                Arrays.stream(times).max().orElse(0));
    }
}

package dev.meshport.bench;

import static dev.meshport.bench.BenchmarkSupport.asAdmin;
import static dev.meshport.bench.BenchmarkSupport.percentile;
import static dev.meshport.bench.BenchmarkSupport.signIn;
import static dev.meshport.bench.BenchmarkSupport.withPortal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.lineage.Direction;
import io.meshport.lineage.LineageGraph;
import io.meshport.lineage.LineageService;
import io.meshport.uitest.BrowserSupport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The lineage view benchmark (README: "Benchmarks"). Publishes a 500-product neighbourhood (three
 * hops upstream and three downstream of {@code bench-root}, with cross links) through the catalog
 * service into a fresh PostgreSQL, then opens {@code /products/bench-root/lineage?depth=3} in
 * headless Chromium again and again and prints how long the view takes to become interactive:
 * from the start of navigation (the page's time origin) to the graph drawn with all 500 nodes
 * and the main thread free again. It measures; it asserts nothing.
 */
public final class LineageViewBenchmark {

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
    private static final String[] TEAMS = {"sales", "marketing", "finance"};

    private LineageViewBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = 15;
        boolean production = false;
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.equals("--production")) {
                // Vaadin's production mode, as the production jar serves the UI: the production
                // bundle that build-frontend puts into target/classes (process-classes), no dev server.
                production = true;
            }
        }
        int visits = runs;
        withPortal(
                "",
                production
                        ? Map.of("vaadin.productionMode", "true")
                        // explicit: with the production bundle in the classes Vaadin would pick production mode
                        : Map.of("vaadin.productionMode", "false", "vaadin.devmode.devTools.enabled", "false"),
                (context, portal, issuer) -> run(context, portal, visits));
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, String portal, int runs) {
        CatalogService catalog = context.getBean(CatalogService.class);
        LineageService lineage = context.getBean(LineageService.class);

        long started = System.nanoTime();
        int published = asAdmin(() -> publishNeighbourhood(catalog));
        double publishSeconds = (System.nanoTime() - started) / 1e9;
        LineageGraph graph = asAdmin(() -> lineage.lineage("bench-root", Direction.BOTH, 3, 2000));
        double[] query = new double[20];
        asAdmin(() -> {
            for (int i = 0; i < query.length; i++) {
                long t = System.nanoTime();
                lineage.lineage("bench-root", Direction.BOTH, 3, 2000);
                query[i] = (System.nanoTime() - t) / 1e6;
            }
            return null;
        });

        String url = portal + "/products/bench-root/lineage?depth=3";
        double[] interactive = new double[runs];
        double[] wall = new double[runs];
        double[] draw = new double[runs];
        double[] zoom = new double[runs];
        double[] document = new double[runs];
        double[] scripts = new double[runs];
        double[] server = new double[runs];
        double[] beforeDraw = new double[runs];
        double[][] phases = new double[6][runs];
        int nodes;
        try (Playwright playwright = BrowserSupport.playwright();
                Browser browser = BrowserSupport.chromium(playwright);
                BrowserContext browserContext =
                        browser.newContext(new Browser.NewContextOptions().setViewportSize(1600, 1000))) {
            Page page = browserContext.newPage();
            page.setDefaultTimeout(60_000);
            signIn(page, portal, url, "dave");
            Locator ready = page.locator("#lineage-graph[data-ready='true']");
            ready.waitFor();
            nodes = Integer.parseInt(ready.getAttribute("data-node-count"));
            // Two warm-up visits (JIT on the server, caches in the browser), then the measured ones.
            for (int i = -2; i < runs; i++) {
                long t = System.nanoTime();
                page.navigate(url);
                ready.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
                double wallMs = (System.nanoTime() - t) / 1e6;
                // Interactive means it answers: a zoom click is applied and painted.
                double zoomMs = ((Number) page.evaluate("() => new Promise(resolve => {"
                                + " const g = document.querySelector('#lineage-graph');"
                                + " const t = performance.now();"
                                + " g.querySelector('button.zoom-in').click();"
                                + " requestAnimationFrame(() => resolve(performance.now() - t)); })"))
                        .doubleValue();
                // Where the time before the draw went: the page itself, the bundle's scripts, and
                // the Vaadin requests (bootstrap and UIDL round trips, server work included).
                @SuppressWarnings("unchecked")
                Map<String, Object> timing = (Map<String, Object>) page.evaluate("() => {"
                        + " const n = performance.getEntriesByType('navigation')[0];"
                        + " const vaadin = performance.getEntriesByType('resource')"
                        + "   .filter(r => r.name.includes('v-r=') || r.name.includes('/VAADIN/'))"
                        + "   .filter(r => !r.name.endsWith('.js') && !r.name.endsWith('.css'));"
                        + " return { document: n.responseEnd, scripts: n.domContentLoadedEventEnd,"
                        + "   server: vaadin.reduce((sum, r) => sum + (r.responseEnd - r.startTime), 0) }; }");
                if (i >= 0) {
                    document[i] = ((Number) timing.get("document")).doubleValue();
                    scripts[i] = ((Number) timing.get("scripts")).doubleValue();
                    server[i] = ((Number) timing.get("server")).doubleValue();
                    interactive[i] = Double.parseDouble(ready.getAttribute("data-ready-at"));
                    beforeDraw[i] = interactive[i] - Double.parseDouble(ready.getAttribute("data-draw-ms"));
                    String[] parts = ready.getAttribute("data-draw-phases").split(" ");
                    for (int p = 0; p < phases.length; p++) {
                        phases[p][i] = Double.parseDouble(parts[p]);
                    }
                    draw[i] = Double.parseDouble(ready.getAttribute("data-draw-ms"));
                    wall[i] = wallMs;
                    zoom[i] = zoomMs;
                }
            }
        }

        System.out.println();
        System.out.println("Lineage view benchmark (Vaadin "
                + (context.getEnvironment().getProperty("vaadin.productionMode", Boolean.class, false)
                        ? "production mode, production bundle"
                        : "development mode, committed dev bundle")
                + ")");
        System.out.printf(
                "  machine            %d cores, JVM max heap %d MiB; headless Chromium (Playwright), viewport 1600x1000%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf(
                "  neighbourhood      %d products published through the service in %.1f s; lineage of bench-root at depth 3:"
                        + " %d products, %d edges%n",
                published, publishSeconds, graph.nodes().size(), graph.edges().size());
        System.out.printf("  drawn              %d nodes%n", nodes);
        System.out.println("  " + line("lineage query (service)", query));
        System.out.println(
                "  " + line("open -> interactive", interactive) + "   <- navigation start to graph drawn and idle");
        System.out.println("  " + line("  of which draw", draw) + "   <- JSON parse, cytoscape, first frame");
        String[] phaseNames = {"parse JSON", "build elements", "cytoscape created", "fit", "first frame", "until idle"};
        for (int p = 0; p < phases.length; p++) {
            System.out.println("  " + line("      " + phaseNames[p], phases[p]));
        }
        System.out.println("  " + line("  document received", document));
        System.out.println("  " + line("  scripts run (DOMContentLoaded)", scripts));
        System.out.println("  " + line("  Vaadin requests, summed", server)
                + "   <- bootstrap/UIDL round trips, server work included");
        System.out.println("  " + line("  draw starts", beforeDraw));
        System.out.println("  " + line("  wall clock (Playwright)", wall));
        System.out.println("  " + line("zoom click -> painted", zoom));
        System.out.printf("  runs               %d (after 2 warm-up visits)%n", runs);
    }

    /** Three hops each way around bench-root: 250 upstream, 249 downstream, in dependency order. */
    private static int publishNeighbourhood(CatalogService catalog) {
        List<String> u3 = ids("bench-u3-", 208);
        List<String> u2 = ids("bench-u2-", 36);
        List<String> u1 = ids("bench-u1-", 6);
        List<String> d1 = ids("bench-d1-", 6);
        List<String> d2 = ids("bench-d2-", 36);
        List<String> d3 = ids("bench-d3-", 207);
        int count = 0;
        for (String id : u3) {
            publish(catalog, id, count++, List.of());
        }
        for (int j = 0; j < u2.size(); j++) {
            Set<String> inputs = new LinkedHashSet<>();
            for (int k = j; k < u3.size(); k += u2.size()) {
                inputs.add(u3.get(k));
            }
            inputs.add(u3.get((j * 7 + 3) % u3.size()));
            publish(catalog, u2.get(j), count++, List.copyOf(inputs));
        }
        for (int i = 0; i < u1.size(); i++) {
            Set<String> inputs = new LinkedHashSet<>();
            for (int j = i; j < u2.size(); j += u1.size()) {
                inputs.add(u2.get(j));
            }
            inputs.add(u2.get((i * 5 + 1) % u2.size()));
            publish(catalog, u1.get(i), count++, List.copyOf(inputs));
        }
        publish(catalog, "bench-root", count++, u1);
        for (String id : d1) {
            publish(catalog, id, count++, List.of("bench-root"));
        }
        for (int j = 0; j < d2.size(); j++) {
            publish(catalog, d2.get(j), count++, List.of(d1.get(j % 6), d1.get((j + 1) % 6)));
        }
        for (int k = 0; k < d3.size(); k++) {
            Set<String> inputs = new LinkedHashSet<>(List.of(d2.get(k % 36)));
            if (k % 4 == 0) {
                inputs.add(d2.get((k / 4) % 36));
            }
            publish(catalog, d3.get(k), count++, List.copyOf(inputs));
        }
        return count;
    }

    private static void publish(CatalogService catalog, String id, int n, List<String> inputs) {
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: v1.0.0\nkind: DataProduct\n")
                .append("id: ")
                .append(id)
                .append("\nname: ")
                .append(Arrays.stream(id.split("-"))
                        .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                        .reduce((a, b) -> a + " " + b)
                        .orElse(id))
                .append("\nstatus: ")
                .append(n % 9 == 0 ? "proposed" : "draft")
                .append("\ndomain: ")
                .append(DOMAINS[n % DOMAINS.length])
                .append("\nteam:\n  name: ")
                .append(TEAMS[n % TEAMS.length])
                .append('\n');
        if (!inputs.isEmpty()) {
            yaml.append("inputPorts:\n");
            for (int i = 0; i < inputs.size(); i++) {
                yaml.append("  - name: in_")
                        .append(i)
                        .append("\n    version: 1.0.0\n    contractId: ")
                        .append(inputs.get(i))
                        .append("-v1\n");
            }
        }
        yaml.append("outputPorts:\n  - name: out\n    version: 1.0.0\n    type: table\n    contractId: ")
                .append(id)
                .append("-v1\n");
        catalog.publishProduct(id, yaml.toString(), DocumentFormat.YAML, null, null);
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    private static String line(String label, double[] times) {
        return String.format(
                "%-24s p50 %7.1f ms   p95 %7.1f ms   max %7.1f ms",
                label,
                percentile(times, 50),
                percentile(times, 95),
                Arrays.stream(times).max().orElse(0));
    }
}

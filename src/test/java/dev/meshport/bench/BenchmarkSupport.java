package dev.meshport.bench;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.meshport.launcher.DevDatabase;
import dev.meshport.launcher.IdentityProviderProcess;
import io.meshport.MeshportApplication;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.FileSystemUtils;

/** What the benchmarks share: percentiles, a free port, an admin caller, a pipeline's token. */
final class BenchmarkSupport {

    private BenchmarkSupport() {}

    /** The cores and heap the figures were measured with. */
    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
    }

    /** What a benchmark does with a running portal. */
    interface PortalRun {
        void run(ConfigurableApplicationContext context, String portal, String issuer) throws Exception;
    }

    /**
     * Starts a fresh embedded PostgreSQL, the development identity provider and a portal on free
     * ports, runs the benchmark, then stops them and removes their data.
     *
     * @param jdbcOptions appended to the JDBC URL (for example {@code ?reWriteBatchedInserts=true})
     */
    static void withPortal(String jdbcOptions, Map<String, ?> extraProperties, PortalRun benchmark) throws Exception {
        int portalPort = freePort();
        String portal = "http://127.0.0.1:" + portalPort;
        Path work = Files.createTempDirectory("meshport-bench");
        try (DevDatabase database = DevDatabase.start(freePort(), work.resolve("postgres"), false);
                IdentityProviderProcess provider = IdentityProviderProcess.start(freePort(), portal)) {
            SpringApplication application = new SpringApplication(MeshportApplication.class);
            Map<String, Object> properties = new HashMap<>();
            properties.put("server.port", String.valueOf(portalPort));
            properties.put("server.address", "127.0.0.1");
            properties.put("spring.datasource.url", database.jdbcUrl() + jdbcOptions);
            properties.put("spring.datasource.username", database.username());
            properties.put("spring.datasource.password", database.password());
            properties.put("meshport.oidc.issuer-uri", provider.issuer().toString());
            properties.put("meshport.oidc.client-id", "meshport");
            properties.put("meshport.oidc.client-secret", "meshport-dev-secret");
            properties.put("meshport.index-dir", work.resolve("index").toString());
            properties.put("logging.level.root", "WARN");
            properties.put("spring.main.banner-mode", "off");
            properties.putAll(extraProperties);
            application.setDefaultProperties(properties);
            try (ConfigurableApplicationContext context = application.run()) {
                signInOn(context);
                benchmark.run(context, portal, provider.issuer().toString());
            }
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    /** Opens {@code url} and signs in at the identity provider's form as {@code user} (password = name). */
    static void signIn(Page page, String portal, String url, String user) {
        page.navigate(url);
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(user);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(u -> u.startsWith(portal));
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static <T> T asAdmin(Supplier<T> work) {
        Jwt jwt = Jwt.withTokenValue("bench")
                .header("alg", "none")
                .issuer("urn:meshport:benchmark")
                .subject("benchmark")
                .claim("preferred_username", "benchmark")
                .claim("groups", List.of("mesh-admins", "sales"))
                .build();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_USER", "ROLE_ADMIN")));
        SecurityContextHolder.setContext(context);
        strategies.forEach(strategy -> strategy.setContext(context));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
            strategies.forEach(SecurityContextHolderStrategy::clearContext);
        }
    }

    /**
     * The security context strategies of every portal context started in this JVM. Vaadin replaces
     * the JVM-wide strategy with one of its own per portal context (each with its own thread-local
     * context), and a context's method security keeps the one that was current when it started: with
     * two portal contexts, {@link #asAdmin} must sign in on each.
     */
    private static final List<SecurityContextHolderStrategy> strategies = new CopyOnWriteArrayList<>();

    /** Call right after a portal context has started, so that {@link #asAdmin} signs in on it too. */
    static void signInOn(ConfigurableApplicationContext portal) {
        remember(SecurityContextHolder.getContextHolderStrategy());
        portal.getBeanProvider(SecurityContextHolderStrategy.class).stream().forEach(BenchmarkSupport::remember);
    }

    private static void remember(SecurityContextHolderStrategy strategy) {
        if (strategies.stream().noneMatch(known -> known == strategy)) {
            strategies.add(strategy);
        }
    }

    static String pipelineToken(String issuer) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString("sales-ci:sales-ci-secret"
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int start = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(start, body.indexOf('"', start));
    }

    /**
     * A free port: any, or with {@code -Dmeshport.bench.ports=FIRST} the next free one from FIRST
     * on (for machines where only a range of ports may be used).
     */
    static int freePort() throws Exception {
        String first = System.getProperty("meshport.bench.ports");
        if (first == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
        synchronized (BenchmarkSupport.class) {
            if (nextPort == 0) {
                nextPort = Integer.parseInt(first);
            }
            while (true) {
                int port = nextPort++;
                try (ServerSocket socket = new ServerSocket(port)) {
                    return socket.getLocalPort();
                } catch (java.io.IOException taken) {
                    // in use: try the next one
                }
            }
        }
    }

    private static int nextPort;
}

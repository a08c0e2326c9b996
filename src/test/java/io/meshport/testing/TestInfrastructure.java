package io.meshport.testing;

import dev.meshport.launcher.DevDatabase;
import dev.meshport.launcher.IdentityProviderProcess;
import dev.meshport.launcher.ProductionBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * What every integration test runs against, started once per test JVM: a real PostgreSQL, the
 * development OpenID Connect provider in its own process, and a fixed portal port (the provider
 * needs the exact post-logout address).
 */
public final class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static Running running;

    record Running(DevDatabase database, IdentityProviderProcess identityProvider, int portalPort, Path indexDir) {}

    public static synchronized Running running() {
        if (running == null) {
            try {
                int portalPort = freePort();
                DevDatabase database =
                        DevDatabase.start(freePort(), Files.createTempDirectory("meshport-test-pg"), false, false);
                // Stopped once every portal of the JVM has closed (Spring closes them first, then
                // runs its shutdown handlers): stopped by a hook of its own, racing theirs, it left
                // a closing portal's scheduled work waiting 30 s for a connection.
                SpringApplication.getShutdownHandlers().add(() -> {
                    try {
                        database.close();
                    } catch (IOException e) {
                        // the JVM ends all the same
                    }
                });
                IdentityProviderProcess identityProvider =
                        IdentityProviderProcess.start(freePort(), "http://127.0.0.1:" + portalPort);
                running = new Running(
                        database, identityProvider, portalPort, Files.createTempDirectory("meshport-test-index"));
            } catch (IOException e) {
                throw new UncheckedIOException("Test infrastructure did not start", e);
            }
        }
        return running;
    }

    public static String portalUrl() {
        return "http://127.0.0.1:" + running().portalPort();
    }

    public static String issuer() {
        return running().identityProvider().issuer().toString();
    }

    public static String jdbcUrl() {
        return running().database().jdbcUrl();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Running infrastructure = running();
        apply(
                context,
                infrastructure.portalPort(),
                infrastructure.database().jdbcUrl(),
                infrastructure.indexDir(),
                Map.of());
    }

    /**
     * The properties of a portal in the test JVM: on {@code port}, against the database at {@code
     * jdbcUrl} of the test PostgreSQL server, the development provider, and {@code more}.
     */
    static void apply(
            ConfigurableApplicationContext context, int port, String jdbcUrl, Path indexDir, Map<String, Object> more) {
        ProductionBundle.require();
        Running infrastructure = running();
        // Tests that count statements (a page's cost that must not grow with the mesh) read this log.
        context.getBeanFactory().addBeanPostProcessor(new StatementLog.Wrapping());
        Map<String, Object> properties = new java.util.LinkedHashMap<>(Map.of(
                "server.port",
                port,
                "server.address",
                "127.0.0.1",
                "spring.datasource.url",
                jdbcUrl,
                "spring.datasource.username",
                infrastructure.database().username(),
                "spring.datasource.password",
                infrastructure.database().password(),
                "meshport.oidc.issuer-uri",
                issuer(),
                "meshport.oidc.client-id",
                "meshport",
                "meshport.oidc.client-secret",
                "meshport-dev-secret",
                "meshport.index-dir",
                indexDir.toString(),
                // What users get: Vaadin's production mode on the production bundle
                // (docs/decisions/0011-ui-tests-in-production-mode.md).
                "vaadin.productionMode",
                "true"));
        properties.putAll(more);
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("meshport-test-infrastructure", properties));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

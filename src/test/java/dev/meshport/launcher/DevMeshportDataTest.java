package dev.meshport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run command keeps its data in {@code .meshport-dev/}; on machines that ran it before the
 * move from PostgreSQL 14 that folder holds a data directory the new server cannot open.
 */
class DevMeshportDataTest {

    @TempDir
    Path home;

    @Test
    void data_made_by_postgresql_14_are_set_aside_untouched_and_the_server_starts_afresh() throws Exception {
        Path data = Files.createDirectories(home.resolve("postgres"));
        Files.writeString(data.resolve("PG_VERSION"), "14\n");
        Files.writeString(data.resolve("postgresql.conf"), "# made by PostgreSQL 14\n");
        Path index = Files.createDirectories(home.resolve("index"));
        Files.writeString(index.resolve("segments_1"), "old index");

        Optional<Path> aside = DevMeshport.setAsideDataOfAnotherPostgresVersion(home);

        assertThat(aside).isPresent();
        assertThat(aside.get().getParent()).isEqualTo(home);
        assertThat(aside.get().getFileName().toString()).startsWith("postgresql-14-");
        assertThat(aside.get().resolve("postgres/PG_VERSION")).hasContent("14");
        assertThat(aside.get().resolve("postgres/postgresql.conf")).hasContent("# made by PostgreSQL 14");
        assertThat(aside.get().resolve("index/segments_1")).hasContent("old index");
        assertThat(data).doesNotExist();
        assertThat(index).doesNotExist();

        int port = freePort();
        try (DevDatabase database = DevDatabase.start(port, data, true)) {
            assertThat(majorVersionOf(database)).isEqualTo(DevDatabase.POSTGRES_MAJOR);
        }
        // A second run finds the new server's own data and keeps them.
        assertThat(DevDatabase.majorVersionOf(data)).contains(DevDatabase.POSTGRES_MAJOR);
        assertThat(DevMeshport.setAsideDataOfAnotherPostgresVersion(home)).isEmpty();
        assertThat(data.resolve("PG_VERSION")).exists();
    }

    @Test
    void without_data_nothing_is_moved() throws IOException {
        assertThat(DevMeshport.setAsideDataOfAnotherPostgresVersion(home)).isEmpty();
        assertThat(home).isEmptyDirectory();
    }

    private static int majorVersionOf(DevDatabase database) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                ResultSet result = connection.createStatement().executeQuery("show server_version_num")) {
            assertThat(result.next()).isTrue();
            return result.getInt(1) / 10000;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.meshport.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshport.launcher.DevDatabase;
import io.meshport.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The tests (and the run command, on the same binaries) run against the PostgreSQL the README
 * asks for, 15 or newer: a feature of a newer server would otherwise pass here and fail there,
 * and the other way round.
 */
class DatabaseVersionTest {

    @Test
    void the_tests_run_against_postgresql_15_or_newer() throws SQLException {
        assertThat(serverVersionNum()).as("server_version_num").isGreaterThanOrEqualTo(150000);
    }

    @Test
    void the_launcher_knows_the_major_version_of_its_binaries() throws SQLException {
        // It decides by it whether a kept data directory can be opened (see DevMeshport).
        assertThat(serverVersionNum() / 10000).isEqualTo(DevDatabase.POSTGRES_MAJOR);
    }

    private static int serverVersionNum() throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestInfrastructure.jdbcUrl(), "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select current_setting('server_version_num')::int")) {
            assertThat(result.next()).isTrue();
            return result.getInt(1);
        }
    }
}

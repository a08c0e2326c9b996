package io.meshport.lineage;

import static io.meshport.lineage.TestProduct.asConsumer;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestInfrastructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The lineage tables: the demo catalog's edges, and the migration that fills them from stored ports. */
@MeshportTest
class LineageStorageTest {

    private static final Pattern DEMO_EDGE = Pattern.compile("^- ([a-z0-9-]+) -> ([a-z0-9-]+) \\[([a-z0-9-]+)]$");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LineageService lineage;

    record Edge(String from, String to, String contractId) {}

    @Test
    void the_demo_catalogs_lineage_is_all_there_as_its_readme_lists_it() throws IOException {
        Set<Edge> listed = new HashSet<>();
        for (String line : new ClassPathResource("demo/README.md")
                .getContentAsString(StandardCharsets.UTF_8)
                .lines()
                .toList()) {
            Matcher edge = DEMO_EDGE.matcher(line.strip());
            if (edge.matches()) {
                listed.add(new Edge(edge.group(1), edge.group(2), edge.group(3)));
            }
        }
        assertThat(listed).hasSize(25);

        Set<String> demo = new HashSet<>();
        listed.forEach(edge -> {
            demo.add(edge.from());
            demo.add(edge.to());
        });
        // No test deletes or rewires a demo product (one that needs to uses products of its own),
        // so all of them are there, with exactly the listed edges between them.
        Set<String> present = new HashSet<>(jdbc.sql("select id from data_product where id in (:ids)")
                .param("ids", demo)
                .query(String.class)
                .list());
        assertThat(present).isEqualTo(demo);

        Set<Edge> stored = new HashSet<>();
        for (String id : demo) {
            asConsumer(() -> lineage.lineage(id, Direction.DOWNSTREAM, 1)).edges().stream()
                    .filter(edge -> demo.contains(edge.to()))
                    .forEach(edge -> stored.add(new Edge(edge.from(), edge.to(), edge.contractId())));
        }
        assertThat(stored).isEqualTo(listed);

        LineageGraph cashPositions = asConsumer(() -> lineage.lineage("cash-positions", Direction.UPSTREAM, 1));
        assertThat(cashPositions.unresolved())
                .containsExactly(new LineageGraph.UnresolvedInput("cash-positions", "external-fx-rates-v1"));
    }

    @Test
    void the_maintained_tables_hold_exactly_what_the_migrations_backfill_derives_from_the_ports() throws IOException {
        List<String> backfill = backfillQueries();
        assertThat(jdbc.sql("select product_id, contract_id from lineage_input order by 1, 2")
                        .query()
                        .listOfRows())
                .isNotEmpty()
                .isEqualTo(jdbc.sql("select * from (" + backfill.get(0)
                                + ") as backfill(product_id, contract_id) order by 1, 2")
                        .query()
                        .listOfRows());
        assertThat(jdbc.sql("select upstream_id, downstream_id, contract_id from lineage_edge order by 1, 2, 3")
                        .query()
                        .listOfRows())
                .isNotEmpty()
                .isEqualTo(jdbc.sql("select * from (" + backfill.get(1)
                                + ") as backfill(upstream_id, downstream_id, contract_id) order by 1, 2, 3")
                        .query()
                        .listOfRows());
    }

    @Test
    void the_migration_backfills_lineage_from_ports_stored_before_it() throws SQLException {
        String database = "backfill_" + Long.toString(System.nanoTime(), 36);
        jdbc.sql("create database " + database).update();
        String url = TestInfrastructure.jdbcUrl().replaceFirst("/postgres$", "/" + database);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            DataSource single = new SingleConnectionDataSource(connection, true);
            Flyway.configure()
                    .dataSource(single)
                    .locations("classpath:db/migrations")
                    .target("3")
                    .load()
                    .migrate();
            JdbcClient old = JdbcClient.create(single);
            for (String id : List.of("a", "b", "c", "d")) {
                old.sql("""
                                insert into data_product (id, api_version, name, status, owner_team, document, source,
                                    source_format, created_at, updated_at)
                                values (:id, 'v1.0.0', :id, 'draft', 'sales', '{}', '{}', 'json', now(), now())
                                """).param("id", id).update();
            }
            old.sql("""
                            insert into product_output_port (product_id, position, name, version, contract_id,
                                input_contracts)
                            values ('a', 0, 'a', '1', 'a-v1', '{}'), ('b', 0, 'b', '1', 'b-v1', '{a-v1}'),
                                   ('d', 0, 'd', '1', null, '{}')
                            """).update();
            old.sql("""
                            insert into product_input_port (product_id, position, name, version, contract_id)
                            values ('b', 0, 'a', '1', 'a-v1'), ('c', 0, 'b', '1', 'b-v1'), ('c', 1, 'a', '1', 'a-v1'),
                                   ('d', 0, 'x', '1', 'missing-v1')
                            """).update();

            Flyway.configure()
                    .dataSource(single)
                    .locations("classpath:db/migrations")
                    .load()
                    .migrate();

            assertThat(old.sql("select upstream_id, downstream_id, contract_id from lineage_edge order by 1, 2, 3")
                            .query((rs, row) -> new Edge(rs.getString(1), rs.getString(2), rs.getString(3)))
                            .list())
                    .containsExactly(
                            new Edge("a", "b", "a-v1"), new Edge("a", "c", "a-v1"), new Edge("b", "c", "b-v1"));
            assertThat(old.sql("select product_id || ' ' || contract_id from lineage_input order by 1")
                            .query(String.class)
                            .list())
                    .containsExactly("b a-v1", "c a-v1", "c b-v1", "d missing-v1");
        } finally {
            jdbc.sql("drop database if exists " + database).update();
        }
    }

    /** The select parts of V0004's two backfill statements. */
    private static List<String> backfillQueries() throws IOException {
        String migration =
                new ClassPathResource("db/migrations/V0004__lineage.sql").getContentAsString(StandardCharsets.UTF_8);
        return java.util.Arrays.stream(migration.split(";"))
                .map(String::strip)
                .map(statement -> statement.replaceAll("(?m)^--.*\\n", "").strip())
                .filter(statement -> statement.startsWith("insert into lineage_"))
                .map(statement -> statement.substring(statement.indexOf('\n') + 1))
                .toList();
    }
}

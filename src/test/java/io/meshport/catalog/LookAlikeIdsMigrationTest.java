package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration that makes ids unique regardless of case meets a catalog that already holds
 * look-alikes: it keeps them (flagged, listed for governance) and refuses only new ones.
 */
@MeshportTest
class LookAlikeIdsMigrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogService catalog;

    @Test
    void existing_look_alikes_survive_the_migration_and_new_ones_are_refused() {
        String schema = "look_alike_check_" + Long.toString(System.nanoTime(), 36);
        Flyway before = flyway(schema, lastVersionBefore(10));
        before.migrate();
        String insert = """
                insert into %s.data_product (id, api_version, name, status, owner_team, document, source,
                                             source_format, created_at, updated_at)
                values (:id, 'v1.0.0', :id, 'draft', 'sales', '{}', '{}', 'json', cast(:at as timestamptz), now())
                """.formatted(schema);
        jdbc.sql(insert)
                .param("id", "sp-sales-a")
                .param("at", "2024-01-01T00:00:00Z")
                .update();
        jdbc.sql(insert)
                .param("id", "SP-SALES-A")
                .param("at", "2024-02-01T00:00:00Z")
                .update();
        jdbc.sql(insert)
                .param("id", "Sp-Sales-A")
                .param("at", "2024-03-01T00:00:00Z")
                .update();

        flyway(schema, "10").migrate();

        assertThat(jdbc.sql("select id from %s.data_product where not case_duplicate".formatted(schema))
                        .query(String.class)
                        .list())
                .as("the oldest stays the one the index holds")
                .containsExactly("sp-sales-a");
        assertThat(jdbc.sql("select count(*) from %s.data_product".formatted(schema))
                        .query(Long.class)
                        .single())
                .as("nothing is deleted")
                .isEqualTo(3);
        assertThatThrownBy(() -> jdbc.sql(insert)
                        .param("id", "sP-sAlEs-A")
                        .param("at", "2024-04-01T00:00:00Z")
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("drop schema " + schema + " cascade").update();
    }

    @Test
    void governance_sees_the_look_alikes_of_the_catalog_and_nobody_else_does() {
        String id = OwnershipTest.newId() + "-legacy";
        RunAs.user(
                "alice",
                List.of("sales"),
                () -> catalog.publishProduct(
                        id, TestDocuments.product(id, "sales", "draft"), DocumentFormat.YAML, null, null));
        // A look-alike from before the rule, as the migration leaves it.
        jdbc.sql("""
                        insert into data_product (id, api_version, name, status, owner_team, document, source,
                                                  source_format, created_at, updated_at, case_duplicate)
                        select upper(id), api_version, name, status, owner_team, document, source, source_format,
                               created_at + interval '1 second', updated_at, true
                          from data_product where id = :id
                        """).param("id", id).update();
        try {
            assertThat(RunAs.user("carol", List.of("finance", "mesh-admins"), catalog::idLookAlikes))
                    .contains(new IdLookAlikes("product", List.of(id, id.toUpperCase(java.util.Locale.ROOT))));
            assertThatThrownBy(() -> RunAs.user("alice", List.of("sales"), catalog::idLookAlikes))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        } finally {
            jdbc.sql("delete from data_product where id = upper(:id)")
                    .param("id", id)
                    .update();
        }
    }

    /** The newest migration before V{@code version}, whichever exist by then. */
    private static String lastVersionBefore(int version) {
        try {
            return java.util.Arrays.stream(new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                            .getResources("classpath*:db/migrations/V*__*.sql"))
                    .map(resource -> Integer.parseInt(resource.getFilename()
                            .substring(1, resource.getFilename().indexOf("__"))))
                    .filter(v -> v < version)
                    .max(Integer::compare)
                    .orElseThrow()
                    .toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Flyway flyway(String schema, String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/migrations")
                .target(target)
                .load();
    }
}

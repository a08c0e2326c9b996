package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.MeshportTest;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration that starts keeping contract versions gives every contract stored before it one
 * version: its current document, published by its last editor, or by "unknown" when none is known.
 */
@MeshportTest
class ContractVersionsMigrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void each_contract_stored_before_gets_its_current_document_as_its_one_version() {
        String schema = "contract_versions_check_" + Long.toString(System.nanoTime(), 36);
        flyway(schema, lastVersionBefore(16)).migrate();
        long editor = jdbc.sql("""
                        insert into %s.app_user (issuer, subject, username, display_name, first_seen, last_seen)
                        values ('https://issuer.example', 'erin', 'erin', 'Erin Example', now(), now())
                        returning id
                        """.formatted(schema)).query(Long.class).single();
        String insert = """
                insert into %s.data_contract (id, api_version, name, version, status, owner_team, source,
                                              source_format, document, lock_version, created_at, updated_at,
                                              updated_by)
                values (:id, 'v3.1.0', :id, :version, 'active', 'sales', :source, 'yaml', cast(:document as jsonb), 4,
                        now(), cast(:at as timestamptz), cast(:by as bigint))
                """.formatted(schema);
        jdbc.sql(insert)
                .param("id", "edited")
                .param("version", "2.1.0")
                .param("source", "id: edited\nversion: 2.1.0\n")
                .param("document", "{\"id\":\"edited\",\"version\":\"2.1.0\"}")
                .param("at", "2025-03-01T10:00:00Z")
                .param("by", editor)
                .update();
        jdbc.sql(insert)
                .param("id", "loaded")
                .param("version", "1.0.0")
                .param("source", "id: loaded\nversion: 1.0.0\n")
                .param("document", "{\"id\":\"loaded\",\"version\":\"1.0.0\"}")
                .param("at", "2024-01-01T00:00:00Z")
                .param("by", null)
                .update();

        flyway(schema, "16").migrate();

        List<Map<String, Object>> versions =
                jdbc.sql("""
                        select contract_id, version, revision, published_by, published_by_name, breaking,
                               changes::text as changes, source, source_format, document::text as document,
                               published_at = cast('2025-03-01T10:00:00Z' as timestamptz) as at_last_edit
                          from %s.contract_version order by contract_id
                        """.formatted(schema)).query().listOfRows();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0))
                .containsEntry("contract_id", "edited")
                .containsEntry("version", "2.1.0")
                .containsEntry("revision", 4L)
                .containsEntry("published_by", editor)
                .containsEntry("published_by_name", "Erin Example")
                .containsEntry("breaking", false)
                .containsEntry("changes", "[]")
                .containsEntry("source", "id: edited\nversion: 2.1.0\n")
                .containsEntry("source_format", "yaml")
                .containsEntry("at_last_edit", true);
        assertThat(versions.get(1))
                .containsEntry("contract_id", "loaded")
                .containsEntry("version", "1.0.0")
                .containsEntry("published_by", null)
                .containsEntry("published_by_name", "unknown");
        jdbc.sql("drop schema " + schema + " cascade").update();
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

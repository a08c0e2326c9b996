package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What is written is searchable at once; an emptied index is rebuilt from PostgreSQL. */
@MeshportTest
class IndexConsistencyTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    CatalogSearch search;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<HealthIndicator> health;

    @Test
    void create_change_and_delete_are_searchable_as_soon_as_they_are_saved() {
        String id = "index-consistency-" + System.nanoTime();
        RunAs.user(
                "alice",
                List.of("sales"),
                () -> catalog.publishProduct(
                        id,
                        TestDocuments.product(id, "sales", "draft")
                                .replace("name: Product " + id, "name: Quasar Telemetry"),
                        DocumentFormat.YAML,
                        null,
                        null));
        assertThat(ids("quasar telemetry")).contains(id);

        RunAs.user(
                "alice",
                List.of("sales"),
                () -> catalog.publishProduct(
                        id,
                        TestDocuments.product(id, "sales", "draft")
                                .replace("name: Product " + id, "name: Pulsar Telemetry"),
                        DocumentFormat.YAML,
                        null,
                        null));
        assertThat(ids("quasar")).doesNotContain(id);
        assertThat(ids("pulsar telemetry")).contains(id);

        RunAs.user("alice", List.of("sales"), () -> {
            catalog.deleteProduct(id, null);
            return null;
        });
        assertThat(ids("pulsar telemetry")).doesNotContain(id);
    }

    @Test
    void an_emptied_index_is_rebuilt_from_postgresql_and_health_waits_for_it() throws Exception {
        long rows = jdbc.sql("select count(*) from data_product where status <> 'retired'")
                .query(Long.class)
                .single();
        var workspace = Search.mapping(entityManagerFactory).scope(Object.class).workspace();
        workspace.purge();
        // A cluster's purge (a delete by query) is seen by searches once the index is refreshed;
        // the embedded index's at once. Either way: an emptied index.
        workspace.refresh();
        assertThat(RunAs.user(
                        "dave",
                        List.of(),
                        () -> search.count(SearchRequest.text("").includingOtherTeamsDrafts())))
                .isZero();

        HealthIndicator searchHealth = health.stream()
                .filter(indicator -> indicator.getClass().getSimpleName().startsWith("SearchIndex"))
                .findFirst()
                .orElseThrow();
        // What the portal does at start: compare index and database, rebuild when they differ.
        searchHealth.getClass().getDeclaredMethod("checkAndRebuild").setAccessible(true);
        var check = searchHealth.getClass().getDeclaredMethod("checkAndRebuild");
        check.setAccessible(true);
        check.invoke(searchHealth);

        assertThat(searchHealth.health().getStatus()).isEqualTo(Status.UP);
        assertThat(RunAs.user(
                        "dave",
                        List.of(),
                        () -> search.count(SearchRequest.text("").includingOtherTeamsDrafts())))
                .isEqualTo(rows);
    }

    private List<String> ids(String text) {
        return RunAs.user(
                        "dave",
                        List.of(),
                        () -> search.search(SearchRequest.text(text).includingOtherTeamsDrafts(), 0, 20))
                .items()
                .stream()
                .map(SearchResults.Hit::id)
                .toList();
    }
}

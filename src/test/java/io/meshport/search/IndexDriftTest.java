package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DataProduct;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a node that dies between its commit and its indexing leaves behind, and how the drift check
 * mends it. The database is changed behind Hibernate Search's back on purpose: that is the crash.
 */
@MeshportTest
class IndexDriftTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    CatalogSearch search;

    @Autowired
    IndexDrift drift;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_write_whose_indexing_was_lost_is_found_again_after_the_check() {
        String id = publish("Zephyr Ledger");
        // Committed, never indexed: what a node that died right after its commit leaves.
        jdbc.sql("update data_product set name = 'Nimbus Ledger', lock_version = lock_version + 1 where id = ?")
                .param(id)
                .update();
        assertThat(ids("nimbus ledger")).doesNotContain(id);

        IndexDrift.Report report = drift.check();

        assertThat(report.reindexed()).contains(id);
        assertThat(ids("nimbus ledger")).contains(id);
        assertThat(ids("zephyr ledger")).doesNotContain(id);
        assertThat(drift.check().reindexed()).doesNotContain(id);
    }

    @Test
    void a_product_missing_from_the_index_is_indexed_again() {
        String id = publish("Obsidian Forecast");
        transactions.executeWithoutResult(status -> {
            try (var entityManager = entityManagerFactory.createEntityManager()) {
                var plan = Search.session(entityManager).indexingPlan();
                plan.purge(DataProduct.class, id, null);
                plan.execute();
            }
        });
        assertThat(ids("obsidian forecast")).doesNotContain(id);

        assertThat(drift.check().reindexed()).contains(id);

        assertThat(ids("obsidian forecast")).contains(id);
    }

    @Test
    void a_product_deleted_behind_the_index_leaves_it() {
        String id = publish("Cobalt Inventory");
        jdbc.sql("delete from data_product where id = ?").param(id).update();
        assertThat(ids("cobalt inventory")).contains(id);

        IndexDrift.Report report = drift.check();

        assertThat(report.removed()).contains(id);
        assertThat(report.inDatabase())
                .isEqualTo(jdbc.sql("select count(*) from data_product")
                        .query(Long.class)
                        .single());
        assertThat(ids("cobalt inventory")).doesNotContain(id);
    }

    private String publish(String name) {
        String id = "drift-" + System.nanoTime();
        RunAs.user(
                "alice",
                List.of("sales"),
                () -> catalog.publishProduct(
                        id,
                        TestDocuments.product(id, "sales", "draft").replace("name: Product " + id, "name: " + name),
                        DocumentFormat.YAML,
                        null,
                        null));
        return id;
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

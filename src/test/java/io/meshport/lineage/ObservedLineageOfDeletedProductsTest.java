package io.meshport.lineage;

import static io.meshport.lineage.ObservedRuns.port;
import static io.meshport.lineage.TestProduct.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.meshport.catalog.CatalogService;
import io.meshport.testing.MeshportTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run may name a product deleted since the ingest looked its datasets up: that product is no
 * lineage, and the rest of the run still is (no foreign-key failure, no 5xx).
 */
@MeshportTest
class ObservedLineageOfDeletedProductsTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void a_run_naming_a_product_that_no_longer_exists_records_the_lineage_of_the_others_only() {
        String s = TestProduct.stem("deleted");
        String kept = s + "-kept";
        String source = s + "-source";
        String gone = s + "-gone";
        product(kept).provides(kept + "-v1").publish(catalog);
        product(source).provides(source + "-v1").publish(catalog);
        ObservedRuns runs = new ObservedRuns(transactions, events);
        Instant at = Instant.parse("2026-11-20T08:00:00Z");

        assertThatCode(() -> runs.run(
                        "load",
                        at,
                        List.of(port(source, source + "-v1"), port(gone, gone + "-v1")),
                        List.of(port(kept, kept + "-v1"), port(gone, gone + "-v1"))))
                .doesNotThrowAnyException();

        assertThat(jdbc.sql("select product_id from lineage_observed_product where product_id like ?")
                        .param(s + "%")
                        .query(String.class)
                        .list())
                .containsExactly(kept);
        assertThat(jdbc.sql("select upstream_id || '>' || downstream_id from lineage_observed_edge"
                                + " where downstream_id like ? or upstream_id like ?")
                        .param(s + "%")
                        .param(s + "%")
                        .query(String.class)
                        .list())
                .containsExactly(source + ">" + kept);
    }
}

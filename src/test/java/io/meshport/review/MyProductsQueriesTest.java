package io.meshport.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.lineage.Drift;
import io.meshport.lineage.ObservedLineage;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.StatementLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * My products costs a fixed number of statements, however many products the team owns: each
 * owned product here reads a deprecated upstream product (with a successor), an input nobody
 * provides, and promises an SLA, so that every kind of warning is looked for; and its pipeline
 * reports runs that never read the upstream product, so that lineage drift is looked for too.
 */
@MeshportTest
class MyProductsQueriesTest {

    @Autowired
    ReviewService reviews;

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    private final String s = "q" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    @Test
    void my_products_sends_as_many_statements_for_50_products_as_for_5() {
        publish(
                s + "-up",
                s + "-upstream",
                "deprecated",
                "",
                "customProperties:\n" + "  - property: successor\n    value: sales-orders\n");
        String small = s + "-small";
        String large = s + "-large";
        for (int i = 0; i < 5; i++) {
            publish(small + "-" + i, small, "draft", s + "-up-v1\n" + s + "-nowhere-v1", "");
        }
        for (int i = 0; i < 50; i++) {
            publish(large + "-" + i, large, "draft", s + "-up-v1\n" + s + "-nowhere-v1", "");
        }
        ObservedLineage runs = new ObservedLineage(jdbc);
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        for (int i = 0; i < 5; i++) {
            runs.product(small + "-" + i, monthAgo);
        }
        for (int i = 0; i < 50; i++) {
            runs.product(large + "-" + i, monthAgo);
        }
        // Once each first: a user's first call records the user.
        asMemberOf(small, reviews::myProducts);
        asMemberOf(large, reviews::myProducts);

        StatementLog.Recorded<List<OwnedProduct>> five =
                StatementLog.answering(() -> asMemberOf(small, reviews::myProducts));
        StatementLog.Recorded<List<OwnedProduct>> fifty =
                StatementLog.answering(() -> asMemberOf(large, reviews::myProducts));

        assertThat(five.result()).hasSize(5);
        assertThat(fifty.result()).hasSize(50).allSatisfy(row -> assertThat(row.warnings())
                .extracting(Warning::kind)
                .containsExactlyInAnyOrder(Warning.Kind.UPSTREAM_DEPRECATED, Warning.Kind.UNRESOLVED_INPUT));
        assertThat(fifty.result()).allSatisfy(row -> assertThat(row.drift())
                .extracting(Drift::kind)
                .containsExactly(Drift.Kind.DECLARED_NOT_OBSERVED));
        assertThat(fifty.result().getFirst().warnings())
                .extracting(Warning::message)
                .contains("Upstream product Product " + s + "-up is deprecated; its successor is sales-orders.");
        assertThat(fifty.statements()).hasSameSizeAs(five.statements());
        assertThat(five.statements()).hasSizeLessThanOrEqualTo(16);
    }

    private void publish(String id, String team, String status, String consumes, String extra) {
        StringBuilder yaml = new StringBuilder("apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: Product "
                + id + "\nstatus: " + status + "\ndomain: review-tests\nteam:\n  name: " + team + "\n" + extra);
        if (!consumes.isEmpty()) {
            yaml.append("inputPorts:\n");
            int i = 0;
            for (String contract : consumes.split("\n")) {
                yaml.append("  - name: in")
                        .append(i++)
                        .append("\n    version: 1.0.0\n    contractId: ")
                        .append(contract)
                        .append('\n');
            }
        }
        yaml.append("outputPorts:\n  - name: out\n    version: 1.0.0\n    contractId: ")
                .append(id)
                .append("-v1\n");
        RunAs.user(
                s + "-owner",
                List.of(team),
                () -> catalog.publishProduct(id, yaml.toString(), DocumentFormat.YAML, null, null));
    }

    private <T> T asMemberOf(String team, java.util.function.Supplier<T> work) {
        return RunAs.user(team + "-member", List.of(team), work);
    }
}

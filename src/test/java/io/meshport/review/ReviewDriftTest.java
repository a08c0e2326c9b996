package io.meshport.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.ChangeEntry;
import io.meshport.catalog.DocumentFormat;
import io.meshport.lineage.Drift;
import io.meshport.lineage.ObservedLineage;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lineage drift where owners look: My products counts it as needing attention, the review
 * screen lists it, and a sign-off records in the product's history that it was seen.
 */
@MeshportTest
class ReviewDriftTest {

    @Autowired
    ReviewService reviews;

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_drifting_product_needs_attention_on_my_products_and_its_review_lists_the_drift() {
        String s = stem();
        publish(s + "-orders", "Orders " + s, "marketing", "", s + "-orders-v1");
        publish(s + "-profiles", "Customer 360 " + s, "marketing", "", s + "-profiles-v1");
        publish(s + "-report", "Report " + s, "sales", s + "-orders-v1", "");
        publish(s + "-quiet", "Quiet " + s, "sales", s + "-orders-v1", "");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // The report's runs have reported for a month, reading Customer 360 but never Orders;
        // the quiet product's pipeline never reports.
        new ObservedLineage(jdbc)
                .product(s + "-report", now.minus(Duration.ofDays(30)))
                .edge(s + "-profiles", s + "-report", "profiles", s + "-profiles-v1", now.minus(Duration.ofHours(2)));

        List<OwnedProduct> mine = asAlice(reviews::myProducts);
        OwnedProduct report = row(mine, s + "-report");
        assertThat(report.drift())
                .extracting(Drift::kind, Drift::upstreamId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Drift.Kind.DECLARED_NOT_OBSERVED, s + "-orders"),
                        org.assertj.core.groups.Tuple.tuple(Drift.Kind.OBSERVED_NOT_DECLARED, s + "-profiles"));
        assertThat(report.warnings()).isEmpty();
        assertThat(report.needsAttention()).isTrue();
        OwnedProduct quiet = row(mine, s + "-quiet");
        assertThat(quiet.drift()).isEmpty();

        ProductReview review = asAlice(() -> reviews.review(s + "-report")).orElseThrow();
        assertThat(review.drift()).isEqualTo(report.drift());
        assertThat(review.drift())
                .extracting(Drift::message)
                .containsExactly(
                        "Declared input Orders " + s + " (contract " + s
                                + "-orders-v1) has never been seen in a run, though this product's runs have"
                                + " reported for 30 days.",
                        "Runs read port 'profiles' of Customer 360 " + s + " (contract " + s
                                + "-profiles-v1) but no input port declares it (last on "
                                + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                                        .withZone(java.time.ZoneOffset.UTC)
                                        .format(now.minus(Duration.ofHours(2)))
                                + ").");
        assertThat(asAlice(() -> reviews.review(s + "-quiet")).orElseThrow().drift())
                .isEmpty();
    }

    @Test
    void a_sign_off_records_the_drift_the_reviewer_saw_and_one_without_drift_says_nothing_of_it() {
        String s = stem();
        publish(s + "-orders", "Orders " + s, "marketing", "", s + "-orders-v1");
        publish(s + "-report", "Report " + s, "sales", s + "-orders-v1", "");
        publish(s + "-quiet", "Quiet " + s, "sales", s + "-orders-v1", "");
        new ObservedLineage(jdbc).product(s + "-report", Instant.now().minus(Duration.ofDays(20)));

        asAlice(() -> signOff(s + "-report", "Checked; the orders feed is being rewired."));
        ChangeEntry entry = asAlice(() -> catalog.history(s + "-report")).getFirst();
        assertThat(entry.action()).isEqualTo("reviewed");
        assertThat(entry.summary())
                .isEqualTo("Review signed off: Checked; the orders feed is being rewired."
                        + " — Lineage drift seen (1 item): Declared input Orders " + s + " (contract " + s
                        + "-orders-v1) has never been seen in a run, though this product's runs have reported for"
                        + " 20 days.");

        asAlice(() -> signOff(s + "-quiet", "All fine."));
        assertThat(asAlice(() -> catalog.history(s + "-quiet")).getFirst().summary())
                .isEqualTo("Review signed off: All fine.");
    }

    private static OwnedProduct row(List<OwnedProduct> rows, String id) {
        return rows.stream()
                .filter(row -> row.product().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private Void signOff(String id, String comment) {
        reviews.signOff(id, comment);
        return null;
    }

    private void publish(String id, String name, String team, String consumes, String provides) {
        StringBuilder yaml = new StringBuilder("apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: " + name
                + "\nstatus: draft\ndomain: review-tests\nteam:\n  name: " + team + "\n");
        if (!consumes.isEmpty()) {
            yaml.append("inputPorts:\n  - name: in0\n    version: 1.0.0\n    contractId: ")
                    .append(consumes)
                    .append('\n');
        }
        if (!provides.isEmpty()) {
            yaml.append("outputPorts:\n  - name: out\n    version: 1.0.0\n    contractId: ")
                    .append(provides)
                    .append('\n');
        }
        RunAs.user(
                "carol",
                List.of("finance", "mesh-admins"),
                () -> catalog.publishProduct(id, yaml.toString(), DocumentFormat.YAML, null, null));
    }

    private static String stem() {
        return "review-drift-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    private static <T> T asAlice(Supplier<T> work) {
        return RunAs.user("alice", List.of("sales"), work);
    }
}

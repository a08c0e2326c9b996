package io.meshport.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.ChangeEntry;
import io.meshport.catalog.DataProductSummary;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.ProductStatus;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Owner review through its service: whose products, what needs attention, who may sign off. */
@MeshportTest
class ReviewTest {

    @Autowired
    ReviewService reviews;

    @Autowired
    CatalogService catalog;

    @Autowired
    ReviewBadges badges;

    @Autowired
    JdbcClient jdbc;

    @Test
    void my_products_are_the_products_of_my_teams_only() {
        List<OwnedProduct> alices = asAlice(reviews::myProducts);
        assertThat(alices)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.product().ownerTeam()).isEqualTo("sales"));
        assertThat(alices).extracting(row -> row.product().id()).contains("sales-orders");

        // Governance is no exception here: My products is about one's own teams.
        List<OwnedProduct> carols = asCarol(reviews::myProducts);
        assertThat(carols)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.product().ownerTeam()).isEqualTo("finance"));
    }

    @Test
    void a_user_without_a_team_sees_an_empty_my_products() {
        assertThat(asDave(reviews::myProducts)).isEmpty();
    }

    @Test
    void only_the_owning_team_or_governance_may_sign_off_and_the_sign_off_is_in_the_history() {
        String id = stem("signed");
        asCarol(() ->
                catalog.publishProduct(id, product(id, "sales", "draft", "", ""), DocumentFormat.YAML, null, null));
        int before = asDave(() -> catalog.history(id)).size();

        assertThatThrownBy(() -> asBob(() -> signOff(id, "looked at it"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asDave(() -> signOff(id, "looked at it"))).isInstanceOf(AccessDeniedException.class);
        assertThat(asDave(() -> catalog.history(id))).hasSize(before);
        assertThat(asAlice(() -> reviews.review(id)).orElseThrow().signOffs()).isEmpty();

        asAlice(() -> signOff(id, "Lineage and SLAs checked; upstream all active."));
        ChangeEntry latest = asDave(() -> catalog.history(id)).getFirst();
        assertThat(latest.action()).isEqualTo("reviewed");
        assertThat(latest.summary()).contains("Lineage and SLAs checked; upstream all active.");
        assertThat(latest.actorName()).containsIgnoringCase("alice");
        assertThat(latest.previousSource()).isNull();

        asCarol(() -> signOff(id, "Governance review."));
        ProductReview review = asAlice(() -> reviews.review(id)).orElseThrow();
        assertThat(review.signOffs()).hasSize(2);
        assertThat(review.signOffs().getFirst().comment()).isEqualTo("Governance review.");
        assertThat(review.review().lastReviewedBy()).containsIgnoringCase("carol");
        assertThat(review.mayReview()).isTrue();
        assertThat(asBob(() -> reviews.review(id)).orElseThrow().mayReview()).isFalse();
    }

    @Test
    void a_sign_off_needs_a_comment_of_reasonable_length_and_stores_nothing_otherwise() {
        String id = stem("comment");
        asCarol(() ->
                catalog.publishProduct(id, product(id, "sales", "draft", "", ""), DocumentFormat.YAML, null, null));
        int before = asDave(() -> catalog.history(id)).size();

        assertThatThrownBy(() -> asAlice(() -> signOff(id, "   ")))
                .isInstanceOfSatisfying(InvalidDocumentException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.pointer())
                        .containsExactly("/comment"));
        assertThatThrownBy(() -> asAlice(() -> signOff(id, "x".repeat(ReviewService.MAX_COMMENT + 1))))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("Bad review");
        assertThat(asDave(() -> catalog.history(id))).hasSize(before);
    }

    @Test
    void a_sign_off_makes_the_next_review_due_ninety_days_later() {
        DataProductSummary active = asAlice(() -> catalog.ownedBy(List.of("sales"))).stream()
                .filter(product -> product.status() == ProductStatus.ACTIVE)
                .reduce((first, second) -> second)
                .orElseThrow();
        asAlice(() -> signOff(active.id(), "Quarterly review."));

        OwnedProduct row = asAlice(reviews::myProducts).stream()
                .filter(owned -> owned.product().id().equals(active.id()))
                .findFirst()
                .orElseThrow();
        assertThat(row.review().due()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(90));
        assertThat(row.review().overdue()).isFalse();
    }

    @Test
    void an_active_product_not_reviewed_for_ninety_days_is_badged_overdue() {
        DataProductSummary active = asAlice(() -> catalog.ownedBy(List.of("marketing"))).stream()
                .filter(product -> product.status() == ProductStatus.ACTIVE)
                .findFirst()
                .orElseThrow();
        assertThat(badges.badges(List.of(active.id()))).doesNotContainKey(active.id());
        // As if it had entered the catalog 100 days ago and never been reviewed.
        jdbc.sql("update data_product set created_at = created_at - interval '100 days' where id = :id")
                .param("id", active.id())
                .update();
        try {
            assertThat(badges.badges(List.of(active.id(), "sales-orders")))
                    .containsEntry(active.id(), List.of(ReviewBadges.OVERDUE));
            OwnedProduct row = asBob(reviews::myProducts).stream()
                    .filter(owned -> owned.product().id().equals(active.id()))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.review().overdue()).isTrue();
            assertThat(row.needsAttention()).isTrue();
        } finally {
            jdbc.sql("update data_product set created_at = created_at + interval '100 days' where id = :id")
                    .param("id", active.id())
                    .update();
        }
    }

    @Test
    void lineage_health_warns_of_a_deprecated_upstream_with_its_successor_and_of_unresolved_inputs() {
        String upstream = stem("upstream");
        String downstream = stem("downstream");
        String missing = stem("nowhere") + "-v1";
        asCarol(() -> catalog.publishProduct(
                upstream,
                product(upstream, "marketing", "draft", "", upstream + "-v1"),
                DocumentFormat.YAML,
                null,
                null));
        asCarol(() -> catalog.publishProduct(
                downstream,
                product(downstream, "sales", "draft", upstream + "-v1\n" + missing, ""),
                DocumentFormat.YAML,
                null,
                null));
        assertThat(warningsOf(downstream)).extracting(Warning::kind).containsExactly(Warning.Kind.UNRESOLVED_INPUT);

        asCarol(() -> catalog.publishProduct(
                upstream,
                product(upstream, "marketing", "deprecated", "", upstream + "-v1")
                        + "customProperties:\n  - property: successor\n    value: sales-orders\n",
                DocumentFormat.YAML,
                null,
                null));

        List<Warning> warnings = warningsOf(downstream);
        assertThat(warnings)
                .extracting(Warning::kind)
                .containsExactlyInAnyOrder(Warning.Kind.UPSTREAM_DEPRECATED, Warning.Kind.UNRESOLVED_INPUT);
        assertThat(warnings)
                .filteredOn(w -> w.kind() == Warning.Kind.UPSTREAM_DEPRECATED)
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.message()).contains("deprecated").contains("successor is sales-orders");
                    assertThat(w.about()).isEqualTo(upstream);
                });
        assertThat(warnings)
                .filteredOn(w -> w.kind() == Warning.Kind.UNRESOLVED_INPUT)
                .singleElement()
                .satisfies(w -> assertThat(w.message()).contains(missing));
    }

    private List<Warning> warningsOf(String id) {
        return asAlice(reviews::myProducts).stream()
                .filter(row -> row.product().id().equals(id))
                .findFirst()
                .orElseThrow()
                .warnings();
    }

    private Void signOff(String id, String comment) {
        reviews.signOff(id, comment);
        return null;
    }

    /** A minimal ODPS document; consumed and provided contracts one per line. */
    private static String product(String id, String team, String status, String consumes, String provides) {
        StringBuilder yaml = new StringBuilder("apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: Product "
                + id + "\nstatus: " + status + "\ndomain: review-tests\nteam:\n  name: " + team + "\n");
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
        if (!provides.isEmpty()) {
            yaml.append("outputPorts:\n  - name: out\n    version: 1.0.0\n    contractId: ")
                    .append(provides)
                    .append('\n');
        }
        return yaml.toString();
    }

    private static String stem(String hint) {
        return "review-" + hint + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    private static <T> T asAlice(Supplier<T> work) {
        return RunAs.user("alice", List.of("sales"), work);
    }

    private static <T> T asBob(Supplier<T> work) {
        return RunAs.user("bob", List.of("marketing"), work);
    }

    private static <T> T asCarol(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }

    private static <T> T asDave(Supplier<T> work) {
        return RunAs.user("dave", List.of(), work);
    }
}

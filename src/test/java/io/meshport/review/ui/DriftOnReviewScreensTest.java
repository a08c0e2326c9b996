package io.meshport.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import io.meshport.catalog.DataProductSummary;
import io.meshport.catalog.ProductStatus;
import io.meshport.lineage.Drift;
import io.meshport.review.OwnedProduct;
import io.meshport.review.ReviewState;
import io.meshport.sla.ComplianceStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * My products marks a drifting product "Lineage drift: n", leading to its lineage, and the review
 * screen lists each item in words with its kind, since when and a link to the upstream product.
 */
class DriftOnReviewScreensTest {

    private static final Instant SINCE = Instant.parse("2026-11-03T09:15:00Z");

    private static final Drift UNSEEN = new Drift(
            Drift.Kind.DECLARED_NOT_OBSERVED,
            "report",
            "orders",
            "Orders",
            "orders-v1",
            null,
            null,
            SINCE,
            "Declared input Orders (contract orders-v1) has not been seen in a run for 21 days.");

    private static final Drift UNDECLARED = new Drift(
            Drift.Kind.OBSERVED_NOT_DECLARED,
            "report",
            "customer-360",
            "Customer 360",
            "profiles-v1",
            "profiles",
            SINCE,
            SINCE,
            "Runs read port 'profiles' of Customer 360 (contract profiles-v1) but no input port declares it.");

    private static OwnedProduct row(List<Drift> drift) {
        return new OwnedProduct(
                new DataProductSummary("report", "Report", "1.0.0", ProductStatus.DRAFT, "sales", "sales", null, SINCE),
                ComplianceStatus.NO_DATA,
                List.of(),
                drift,
                new ReviewState(null, null, null, false));
    }

    @Test
    void my_products_marks_a_drifting_product_with_the_count_leading_to_its_lineage() {
        OwnedProduct drifting = row(List.of(UNSEEN, UNDECLARED));
        Component cell = MyProductsView.nameAndMarks(drifting, List.of());

        assertThat(text(cell)).contains("Report").contains("Lineage drift: 2");
        assertThat(anchors(cell)).extracting(Anchor::getHref).containsExactly("my/report", "products/report/lineage");
        assertThat(anchors(cell).get(1).getElement().getAttribute("title"))
                .contains(UNSEEN.message())
                .contains(UNDECLARED.message());
        assertThat(drifting.needsAttention()).isTrue();
    }

    @Test
    void my_products_shows_no_drift_mark_for_a_product_without_drift() {
        OwnedProduct calm = row(List.of());
        assertThat(text(MyProductsView.nameAndMarks(calm, List.of()))).doesNotContain("drift");
        assertThat(calm.needsAttention()).isFalse();
    }

    @Test
    void the_review_screen_lists_each_drift_item_with_its_kind_in_words_since_when_and_the_upstream() {
        DriftList list = new DriftList(List.of(UNSEEN, UNDECLARED));

        assertThat(text(list))
                .contains("⚠ declared, not seen " + UNSEEN.message() + " Drifting since 3 Nov 2026.")
                .contains("⚠ seen, not declared " + UNDECLARED.message() + " Drifting since 3 Nov 2026.");
        assertThat(anchors(list))
                .extracting(Anchor::getHref)
                .containsExactly("products/orders", "products/customer-360");
        assertThat(anchors(list)).extracting(Anchor::getText).containsExactly("open Orders", "open Customer 360");
    }

    private static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    private static List<Anchor> anchors(Component root) {
        return all(root)
                .filter(Anchor.class::isInstance)
                .map(Anchor.class::cast)
                .toList();
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(DriftOnReviewScreensTest::all));
    }
}

package io.meshport.lineage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import io.meshport.lineage.Drift;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lineage panel's drift notice: each item in a sentence and a way to the review; nothing without drift. */
class DriftNoticeTest {

    private static final Drift UNSEEN = new Drift(
            Drift.Kind.DECLARED_NOT_OBSERVED,
            "report",
            "orders",
            "Orders",
            "orders-v1",
            null,
            null,
            Instant.parse("2026-11-03T09:15:00Z"),
            "Declared input Orders (contract orders-v1) has not been seen in a run for 21 days.");

    @Test
    void a_drifting_product_shows_its_owners_a_notice_with_the_items_and_a_link_to_review_it() {
        DriftNotice notice = new DriftNotice("report");
        notice.show(List.of(UNSEEN), true);

        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(notice.getElement().getTextRecursively())
                .contains("⚠ Lineage drift: 1 item")
                .contains(UNSEEN.message());
        assertThat(notice.getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                .containsExactly("my/report");
        assertThat(notice.getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getText()))
                .containsExactly("Review it");
    }

    @Test
    void anyone_else_is_offered_the_owners_review_to_read_not_asked_to_review_it() {
        DriftNotice notice = new DriftNotice("report");
        notice.show(List.of(UNSEEN), false);
        assertThat(notice.getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getText()))
                .containsExactly("See the owners' review");
    }

    @Test
    void a_product_without_drift_shows_no_notice() {
        DriftNotice notice = new DriftNotice("report");
        notice.show(List.of(), true);
        assertThat(notice.isVisible()).isFalse();
        assertThat(notice.getChildren()).isEmpty();
    }
}

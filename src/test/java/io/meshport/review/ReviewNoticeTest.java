package io.meshport.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.notification.NotificationKind;
import io.meshport.notification.NotificationService;
import io.meshport.notification.NotificationView;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import io.meshport.testing.RunAs;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduled review check tells the owning team of a review due soon and of one overdue, once
 * per due date, through the notification feature: the real path from the job to the bell.
 */
@MeshportTest
class ReviewNoticeTest {

    @Autowired
    ReviewMonitor monitor;

    @Autowired
    CatalogService catalog;

    @Autowired
    NotificationService notifications;

    @Autowired
    JdbcClient jdbc;

    private final String s = "r" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final String team = s + "-team";

    @Test
    void the_scheduled_review_check_tells_the_owning_team_of_reviews_due_and_overdue_once() {
        publishActive(s + "-soon");
        publishActive(s + "-late");
        // As if they had entered the catalog 80 and 100 days ago and never been reviewed (every 90 days).
        enteredDaysAgo(s + "-soon", 80);
        enteredDaysAgo(s + "-late", 100);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        monitor.check();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(told())
                .extracting(NotificationView::message)
                .containsExactlyInAnyOrder(
                        "Review of Product " + s + "-soon is due on " + today.plusDays(10),
                        "Review of Product " + s + "-late is overdue since " + today.minusDays(10)));
        assertThat(told())
                .allSatisfy(notification -> assertThat(notification.kind()).isEqualTo(NotificationKind.REVIEW_DUE));

        monitor.check();
        PendingEvents.awaitHandled(jdbc, s);
        assertThat(told()).hasSize(2);
    }

    private List<NotificationView> told() {
        return RunAs.user(s + "-member", List.of(team), () -> notifications.mine(50));
    }

    /** Published active through the catalog (a contract with a freshness objective), as owners do. */
    private void publishActive(String id) {
        String contract = "apiVersion: v3.1.0\nkind: DataContract\nid: " + id + "-v1\nversion: 1.0.0\nstatus: active\n"
                + "slaProperties:\n  - property: latency\n    value: 1\n    unit: d\n";
        String yaml = "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: Product " + id
                + "\nstatus: active\ndomain: review-tests\ndescription:\n  purpose: Reviewed on a schedule.\n"
                + "team:\n  name: " + team + "\noutputPorts:\n  - name: out\n    version: 1.0.0\n    contractId: " + id
                + "-v1\n";
        RunAs.user(s + "-owner", List.of(team), () -> {
            catalog.publishContract(null, contract, DocumentFormat.YAML, team, null);
            return catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null);
        });
    }

    private void enteredDaysAgo(String id, int days) {
        jdbc.sql("update data_product set created_at = now() - make_interval(days => :days) where id = :id")
                .param("days", days)
                .param("id", id)
                .update();
    }
}

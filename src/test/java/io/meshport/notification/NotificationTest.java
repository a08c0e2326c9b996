package io.meshport.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.ContractVersionPublished;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.ProductStatus;
import io.meshport.catalog.ProductStatusChanged;
import io.meshport.review.ReviewDue;
import io.meshport.sla.SlaBreached;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import io.meshport.testing.RunAs;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications through the public face: what each team is told, stored once per event, read per
 * user. Teams carry a random stem, as tests share one database.
 */
@MeshportTest
class NotificationTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    NotificationService notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NotificationListeners listeners;

    @Autowired
    TransactionTemplate transactions;

    private final String s = "n" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private final String sales = s + "-sales";
    private final String marketing = s + "-marketing";

    @Test
    void deprecating_an_upstream_product_tells_the_downstream_team_once_and_not_the_owner() {
        upstreamAndDownstream();
        deprecateUpstream();

        List<NotificationView> told = asMarketing("mia", () -> notifications.mine(50));
        assertThat(told).singleElement().satisfies(notification -> {
            assertThat(notification.kind()).isEqualTo(NotificationKind.UPSTREAM_DEPRECATED);
            assertThat(notification.productId()).isEqualTo(s + "-b");
            assertThat(notification.message())
                    .isEqualTo("Orders " + s + ", which Customers " + s + " reads, is now deprecated (successor: " + s
                            + "-a2)");
            assertThat(notification.link()).isEqualTo("products/" + s + "-b");
            assertThat(notification.read()).isFalse();
        });
        assertThat(asMarketing("mia", notifications::unreadCount)).isEqualTo(1);
        assertThat(asSales(() -> notifications.mine(50))).isEmpty();

        // The same change delivered again (a republish with the same status) stores nothing new.
        deprecateUpstream();
        assertThat(asMarketing("mia", () -> notifications.mine(50))).hasSize(1);
    }

    @Test
    void read_state_is_kept_per_user() {
        upstreamAndDownstream();
        deprecateUpstream();
        long id = asMarketing("mia", () -> notifications.mine(50)).getFirst().id();

        asMarketing("mia", () -> {
            notifications.markRead(id);
            return null;
        });

        assertThat(asMarketing("mia", notifications::unreadCount)).isZero();
        assertThat(asMarketing("mia", () -> notifications.mine(50)).getFirst().read())
                .isTrue();
        assertThat(asMarketing("max", notifications::unreadCount)).isEqualTo(1);
        assertThat(asMarketing("max", () -> notifications.mine(50)).getFirst().read())
                .isFalse();

        asMarketing("max", () -> {
            notifications.markAllRead();
            return null;
        });
        assertThat(asMarketing("max", notifications::unreadCount)).isZero();
    }

    @Test
    void marking_another_teams_notification_read_is_refused() {
        upstreamAndDownstream();
        deprecateUpstream();
        long id = asMarketing("mia", () -> notifications.mine(50)).getFirst().id();

        assertThatThrownBy(() -> asSales(() -> {
                    notifications.markRead(id);
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
        // An admin is not a member of marketing either.
        assertThatThrownBy(() -> RunAs.user(s + "-carol", List.of("mesh-admins"), () -> {
                    notifications.markRead(id);
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(asMarketing("mia", notifications::unreadCount)).isEqualTo(1);
    }

    @Test
    void a_user_without_a_team_has_no_notifications() {
        upstreamAndDownstream();
        deprecateUpstream();

        assertThat(RunAs.user("dave", List.of(), () -> notifications.mine(50))).isEmpty();
        assertThat(RunAs.user("dave", List.of(), notifications::unreadCount)).isZero();
    }

    @Test
    void every_kind_of_notice_handled_twice_at_once_is_stored_once() throws Exception {
        // As two nodes would: each event handled twice at the same moment, each time in a
        // transaction of its own (a scheduled check run on both nodes, or a retried event that
        // another node is still handling). Called on the listener itself, so both run now.
        upstreamAndDownstream();
        PendingEvents.awaitHandled(jdbc, s);
        NotificationListeners target = AopTestUtils.getUltimateTargetObject(listeners);
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        List<Runnable> handlings = List.of(
                () -> target.on(new ReviewDue(s + "-a", "Orders " + s, sales, LocalDate.of(2027, 2, 20), false)),
                () -> target.on(new SlaBreached(s + "-a", "out0", "freshness ≤ 1 h", "last update 2 h ago", at)),
                () -> target.on(new ContractVersionPublished(
                        s + "-a-v1",
                        "Orders contract",
                        sales,
                        "1.1.0",
                        "1.0.0",
                        false,
                        List.of("Added property orders.note"),
                        "Alice Andersen",
                        7,
                        List.of(new ContractVersionPublished.Consumer(marketing, s + "-b", "Customers " + s, null)))),
                () -> target.on(new ProductStatusChanged(
                        s + "-a", "Orders " + s, ProductStatus.ACTIVE, ProductStatus.DEPRECATED, null, "Alice")));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> nodes = List.of("a", "b").stream()
                .map(node -> CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    handlings.forEach(handling -> transactions.executeWithoutResult(status -> handling.run()));
                }))
                .toList();
        start.countDown();
        for (CompletableFuture<Void> node : nodes) {
            node.get();
        }

        assertThat(asSales(() -> notifications.mine(50)))
                .extracting(NotificationView::kind)
                .containsExactlyInAnyOrder(NotificationKind.REVIEW_DUE, NotificationKind.SLA_BREACHED);
        assertThat(asMarketing("mia", () -> notifications.mine(50)))
                .extracting(NotificationView::kind)
                .containsExactlyInAnyOrder(NotificationKind.CONTRACT_CHANGED, NotificationKind.UPSTREAM_DEPRECATED);
    }

    // ------------------------------------------------------------------ helpers

    /** A (owned by sales) provides a contract that B (owned by marketing) reads. */
    private void upstreamAndDownstream() {
        publish(
                s + "-a",
                "Orders " + s,
                sales,
                "draft",
                "",
                "outputPorts:\n  - name: out0\n    version: 1.0.0\n    contractId: " + s + "-a-v1\n");
        publish(
                s + "-b",
                "Customers " + s,
                marketing,
                "draft",
                "",
                "inputPorts:\n  - name: in0\n    version: 1.0.0\n    contractId: " + s + "-a-v1\n");
    }

    private void deprecateUpstream() {
        publish(
                s + "-a",
                "Orders " + s,
                sales,
                "deprecated",
                "customProperties:\n  - property: successor\n    value: " + s + "-a2\n",
                "outputPorts:\n  - name: out0\n    version: 1.0.0\n    contractId: " + s + "-a-v1\n");
        // Listeners run after commit on a thread of their own: wait until they are done with it.
        PendingEvents.awaitHandled(jdbc, s);
    }

    private void publish(String id, String name, String team, String status, String extra, String ports) {
        String yaml = "apiVersion: v1.0.0\nkind: DataProduct\nid: " + id + "\nname: \"" + name + "\"\nstatus: " + status
                + "\ndomain: notification-tests\nteam:\n  name: " + team + "\n" + extra + ports;
        // Published by a member of the owning team; the listener hears of it later, on a thread with no caller.
        RunAs.user(
                s + "-owner", List.of(team), () -> catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null));
    }

    private <T> T asSales(java.util.function.Supplier<T> work) {
        return RunAs.user(s + "-sam", List.of(sales), work);
    }

    private <T> T asMarketing(String who, java.util.function.Supplier<T> work) {
        return RunAs.user(s + "-" + who, List.of(marketing), work);
    }
}

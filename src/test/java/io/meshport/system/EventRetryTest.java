package io.meshport.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshport.catalog.ProductStatus;
import io.meshport.catalog.ProductStatusChanged;
import io.meshport.review.ReviewDue;
import io.meshport.sla.SlaBreached;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

/** An event whose listener fails is kept in the publication registry and handled when retried. */
@MeshportTest
class EventRetryTest {

    @Autowired
    EventRetry retry;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventSerializer serializer;

    @Test
    void a_failing_listeners_event_stays_incomplete_and_is_handled_by_the_retry() {
        String id = "flaky-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        FlakyListener.failing.set(true);
        try {
            transactions.executeWithoutResult(status -> events.publishEvent(new FlakyListener.Happened(id)));

            await().atMost(Duration.ofSeconds(30)).until(() -> FlakyListener.attempts.contains(id));
            await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(id)));
            assertThat(PendingEvents.pending(jdbc, id)).isEqualTo(1);
            assertThat(FlakyListener.handled).doesNotContain(id);
        } finally {
            FlakyListener.failing.set(false);
        }

        // What the scheduled retry does, without waiting for the publication to be a minute old.
        retry.resubmitOlderThan(Duration.ZERO);

        await().atMost(Duration.ofSeconds(30)).until(() -> FlakyListener.handled.contains(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> PendingEvents.pending(jdbc, id) == 0);
        assertThat(FlakyListener.handled.stream().filter(id::equals)).hasSize(1);
    }

    @Test
    void a_publication_still_being_handled_perhaps_by_another_node_is_not_resubmitted() {
        String id = "busy-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        FlakyListener.failing.set(true);
        try {
            transactions.executeWithoutResult(status -> events.publishEvent(new FlakyListener.Happened(id)));
            await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(id)));
        } finally {
            FlakyListener.failing.set(false);
        }
        // As if another node had taken it up and were at it still.
        jdbc.sql("update event_publication set status = 'PROCESSING' where serialized_event like :id")
                .param("id", "%" + id + "%")
                .update();

        retry.resubmitOlderThan(Duration.ZERO);

        // Resubmitting claims a publication (status RESUBMITTED) before handing it to its listener.
        assertThat(status(id)).isEqualTo("PROCESSING");
        assertThat(FlakyListener.attempts.stream().filter(id::equals)).hasSize(1);

        // Given up by that node (its listener failed, or it was found stale): the next round takes it.
        jdbc.sql("update event_publication set status = 'FAILED' where serialized_event like :id")
                .param("id", "%" + id + "%")
                .update();
        retry.resubmitOlderThan(Duration.ZERO);
        await().atMost(Duration.ofSeconds(30)).until(() -> FlakyListener.handled.contains(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> PendingEvents.pending(jdbc, id) == 0);
    }

    @Test
    void an_event_whose_listener_succeeds_leaves_nothing_behind() {
        String id = "steady-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        transactions.executeWithoutResult(status -> events.publishEvent(new FlakyListener.Happened(id)));

        await().atMost(Duration.ofSeconds(30)).until(() -> FlakyListener.handled.contains(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> PendingEvents.pending(jdbc, id) == 0);
    }

    @Test
    void the_events_between_modules_read_back_from_the_registry_as_they_were_published() {
        List<Object> published = List.of(
                new ProductStatusChanged(
                        "p", "Product", ProductStatus.ACTIVE, ProductStatus.DEPRECATED, "p2", "Alice Andersen"),
                new SlaBreached(
                        "p", "out", "freshness ≤ 1 h", "last update 2 h ago", Instant.parse("2026-11-22T10:00:00Z")),
                new ReviewDue("p", "Product", "sales", LocalDate.of(2027, 2, 20), true));
        for (Object event : published) {
            Object stored = serializer.serialize(event);
            assertThat(serializer.deserialize(stored, event.getClass())).isEqualTo(event);
        }
    }

    private String status(String id) {
        return jdbc.sql("select max(status) from event_publication where serialized_event like :id")
                .param("id", "%" + id + "%")
                .query(String.class)
                .single();
    }
}

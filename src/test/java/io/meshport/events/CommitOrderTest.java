package io.meshport.events;

import static io.meshport.events.Feed.about;
import static io.meshport.events.Feed.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.meshport.catalog.ContractVersionPublished;
import io.meshport.testing.MeshportTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two transactions announce events at the same time and commit in the opposite order: a poller
 * that has read the one committed first still finds the other after it, never behind its cursor.
 */
@MeshportTest
class CommitOrderTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void an_event_announced_first_but_committed_last_comes_after_the_cursor_of_a_poller() throws Exception {
        String start = Feed.tail("carol");
        String early = "events-early-" + UUID.randomUUID();
        String late = "events-late-" + UUID.randomUUID();
        CountDownLatch earlyAnnounced = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);

        // Announces first (in the naive design it would take the lower position), commits last.
        CompletableFuture<Void> slow =
                CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    events.publishEvent(version(early));
                    earlyAnnounced.countDown();
                    await(mayCommit);
                }));
        assertThat(earlyAnnounced.await(30, TimeUnit.SECONDS)).isTrue();
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(version(late)));

        List<CloudEvent> seen = Feed.after("carol", start, 100);
        assertThat(about(seen, late)).hasSize(1);
        assertThat(about(seen, early)).as("not committed yet").isEmpty();
        String cursor = seen.getLast().getId();

        mayCommit.countDown();
        slow.get(30, TimeUnit.SECONDS);

        List<CloudEvent> next = Feed.after("carol", cursor, 100);
        assertThat(about(next, early))
                .as("the late commit is after the poller's cursor")
                .hasSize(1);
        List<CloudEvent> all = Feed.after("carol", start, 100);
        assertThat(ids(all)).doesNotHaveDuplicates();
        assertThat(all.stream()
                        .map(CloudEvent::getSubject)
                        .filter(s -> s.equals(early) || s.equals(late))
                        .toList())
                .as("in commit order")
                .containsExactly(late, early);
    }

    @Test
    void many_writers_at_once_each_get_their_events_once() throws Exception {
        String start = Feed.tail("carol");
        String stem = "events-many-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<CompletableFuture<Void>> writers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = stem + i;
            writers.add(CompletableFuture.runAsync(
                    () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                        events.publishEvent(version(id));
                        events.publishEvent(version(id));
                    })));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<CloudEvent> mine = Feed.after("carol", start, 100).stream()
                .filter(e -> e.getSubject().startsWith(stem))
                .toList();
        assertThat(mine).hasSize(16);
        for (int i = 0; i < 16; i += 2) {
            assertThat(mine.get(i).getSubject())
                    .as("a transaction's events are next to each other")
                    .isEqualTo(mine.get(i + 1).getSubject());
        }
    }

    private static ContractVersionPublished version(String contractId) {
        return new ContractVersionPublished(
                contractId, "Orders", "sales", "2.0.0", "1.0.0", true, List.of("Removed property id"), "alice");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

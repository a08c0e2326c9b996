package io.meshport.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshport.testing.MeshportTest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    @Test
    void a_failing_listeners_event_stays_incomplete_and_is_handled_by_the_retry() {
        String id = "flaky-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        FlakyListener.failing.set(true);
        try {
            transactions.executeWithoutResult(status -> events.publishEvent(new FlakyListener.Happened(id)));

            await().atMost(Duration.ofSeconds(30)).until(() -> FlakyListener.attempts.contains(id));
            await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(id)));
            assertThat(pending(id)).isEqualTo(1);
            assertThat(FlakyListener.handled).doesNotContain(id);
        } finally {
            FlakyListener.failing.set(false);
        }

        // What the scheduled retry does, without waiting for the publication to be a minute old.
        retry.resubmitOlderThan(Duration.ZERO);

        await().atMost(Duration.ofSeconds(30)).until(() -> FlakyListener.handled.contains(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(id) == 0);
        assertThat(FlakyListener.handled.stream().filter(id::equals)).hasSize(1);
    }

    @Test
    void an_event_whose_listener_succeeds_leaves_nothing_behind() {
        String id = "steady-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        transactions.executeWithoutResult(status -> events.publishEvent(new FlakyListener.Happened(id)));

        await().atMost(Duration.ofSeconds(30)).until(() -> FlakyListener.handled.contains(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(id) == 0);
    }

    private long pending(String id) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and serialized_event like :id")
                .param("id", "%" + id + "%")
                .query(Long.class)
                .single();
    }

    private String status(String id) {
        return jdbc.sql("select max(status) from event_publication where serialized_event like :id")
                .param("id", "%" + id + "%")
                .query(String.class)
                .single();
    }
}

package io.meshport.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Listeners hear of events after the writing transaction commits, on threads of their own; the
 * event publication registry holds each event until its listener has finished. A test that checks
 * what a listener did waits here first, for the events that name its test data.
 */
public final class PendingEvents {

    private PendingEvents() {}

    /** Waits (up to 30 s) until no event whose content contains {@code text} awaits a listener. */
    public static void awaitHandled(JdbcClient jdbc, String text) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(jdbc, text), pending -> pending == 0);
    }

    /** How many events whose content contains {@code text} a listener has not finished with. */
    public static long pending(JdbcClient jdbc, String text) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and serialized_event like :text")
                .param("text", "%" + text + "%")
                .query(Long.class)
                .single();
    }
}

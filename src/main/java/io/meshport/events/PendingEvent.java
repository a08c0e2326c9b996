package io.meshport.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event of the feed before it is stored: its CloudEvents attributes, its data as JSON text and
 * who may read it.
 *
 * @param readers the teams that may read it besides governance; null for every signed-in caller
 */
record PendingEvent(
        UUID id,
        String type,
        String source,
        String subject,
        Instant time,
        String data,
        @Nullable List<String> readers) {

    PendingEvent {
        readers = readers == null ? null : List.copyOf(readers);
    }
}

package io.meshport.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's event feed, as a caller may read it: governance every event; anyone else the
 * events of agreements of its teams (as provider or consumer) and every product and contract
 * event, since the catalog is open to every signed-in user.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class EventFeed {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final String DATA_CONTENT_TYPE = "application/json";

    private final FeedStore store;
    private final CurrentIdentity currentIdentity;

    EventFeed(FeedStore store, CurrentIdentity currentIdentity) {
        this.store = store;
        this.currentIdentity = currentIdentity;
    }

    /**
     * The events the caller may read after the event {@code after} (from the start when null),
     * oldest first, at most {@code limit}. The position of {@code after} is looked up among all
     * events, so a cursor stays valid whatever the caller may read; an id the feed never held is
     * refused rather than read as "from the start" or "nothing more", either of which would let a
     * mistyped cursor replay the whole feed or silently stop it.
     *
     * @throws InvalidFeedRequestException {@code after} is no event's id, or {@code limit} is not
     *     between 1 and {@value #MAX_LIMIT}
     */
    public List<CloudEvent> after(@Nullable UUID after, int limit) {
        Identity caller = currentIdentity.require();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFeedRequestException(
                    "/limit", "limit must be between 1 and " + MAX_LIMIT + "; it is " + limit + ".");
        }
        long position = after == null
                ? 0
                : store.positionOf(after)
                        .orElseThrow(() -> new InvalidFeedRequestException(
                                "/after",
                                "No event has the id " + after
                                        + ". Pass the id of the last event you read, or leave after out to"
                                        + " read from the first event."));
        return store.after(position, limit, caller.admin() ? null : caller.teams()).stream()
                .map(EventFeed::cloudEvent)
                .toList();
    }

    private static CloudEvent cloudEvent(FeedStore.Stored event) {
        return CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withSource(URI.create(event.source()))
                .withType(event.type())
                .withSubject(event.subject())
                .withTime(event.time())
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(event.data().getBytes(StandardCharsets.UTF_8))
                .build();
    }
}

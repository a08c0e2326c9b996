package io.meshport.events.api;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.meshport.events.EventFeed;
import io.meshport.events.InvalidFeedRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's event feed over REST: a JSON array of CloudEvents 1.0 in structured mode (the
 * CloudEvents JSON batch format), written by the CloudEvents library's own JSON format.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Events", description = "The platform's event feed (CloudEvents 1.0)")
@SecurityRequirement(name = "bearer")
class EventsApi {

    static final String BATCH = "application/cloudevents-batch+json";
    private static final JsonFormat FORMAT = new JsonFormat();

    private final EventFeed feed;

    EventsApi(EventFeed feed) {
        this.feed = feed;
    }

    @Operation(
            summary = "Read the platform's event feed",
            description = "CloudEvents 1.0 (JSON, structured mode) the caller may read, oldest first, after the"
                    + " event whose id is `after` (from the first event without it), at most `limit` (default "
                    + EventFeed.DEFAULT_LIMIT + ", at most " + EventFeed.MAX_LIMIT + "). Events are in commit"
                    + " order and never appear behind one already served: poll with the id of the last event"
                    + " read. A page shorter than `limit` means the caller has caught up. The `Link` header"
                    + " (rel=next) is the request to send next. Governance reads every event; anyone else the"
                    + " events of its teams' agreements (as provider or consumer) and every product and"
                    + " contract event. An `after` that is no event's id is a 400.")
    @GetMapping(
            value = "/events",
            produces = {BATCH, "application/json"})
    ResponseEntity<byte[]> events(
            @Parameter(description = "the id of the last event read") @RequestParam(required = false) @Nullable
                    String after,
            @Parameter(description = "how many events at most (1 to 1000; default 100)")
                    @RequestParam(required = false)
                    @Nullable
                    String limit) {
        UUID cursor = cursor(after);
        int size = size(limit);
        List<CloudEvent> events = feed.after(cursor, size);
        String next = events.isEmpty()
                ? (cursor == null ? null : cursor.toString())
                : events.getLast().getId();
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, "<" + nextPath(next, size) + ">; rel=\"next\"")
                .body(batch(events));
    }

    private static @Nullable UUID cursor(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        String text = after.strip();
        // UUID.fromString accepts short forms such as 1-2-3-4-5; an event id never looks like that.
        if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new InvalidFeedRequestException(
                    "/after",
                    "after must be the id of an event (a UUID), as the feed gave it; it is '" + shortened(text) + "'.");
        }
        return UUID.fromString(text);
    }

    private static int size(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return EventFeed.DEFAULT_LIMIT;
        }
        String text = limit.strip();
        if (!text.matches("\\d{1,9}")) {
            throw new InvalidFeedRequestException(
                    "/limit",
                    "limit must be a whole number between 1 and " + EventFeed.MAX_LIMIT + "; it is '" + shortened(text)
                            + "'.");
        }
        return Integer.parseInt(text);
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private static String nextPath(@Nullable String after, int limit) {
        return "/api/v1/events?" + (after == null ? "" : "after=" + after + "&") + "limit=" + limit;
    }

    /** The CloudEvents JSON batch format: an array of events, each as the library writes it. */
    private static byte[] batch(List<CloudEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(FORMAT.serialize(events.get(i)));
        }
        out.write(']');
        return out.toByteArray();
    }
}

package io.meshport.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.meshport.testing.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the feed as a platform would, through {@code GET /api/v1/events}, and parses every event
 * back with the CloudEvents library, which refuses anything that is not a valid CloudEvent.
 */
final class Feed {

    static final JsonFormat FORMAT = new JsonFormat();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Feed() {}

    /** One page: the response and its events, parsed. */
    record Page(Api.Response response, List<CloudEvent> events) {}

    static Page page(String user, @Nullable String after, int limit) {
        Api.Response response = Api.as(user)
                .get("/api/v1/events?" + (after == null ? "" : "after=" + after + "&") + "limit=" + limit, "*/*");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new Page(response, parse(response.body()));
    }

    /** Every event after the cursor the user may read, walked in pages of {@code limit}. */
    static List<CloudEvent> after(String user, @Nullable String after, int limit) {
        List<CloudEvent> all = new ArrayList<>();
        String cursor = after;
        while (true) {
            List<CloudEvent> events = page(user, cursor, limit).events();
            all.addAll(events);
            if (events.size() < limit) {
                return all;
            }
            cursor = events.getLast().getId();
        }
    }

    /** The id of the newest event the user may read: where a test starts reading. */
    static @Nullable String tail(String user) {
        List<CloudEvent> all = after(user, null, 1000);
        return all.isEmpty() ? null : all.getLast().getId();
    }

    /** Those of the events about the subject. */
    static List<CloudEvent> about(List<CloudEvent> events, String subject) {
        return events.stream().filter(e -> subject.equals(e.getSubject())).toList();
    }

    static List<String> types(List<CloudEvent> events) {
        return events.stream().map(CloudEvent::getType).toList();
    }

    static List<String> ids(List<CloudEvent> events) {
        return events.stream().map(CloudEvent::getId).toList();
    }

    static JsonNode data(CloudEvent event) {
        assertThat(event.getData()).isNotNull();
        return JSON.readTree(event.getData().toBytes());
    }

    static List<CloudEvent> parse(String body) {
        JsonNode array = JSON.readTree(body);
        assertThat(array.isArray()).as(body).isTrue();
        List<CloudEvent> events = new ArrayList<>();
        for (JsonNode element : array) {
            events.add(FORMAT.deserialize(element.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return events;
    }
}

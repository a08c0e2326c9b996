package io.meshport.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code platform_event} table (V0017). */
@Component
class FeedStore {

    /** "MeshEvnt": held from the moment a transaction's events get their positions until it ends. */
    private static final long APPEND_LOCK = 0x4d65_7368_4576_6e74L;

    /** An event as stored, with its position in the feed. */
    record Stored(
            long position, UUID id, String type, String source, String subject, OffsetDateTime time, String data) {}

    private final JdbcClient jdbc;

    FeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits until no other transaction is appending, and keeps others waiting until this one has
     * committed or rolled back: so positions are taken in commit order (decision 0023).
     */
    void lockForAppend() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", APPEND_LOCK)
                .query()
                .singleValue();
    }

    void append(Collection<PendingEvent> events) {
        for (PendingEvent event : events) {
            jdbc.sql("""
                            insert into platform_event (id, type, source, subject, occurred_at, data, readers)
                            values (:id, :type, :source, :subject, :time, cast(:data as json), cast(:readers as text[]))
                            """)
                    .param("id", event.id())
                    .param("type", event.type())
                    .param("source", event.source())
                    .param("subject", event.subject())
                    .param("time", OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                    .param("data", event.data())
                    .param(
                            "readers",
                            event.readers() == null ? null : event.readers().toArray(String[]::new))
                    .update();
        }
    }

    /** The position of the event with this id. */
    Optional<Long> positionOf(UUID id) {
        return jdbc.sql("select position from platform_event where id = :id")
                .param("id", id)
                .query(Long.class)
                .optional();
    }

    /**
     * The events after {@code position}, oldest first, that the given teams may read (every event
     * when {@code teams} is null: governance).
     */
    List<Stored> after(long position, int limit, @Nullable Collection<String> teams) {
        return jdbc.sql("""
                        select position, id, type, source, subject, occurred_at, data::text as data
                          from platform_event
                         where position > :after
                           and (:all or readers is null or readers && cast(:teams as text[]))
                         order by position
                         limit :limit
                        """)
                .param("after", position)
                .param("all", teams == null)
                .param("teams", teams == null ? new String[0] : teams.toArray(String[]::new))
                .param("limit", limit)
                .query(FeedStore::stored)
                .list();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getLong("position"),
                rs.getObject("id", UUID.class),
                rs.getString("type"),
                rs.getString("source"),
                rs.getString("subject"),
                rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("data"));
    }
}

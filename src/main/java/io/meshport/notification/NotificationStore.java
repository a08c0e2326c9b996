package io.meshport.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification tables, read and written with plain SQL. */
@Repository
class NotificationStore {

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notification unless one with the same dedup key exists; true when stored. */
    boolean add(
            String team,
            NotificationKind kind,
            String productId,
            String message,
            String link,
            Instant at,
            String dedupKey) {
        return jdbc.sql("""
                        insert into notification (team, kind, product_id, message, link, created_at, dedup_key)
                        values (:team, :kind, :productId, :message, :link, :at, :dedupKey)
                        on conflict (dedup_key) do nothing
                        """)
                        .param("team", team)
                        .param("kind", kind.name())
                        .param("productId", productId)
                        .param("message", message)
                        .param("link", link)
                        .param("at", java.sql.Timestamp.from(at))
                        .param("dedupKey", dedupKey)
                        .update()
                == 1;
    }

    List<NotificationView> forTeams(Collection<String> teams, long userId, int limit) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select n.id, n.team, n.kind, n.product_id, n.message, n.link, n.created_at,
                               r.user_id is not null as read
                          from notification n
                          left join notification_read r on r.notification_id = n.id and r.user_id = :userId
                         where n.team in (:teams)
                         order by n.created_at desc, n.id desc
                         limit :limit
                        """)
                .param("teams", teams)
                .param("userId", userId)
                .param("limit", limit)
                .query((rs, row) -> new NotificationView(
                        rs.getLong("id"),
                        rs.getString("team"),
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("product_id"),
                        rs.getString("message"),
                        rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getBoolean("read")))
                .list();
    }

    long unread(Collection<String> teams, long userId) {
        if (teams.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from notification n
                         where n.team in (:teams)
                           and not exists (select 1 from notification_read r
                                            where r.notification_id = n.id and r.user_id = :userId)
                        """)
                .param("teams", teams)
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    Optional<String> teamOf(long id) {
        return jdbc.sql("select team from notification where id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    void markRead(long id, long userId, Instant at) {
        jdbc.sql("""
                        insert into notification_read (notification_id, user_id, read_at)
                        values (:id, :userId, :at)
                        on conflict do nothing
                        """)
                .param("id", id)
                .param("userId", userId)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    void markAllRead(Collection<String> teams, long userId, Instant at) {
        if (teams.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into notification_read (notification_id, user_id, read_at)
                        select n.id, :userId, :at from notification n where n.team in (:teams)
                        on conflict do nothing
                        """)
                .param("teams", teams)
                .param("userId", userId)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }
}

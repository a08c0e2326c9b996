package io.meshport.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people and pipelines that have used the portal, keyed by issuer and subject. The portal
 * keeps no passwords; this is a record of who acted, so that history can name them.
 */
@Service
public class UserDirectory {

    /** A user seen again within this time is not written again: API calls come in bursts. */
    private static final Duration REFRESH_AFTER = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();

    UserDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records (or refreshes) the user, returning its id in the directory. */
    @Transactional
    public long record(Identity identity) {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into app_user (issuer, subject, username, display_name, teams, first_seen, last_seen)
                        values (:issuer, :subject, :username, :displayName, :teams, :now, :now)
                        on conflict (issuer, subject) do update
                           set username = excluded.username,
                               display_name = excluded.display_name,
                               teams = excluded.teams,
                               last_seen = excluded.last_seen
                        returning id
                        """)
                .param("issuer", identity.issuer())
                .param("subject", identity.subject())
                .param("username", identity.username())
                .param("displayName", identity.displayName())
                .param("teams", identity.teams().toArray(String[]::new))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(Long.class)
                .single();
        lastRecorded.put(key(identity), now);
        return id;
    }

    /** Records the user unless it was recorded a short while ago. */
    void recordSeen(Identity identity) {
        Instant last = lastRecorded.get(key(identity));
        if (last == null || last.plus(REFRESH_AFTER).isBefore(clock.instant())) {
            record(identity);
        }
    }

    private static String key(Identity identity) {
        return identity.issuer() + '\n' + identity.subject();
    }
}

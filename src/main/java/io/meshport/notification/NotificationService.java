package io.meshport.notification;

import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import io.meshport.identity.UserDirectory;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way into notifications. Each caller sees the notifications of their own teams (admins
 * included: governance is not told about every team's affairs) with their own read state.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class NotificationService {

    /** The most notifications {@link #mine(int)} returns. */
    public static final int MAX_LIMIT = 200;

    private final NotificationStore store;
    private final CurrentIdentity currentIdentity;
    private final UserDirectory users;
    private final Clock clock;

    NotificationService(NotificationStore store, CurrentIdentity currentIdentity, UserDirectory users, Clock clock) {
        this.store = store;
        this.currentIdentity = currentIdentity;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The caller's teams' notifications, newest first, each with the caller's read flag. Not
     * read-only: the caller's directory entry, which read state refers to, is recorded on the way.
     */
    @Transactional
    public List<NotificationView> mine(int limit) {
        Identity identity = currentIdentity.require();
        if (identity.teams().isEmpty()) {
            return List.of();
        }
        return store.forTeams(identity.teams(), users.record(identity), Math.clamp(limit, 1, MAX_LIMIT));
    }

    @Transactional
    public long unreadCount() {
        Identity identity = currentIdentity.require();
        if (identity.teams().isEmpty()) {
            return 0;
        }
        return store.unread(identity.teams(), users.record(identity));
    }

    /**
     * Marks the notification read for the caller.
     *
     * @throws AccessDeniedException when it is not a notification of one of the caller's teams
     *     (or there is none with that id: the caller need not learn which)
     */
    @Transactional
    public void markRead(long id) {
        Identity identity = currentIdentity.require();
        String team = store.teamOf(id).orElse(null);
        if (team == null || !identity.isMemberOf(team)) {
            throw new AccessDeniedException("Not a notification of your teams.");
        }
        store.markRead(id, users.record(identity), clock.instant());
    }

    @Transactional
    public void markAllRead() {
        Identity identity = currentIdentity.require();
        if (!identity.teams().isEmpty()) {
            store.markAllRead(identity.teams(), users.record(identity), clock.instant());
        }
    }
}

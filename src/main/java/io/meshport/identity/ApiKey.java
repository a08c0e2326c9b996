package io.meshport.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A team's API key as anyone may see it: never its secret, only the first characters of it
 * ({@code prefix}), by which a person recognises the key in a list or a secret store.
 *
 * @param state at the time it was read
 */
public record ApiKey(
        UUID id,
        String name,
        String team,
        String prefix,
        Instant createdAt,
        String createdBy,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt,
        @Nullable String revokedBy,
        ApiKeyState state) {

    /** The name the key acts under in the portal's history, e.g. {@code key:sales/airflow}. */
    public String username() {
        return username(team, name);
    }

    static String username(String team, String name) {
        return "key:" + team + "/" + name;
    }

    static String displayName(String team, String name) {
        return "API key '" + name + "' of " + team;
    }
}

package io.meshport.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_key} table (V0019): keys by id, by the digest of their secret, by team. */
@Repository
class ApiKeyStore {

    private static final String COLUMNS = """
            id, name, team, prefix, created_at, created_by_name, expires_at, last_used_at, revoked_at,
            revoked_by_name""";

    /** A row as stored; its state depends on when it is asked. */
    record StoredKey(
            UUID id,
            String name,
            String team,
            String prefix,
            Instant createdAt,
            String createdBy,
            @Nullable Instant expiresAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt,
            @Nullable String revokedBy) {

        ApiKeyState state(Instant now) {
            if (revokedAt != null) {
                return ApiKeyState.REVOKED;
            }
            return expiresAt != null && !now.isBefore(expiresAt) ? ApiKeyState.EXPIRED : ApiKeyState.ACTIVE;
        }

        ApiKey at(Instant now) {
            return new ApiKey(
                    id,
                    name,
                    team,
                    prefix,
                    createdAt,
                    createdBy,
                    expiresAt,
                    lastUsedAt,
                    revokedAt,
                    revokedBy,
                    state(now));
        }
    }

    private final JdbcClient jdbc;

    ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            String name,
            String team,
            byte[] secretHash,
            String prefix,
            Instant createdAt,
            long createdBy,
            String createdByName,
            @Nullable Instant expiresAt) {
        jdbc.sql("""
                        insert into api_key (id, name, team, secret_hash, prefix, created_at, created_by,
                                             created_by_name, expires_at)
                        values (:id, :name, :team, :hash, :prefix, :createdAt, :createdBy, :createdByName,
                                :expiresAt)
                        """)
                .param("id", id)
                .param("name", name)
                .param("team", team)
                .param("hash", secretHash)
                .param("prefix", prefix)
                .param("createdAt", utc(createdAt))
                .param("createdBy", createdBy)
                .param("createdByName", createdByName)
                .param("expiresAt", expiresAt == null ? null : utc(expiresAt))
                .update();
    }

    Optional<StoredKey> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from api_key where id = :id")
                .param("id", id)
                .query(ApiKeyStore::row)
                .optional();
    }

    /** The key whose secret has this digest: one look-up in a unique index, whatever the secret. */
    Optional<StoredKey> findBySecretHash(byte[] hash) {
        return jdbc.sql("select " + COLUMNS + " from api_key where secret_hash = :hash")
                .param("hash", hash)
                .query(ApiKeyStore::row)
                .optional();
    }

    /** Whether the team has a key of this name (ignoring case) that is not revoked. */
    boolean nameTaken(String team, String name) {
        return jdbc.sql("""
                        select exists (select 1 from api_key
                                        where team = :team and lower(name) = lower(:name) and revoked_at is null)
                        """)
                .param("team", team)
                .param("name", name)
                .query(Boolean.class)
                .single();
    }

    /** Keys of these teams (null: of all teams), newest first. */
    List<StoredKey> list(@Nullable Collection<String> teams, int offset, int limit) {
        if (teams != null && teams.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from api_key"
                        + (teams == null ? "" : " where team = any(:teams)")
                        + " order by created_at desc, id limit :limit offset :offset")
                .param("teams", teams == null ? new String[0] : teams.toArray(String[]::new))
                .param("limit", limit)
                .param("offset", offset)
                .query(ApiKeyStore::row)
                .list();
    }

    long count(@Nullable Collection<String> teams) {
        if (teams != null && teams.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from api_key" + (teams == null ? "" : " where team = any(:teams)"))
                .param("teams", teams == null ? new String[0] : teams.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    /** Revokes the key unless it is revoked already; whether this call revoked it. */
    boolean revoke(UUID id, Instant at, long by, String byName) {
        return jdbc.sql("""
                        update api_key set revoked_at = :at, revoked_by = :by, revoked_by_name = :byName
                         where id = :id and revoked_at is null
                        """)
                        .param("id", id)
                        .param("at", utc(at))
                        .param("by", by)
                        .param("byName", byName)
                        .update()
                == 1;
    }

    /**
     * Records a use, unless one at or after {@code notBefore} is recorded already (another
     * request, or another node, was first): the condition keeps concurrent requests to one write.
     */
    void recordUse(UUID id, Instant at, Instant notBefore) {
        jdbc.sql("""
                        update api_key set last_used_at = :at
                         where id = :id and (last_used_at is null or last_used_at < :notBefore)
                        """)
                .param("id", id)
                .param("at", utc(at))
                .param("notBefore", utc(notBefore))
                .update();
    }

    private static StoredKey row(ResultSet rs, int row) throws SQLException {
        return new StoredKey(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("team"),
                rs.getString("prefix"),
                instant(rs, "created_at"),
                rs.getString("created_by_name"),
                instant(rs, "expires_at"),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"),
                rs.getString("revoked_by_name"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

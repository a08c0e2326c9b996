package io.meshport.testing;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Team API keys for tests, created through the real API as a pipeline's owner would: {@code
 * ApiKeys.create(Tokens.forUser("alice"), "sales")} is the secret of a new key of team sales, to
 * send with {@code Api.withToken(secret)} (or any client, as {@code Authorization: Bearer}).
 */
public final class ApiKeys {

    private ApiKeys() {}

    /** A key just created, with its one-time secret. */
    public record Created(UUID id, String name, String team, String secret) {

        /** A client of the API authenticated by this key. */
        public Api api() {
            return Api.withToken(secret);
        }

        @Override
        public String toString() {
            return "ApiKeys.Created[" + team + "/" + name + " " + id + "]";
        }
    }

    /** The secret of a new key of {@code team}, created by the member whose token this is; a test-unique name. */
    public static String create(String tokenOfMember, String team) {
        return create(tokenOfMember, team, uniqueName(), null).secret();
    }

    /**
     * A new key of {@code team} named {@code name}, expiring at {@code expiresAt} (a date or a
     * date-time with offset, as the API takes it; null: never).
     */
    public static Created create(String tokenOfMember, String team, String name, @Nullable String expiresAt) {
        String body = "{\"name\": \"" + name + "\", \"team\": \"" + team + "\""
                + (expiresAt == null ? "" : ", \"expiresAt\": \"" + expiresAt + "\"") + "}";
        Api.Response response = Api.withToken(tokenOfMember).post("/api/v1/api-keys", body, "application/json");
        if (response.status() != 201) {
            throw new IllegalStateException("Creating an API key failed: " + response);
        }
        JsonNode key = response.json();
        return new Created(
                UUID.fromString(key.path("id").asString()),
                key.path("name").asString(),
                key.path("team").asString(),
                key.path("secret").asString());
    }

    /** Revokes the key, as the member whose token this is (or governance). */
    public static void revoke(String tokenOfMember, UUID id) {
        Api.Response response = Api.withToken(tokenOfMember).delete("/api/v1/api-keys/" + id);
        if (response.status() != 204) {
            throw new IllegalStateException("Revoking an API key failed: " + response);
        }
    }

    public static String uniqueName() {
        return "test-key-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }
}

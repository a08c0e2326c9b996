package io.meshport.teams.api;

import io.meshport.identity.ApiKey;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A key as the API lists it: never its secret. */
@Schema(name = "ApiKey", description = "A team's API key, without its secret.")
record ApiKeyResponse(
        UUID id,
        String name,
        String team,

        @Schema(description = "the first characters of the secret, to recognise the key by")
        String prefix,

        @Schema(allowableValues = {"active", "expired", "revoked"})
        String state,

        Instant createdAt,
        String createdBy,

        @Schema(description = "when the key stops working; null: it does not expire") @Nullable
        Instant expiresAt,

        @Schema(description = "the last request with the key, to about a minute; null: never used") @Nullable
        Instant lastUsedAt,

        @Nullable Instant revokedAt,
        @Nullable String revokedBy) {

    static ApiKeyResponse of(ApiKey key) {
        return new ApiKeyResponse(
                key.id(),
                key.name(),
                key.team(),
                key.prefix(),
                key.state().value(),
                key.createdAt(),
                key.createdBy(),
                key.expiresAt(),
                key.lastUsedAt(),
                key.revokedAt(),
                key.revokedBy());
    }
}

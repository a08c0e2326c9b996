package io.meshport.teams.api;

import io.meshport.identity.CreatedApiKey;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A key just created, with its secret: the only answer that ever carries it. */
@Schema(name = "CreatedApiKey", description = "The key just created, with its secret, shown this once.")
record CreatedApiKeyResponse(
        UUID id,
        String name,
        String team,

        @Schema(
                description =
                        "the bearer token (Authorization: Bearer <secret>); store it now, it is never shown" + " again")
        String secret,

        String prefix,

        @Schema(allowableValues = {"active"}) String state,

        Instant createdAt,
        String createdBy,
        @Nullable Instant expiresAt) {

    static CreatedApiKeyResponse of(CreatedApiKey created) {
        return new CreatedApiKeyResponse(
                created.key().id(),
                created.key().name(),
                created.key().team(),
                created.secret(),
                created.key().prefix(),
                created.key().state().value(),
                created.key().createdAt(),
                created.key().createdBy(),
                created.key().expiresAt());
    }

    @Override
    public String toString() {
        return "CreatedApiKeyResponse[id=" + id + ", team=" + team + ", name=" + name + "]";
    }
}

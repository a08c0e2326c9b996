package io.meshport.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The identity provider and the governance group, bound from {@code MESHPORT_OIDC_*} and {@code
 * MESHPORT_ADMIN_GROUP}. {@code audience} ({@code MESHPORT_OIDC_AUDIENCE}) is what an API token's
 * {@code aud} must contain; by default the client id.
 */
@Validated
@ConfigurationProperties("meshport")
public record IdentityProperties(
        @Valid @NotNull Oidc oidc,
        @DefaultValue("mesh-admins") @NotBlank String adminGroup) {

    public record Oidc(
            @NotNull URI issuerUri,
            @NotBlank String clientId,
            @Nullable String clientSecret,
            @DefaultValue("groups") @NotBlank String groupsClaim,
            @Nullable String audience) {

        /** The audience API tokens must carry: the configured one, else the client id. */
        public String apiAudience() {
            return audience == null || audience.isBlank() ? clientId : audience.strip();
        }
    }
}

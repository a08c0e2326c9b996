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
 * MESHPORT_ADMIN_GROUP}.
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
            @DefaultValue("groups") @NotBlank String groupsClaim) {}
}

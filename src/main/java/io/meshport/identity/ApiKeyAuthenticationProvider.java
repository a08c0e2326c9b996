package io.meshport.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates bearer tokens that are API keys ({@code mpk_...}) and leaves every other token to
 * the JWT provider after it. A key is found by the SHA-256 digest of what was sent, in one indexed
 * look-up: nothing compares secrets character by character, so the time taken says nothing about
 * how much of a guess was right. Unknown, revoked and expired keys are refused with a description
 * that names the key (never the secret). The last use is written at most once a minute per key.
 * Built by {@link SecurityConfiguration} for the API's chain only (no bean: Spring Security would
 * add a lone provider bean to its global authentication manager too).
 */
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    /** A key used again within this time is not written again: pipelines call in bursts. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ApiKeyStore store;
    private final Clock clock;

    ApiKeyAuthenticationProvider(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)
                || !ApiKeySecrets.isKey(bearer.getToken())) {
            return null;
        }
        String secret = bearer.getToken();
        if (!ApiKeySecrets.wellFormed(secret)) {
            throw new InvalidBearerTokenException("This is not a Meshport API key: a key is 'mpk_' followed by 43"
                    + " letters, digits, '-' or '_'. Copy it again as it was shown when the key was created.");
        }
        ApiKeyStore.StoredKey key = store.findBySecretHash(ApiKeySecrets.hash(secret))
                .orElseThrow(() -> new InvalidBearerTokenException("Unknown API key: no team has a key with this"
                        + " secret. Check that it was copied whole, or create a key in Team settings."));
        Instant now = clock.instant();
        switch (key.state(now)) {
            case REVOKED ->
                throw new InvalidBearerTokenException("The API key '" + key.name() + "' of team " + key.team()
                        + " was revoked on " + WHEN.format(key.revokedAt())
                        + "; create a new key in Team settings.");
            case EXPIRED ->
                throw new InvalidBearerTokenException("The API key '" + key.name() + "' of team " + key.team()
                        + " expired on " + WHEN.format(key.expiresAt()) + "; create a new key in Team settings.");
            case ACTIVE -> recordUse(key, now);
        }
        return new ApiKeyAuthentication(new ApiKeyAuthentication.Principal(key.id(), key.name(), key.team()));
    }

    private void recordUse(ApiKeyStore.StoredKey key, Instant now) {
        Instant notBefore = now.minus(LAST_USED_PRECISION);
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(notBefore)) {
            store.recordUse(key.id(), now, notBefore);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The provider for JWTs, asked only for tokens that are not API keys (so that its refusal does not hide ours). */
    static AuthenticationProvider exceptKeys(AuthenticationProvider jwts) {
        return new AuthenticationProvider() {
            @Override
            public @Nullable Authentication authenticate(Authentication authentication) {
                if (authentication instanceof BearerTokenAuthenticationToken bearer
                        && ApiKeySecrets.isKey(bearer.getToken())) {
                    return null;
                }
                return jwts.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return jwts.supports(authentication);
            }
        };
    }
}

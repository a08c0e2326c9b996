package io.meshport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.testing.ApiKeys;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** A key works until its expiry and not a second after, on the portal's clock moved ahead. */
@MeshportTest
class ApiKeyExpiryTest {

    @Autowired
    ApiKeyService keys;

    @Autowired
    ApiKeyStore store;

    @Autowired
    CurrentIdentity currentIdentity;

    @Autowired
    UserDirectory users;

    @Autowired
    TeamClaims teamClaims;

    @Autowired
    Clock clock;

    @Test
    void a_key_opens_the_api_until_it_expires_and_is_refused_from_then_on() {
        Instant expiresAt = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        CreatedApiKey created = asAlice(() -> keys.create(new NewApiKey(ApiKeys.uniqueName(), "sales", expiresAt)));
        BearerTokenAuthenticationToken sent = new BearerTokenAuthenticationToken(created.secret());

        Authentication justBefore = at(expiresAt.minusSeconds(1)).authenticate(sent);
        assertThat(((ApiKeyAuthentication.Principal) justBefore.getPrincipal()).id())
                .isEqualTo(created.key().id());

        assertThatThrownBy(() -> at(expiresAt).authenticate(sent))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessage("The API key '" + created.key().name() + "' of team sales expired on "
                        + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                                .withZone(java.time.ZoneOffset.UTC)
                                .format(expiresAt)
                        + "; create a new key in Team settings.");
        ApiKeyService later = new ApiKeyService(
                store,
                currentIdentity,
                users,
                teamClaims,
                Clock.offset(clock, Duration.ofDays(1).plusMinutes(1)));
        assertThat(asAlice(() -> later.get(created.key().id()).state())).isEqualTo(ApiKeyState.EXPIRED);
        assertThat(asAlice(() -> keys.get(created.key().id()).state())).isEqualTo(ApiKeyState.ACTIVE);
    }

    @Test
    void the_two_years_an_expiry_may_lie_ahead_are_counted_from_the_clock() {
        Instant inTwoYears = clock.instant().plus(Duration.ofDays(365 * 2 - 2));
        ApiKeyService aYearEarlier = new ApiKeyService(
                store, currentIdentity, users, teamClaims, Clock.offset(clock, Duration.ofDays(-365)));
        assertThatThrownBy(() ->
                        asAlice(() -> aYearEarlier.create(new NewApiKey(ApiKeys.uniqueName(), "sales", inTwoYears))))
                .isInstanceOf(InvalidApiKeyException.class)
                .hasMessageContaining("at most two years ahead");
        assertThat(asAlice(() -> keys.create(new NewApiKey(ApiKeys.uniqueName(), "sales", inTwoYears)))
                        .key()
                        .state())
                .isEqualTo(ApiKeyState.ACTIVE);
    }

    private ApiKeyAuthenticationProvider at(Instant now) {
        return new ApiKeyAuthenticationProvider(store, Clock.fixed(now, java.time.ZoneOffset.UTC));
    }

    private static <T> T asAlice(java.util.function.Supplier<T> work) {
        return RunAs.user("alice", List.of("sales"), work);
    }
}

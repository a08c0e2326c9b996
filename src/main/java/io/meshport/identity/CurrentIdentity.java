package io.meshport.identity;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/** The identity the current request acts as, whether it came through the browser or the API. */
@Service
public class CurrentIdentity {

    private final TeamClaims teamClaims;

    CurrentIdentity(TeamClaims teamClaims) {
        this.teamClaims = teamClaims;
    }

    public Optional<Identity> find() {
        return Optional.ofNullable(from(SecurityContextHolder.getContext().getAuthentication()));
    }

    /** The caller's identity; services call this before anything that needs one. */
    public Identity require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }

    @Nullable
    Identity from(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        return switch (authentication.getPrincipal()) {
            // The issuer is read as text: not every issuer is a URL (an OIDC issuer is; a URN is not).
            case OidcUser user -> identity(user.getClaimAsString("iss"), user.getSubject(), user.getClaims());
            case Jwt jwt -> identity(jwt.getClaimAsString("iss"), jwt.getSubject(), jwt.getClaims());
            // A team's API key acts for that team only, never as governance (docs/decisions/0028-api-keys.md).
            case ApiKeyAuthentication.Principal key -> key.identity();
            case null, default -> null;
        };
    }

    private Identity identity(String issuer, String subject, Map<String, Object> claims) {
        String username = firstText(claims, "preferred_username", "client_id", "sub");
        String displayName = firstText(claims, "name", "preferred_username", "client_id", "sub");
        Set<String> teams = teamClaims.teams(claims);
        return Identity.of(issuer, subject, username, displayName, teams, teamClaims.isAdmin(teams));
    }

    private static String firstText(Map<String, Object> claims, String... names) {
        for (String name : names) {
            if (claims.get(name) instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return "unknown";
    }
}

package io.meshport.identity;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a team's API key. It holds no secret: only which key it was, so that
 * nothing printing the authentication can print the secret.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    /** The key a request came with, and the identity it acts as: its team, nobody's governance. */
    record Principal(UUID id, String name, String team) {

        Identity identity() {
            return Identity.of(
                    Identity.API_KEY_ISSUER,
                    id.toString(),
                    ApiKey.username(team, name),
                    ApiKey.displayName(team, name),
                    Set.of(team),
                    false);
        }
    }

    private final Principal principal;

    ApiKeyAuthentication(Principal principal) {
        super(List.of(
                new SimpleGrantedAuthority(TeamClaims.ROLE_USER),
                new SimpleGrantedAuthority(TeamClaims.TEAM_PREFIX + principal.team())));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Principal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return ApiKey.username(principal.team(), principal.name());
    }
}

package io.meshport.testing;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Calls a service as a given person, the way the API's token authentication would. */
public final class RunAs {

    private RunAs() {}

    public static <T> T user(String username, List<String> groups, Supplier<T> work) {
        Jwt jwt = Jwt.withTokenValue("test-" + username)
                .header("alg", "none")
                .issuer(TestInfrastructure.issuer())
                .subject(username)
                .claim("preferred_username", username)
                .claim("name", username)
                .claim("groups", groups)
                .build();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_USER")));
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}

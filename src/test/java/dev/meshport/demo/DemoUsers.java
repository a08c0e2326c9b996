package dev.meshport.demo;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The demo loaders act as the demo users do, through the same services and their checks: a
 * token of the demo issuer naming the user and their teams, for the duration of one piece of work.
 */
final class DemoUsers {

    private DemoUsers() {}

    static <T> T as(String user, List<String> teams, Supplier<T> work) {
        Jwt jwt = Jwt.withTokenValue("demo-" + user)
                .header("alg", "none")
                .issuer("urn:meshport:demo")
                .subject("demo-" + user)
                .claim("preferred_username", user)
                .claim("name", user + " (demo)")
                .claim("groups", teams)
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

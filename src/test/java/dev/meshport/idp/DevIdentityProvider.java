package dev.meshport.idp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A development OpenID Connect provider (Spring Authorization Server) with Meshport's demo users
 * and teams. It runs in its own JVM, started by the development launcher and by the tests: Vaadin
 * replaces the JVM-wide security context strategy, which the provider cannot share. It lives on
 * the test classpath only and never ships in the production jar.
 *
 * <p>Configuration is in {@code dev-idp.properties} (registered clients, issuer); the portal's
 * redirect and post-logout addresses are passed as arguments by whoever starts it.
 */
@SpringBootApplication(
        excludeName = {
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
            // The portal's event publication registry lives in its database; the provider has none.
            "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
            "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
            "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration"
        })
public class DevIdentityProvider {

    /** The demo people: user name (also the password), display name, e-mail, teams. */
    record DemoUser(String username, String name, List<String> teams) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("alice", "Alice Andersen", List.of("sales")),
            new DemoUser("bob", "Bob Brennan", List.of("marketing")),
            new DemoUser("carol", "Carol Castillo", List.of("finance", "mesh-admins")),
            new DemoUser("dave", "Dave Dunn", List.of()));

    /** Pipelines: a client per team whose client-credentials tokens act for that team. */
    static final Map<String, String> PIPELINE_TEAMS = Map.of(
            "sales-ci", "sales", "marketing-ci", "marketing", "finance-ci", "finance", "governance-ci", "mesh-admins");

    private static final String GROUP_PREFIX = "GROUP_";

    /**
     * The audience of the portal's API (its default {@code MESHPORT_OIDC_AUDIENCE}: the portal's
     * client id), which the access tokens of the portal and of the pipelines carry, as Keycloak's
     * audience mapper adds it. Other clients' tokens (such as {@code reporting-app}, standing for
     * any other application of the realm) do not, and the portal refuses them.
     */
    static final String API_AUDIENCE = "meshport";

    static final Set<String> API_CLIENTS =
            Set.of("meshport", "sales-ci", "marketing-ci", "finance-ci", "governance-ci");

    /**
     * A client for tests of the portal's token checks only: its client-credentials tokens carry the
     * API audience and no team, and the request may ask for a defect: {@code without=sub}, {@code
     * without=aud} or {@code audience=<other>}.
     */
    static final String TOKEN_LAB = "token-lab";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(DevIdentityProvider.class);
        application.setDefaultProperties(Map.of("spring.config.name", "dev-idp"));
        application.run(args);
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(USERS.stream()
                .map(user -> User.withUsername(user.username())
                        .password("{noop}" + user.username())
                        .authorities(
                                user.teams().stream().map(t -> GROUP_PREFIX + t).toArray(String[]::new))
                        .build())
                .toArray(UserDetails[]::new));
    }

    /** Puts the user's groups and profile into ID and access tokens, as Keycloak's mappers do. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
        return context -> {
            String client = context.getRegisteredClient().getClientId();
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                    && (API_CLIENTS.contains(client) || TOKEN_LAB.equals(client))) {
                context.getClaims().audience(List.of(API_AUDIENCE));
            }
            if (TOKEN_LAB.equals(client)
                    && context.getAuthorizationGrant() instanceof OAuth2ClientCredentialsAuthenticationToken grant) {
                Map<String, Object> asked = grant.getAdditionalParameters();
                context.getClaims().claim("preferred_username", TOKEN_LAB).claim("groups", List.of());
                if (asked.get("audience") instanceof String audience) {
                    context.getClaims().audience(List.of(audience));
                }
                if (asked.get("without") instanceof String without) {
                    context.getClaims().claims(claims -> claims.remove(without));
                }
                return;
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                String clientId = context.getRegisteredClient().getClientId();
                String team = PIPELINE_TEAMS.get(clientId);
                context.getClaims()
                        .claim("groups", team == null ? List.of() : List.of(team))
                        .claim("preferred_username", clientId)
                        .claim("name", clientId + " pipeline");
                return;
            }
            String username = context.getPrincipal().getName();
            USERS.stream()
                    .filter(user -> user.username().equals(username))
                    .findFirst()
                    .ifPresent(user -> {
                        Set<String> groups = context.getPrincipal().getAuthorities().stream()
                                .map(GrantedAuthority::getAuthority)
                                .filter(authority -> authority.startsWith(GROUP_PREFIX))
                                .map(authority -> authority.substring(GROUP_PREFIX.length()))
                                .collect(Collectors.toCollection(java.util.TreeSet::new));
                        context.getClaims()
                                .claim("groups", List.copyOf(groups))
                                .claim("preferred_username", user.username())
                                .claim("name", user.name())
                                .claim("email", user.username() + "@meshport.example");
                    });
        };
    }
}

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
    static final Map<String, String> PIPELINE_TEAMS =
            Map.of("sales-ci", "sales", "marketing-ci", "marketing", "finance-ci", "finance");

    private static final String GROUP_PREFIX = "GROUP_";

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

package io.meshport.identity;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import java.util.HashSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two doors, one identity. {@code /api/**} is a stateless OAuth2 resource server taking the
 * issuer's JWT access tokens; everything else is the Vaadin UI behind an OpenID Connect login
 * (authorization code with PKCE). Both map the groups claim onto teams through {@link TeamClaims}.
 */
@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    static final String REGISTRATION_ID = "meshport";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, TeamClaims teamClaims) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> teamClaims.authorities(jwt.getClaims()));
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies are read here, so there is nothing to forge
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(converter)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http) throws Exception {
        // Health for probes, and our own style sheet, which the sign-in redirect page needs too.
        http.authorizeHttpRequests(requests ->
                requests.requestMatchers("/actuator/health", "/styles/**").permitAll());
        http.with(vaadin(), vaadin -> vaadin.oauth2LoginPage("/oauth2/authorization/" + REGISTRATION_ID, "{baseUrl}/"));
        return http.build();
    }

    /**
     * The login client, resolved from the issuer's discovery document at start-up: an
     * unreachable issuer stops the portal with a clear message rather than failing at first login.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(IdentityProperties properties) {
        IdentityProperties.Oidc oidc = properties.oidc();
        ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(
                        oidc.issuerUri().toString())
                .registrationId(REGISTRATION_ID)
                .clientId(oidc.clientId())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .userNameAttributeName("preferred_username")
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build());
        if (oidc.clientSecret() == null || oidc.clientSecret().isBlank()) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            builder.clientSecret(oidc.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        }
        return new InMemoryClientRegistrationRepository(builder.build());
    }

    /** Access tokens are checked against the same issuer, its keys fetched on first use. */
    @Bean
    JwtDecoder jwtDecoder(IdentityProperties properties) {
        return NimbusJwtDecoder.withIssuerLocation(properties.oidc().issuerUri().toString())
                .build();
    }

    /** Adds the team authorities to a browser login, exactly as for API tokens. */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(TeamClaims teamClaims) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
            authorities.addAll(teamClaims.authorities(user.getClaims()));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }
}

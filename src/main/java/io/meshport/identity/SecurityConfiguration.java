package io.meshport.identity;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import io.meshport.system.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
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
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Two doors, one identity. {@code /api/**} is a stateless OAuth2 resource server taking the
 * issuer's JWT access tokens and teams' API keys; everything else is the Vaadin UI behind an OpenID Connect login
 * (authorization code with PKCE). Both map the groups claim onto teams through {@link TeamClaims}.
 */
@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    static final String REGISTRATION_ID = "meshport";

    /**
     * The pages' Content-Security-Policy. Vaadin Flow needs 'unsafe-inline' for scripts and styles
     * (its bootstrap page and Lumo inject both) and 'unsafe-eval' for scripts (the client runs the
     * server's JavaScript calls through Function). Everything else is the portal's own origin:
     * no other site's scripts, frames or connections; no plugins; the page cannot be framed.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self';"
            + " frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            TeamClaims teamClaims,
            JwtDecoder jwtDecoder,
            ApiKeyStore apiKeyStore,
            Clock clock,
            AuthenticationEventPublisher authenticationEvents)
            throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> teamClaims.authorities(jwt.getClaims()));
        // Bearer tokens are API keys (mpk_...) or the issuer's JWTs; each provider answers for its
        // own kind only, so a refused key is refused with the key's reason (docs/decisions/0028).
        JwtAuthenticationProvider jwts = new JwtAuthenticationProvider(jwtDecoder);
        jwts.setJwtAuthenticationConverter(converter);
        ProviderManager bearerTokens = new ProviderManager(List.of(
                new ApiKeyAuthenticationProvider(apiKeyStore, clock), ApiKeyAuthenticationProvider.exceptKeys(jwts)));
        bearerTokens.setAuthenticationEventPublisher(authenticationEvents);
        AuthenticationEntryPoint unauthorized = SecurityConfiguration::unauthorized;
        AccessDeniedHandler forbidden = SecurityConfiguration::forbidden;
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies are read here, so there is nothing to forge
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .jwt(jwt -> jwt.authenticationManager(bearerTokens)));
        return http.build();
    }

    /** 401 as a problem document, with the WWW-Authenticate header RFC 6750 asks for. */
    private static void unauthorized(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        new BearerTokenAuthenticationEntryPoint().commence(request, response, e);
        String detail = e instanceof OAuth2AuthenticationException oauth
                        && oauth.getError().getDescription() != null
                ? oauth.getError().getDescription()
                : "Send an access token of the portal's identity provider, or a team's API key, as"
                        + " Authorization: Bearer <token>.";
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Not signed in", detail));
    }

    private static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        new BearerTokenAccessDeniedHandler().handle(request, response, e);
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "not-an-owner", "Not allowed", e.getMessage()));
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http, VaadinDefaultRequestCache requestCache) throws Exception {
        // After signing in, the browser returns to the page it asked for, as it asked for it. The
        // session cache's default marks that return with "?continue" (so that other requests skip
        // the session look-up), which then stays in the address a person copies; every UI
        // request has a session anyway, so the mark saves nothing here.
        HttpSessionRequestCache sessionCache = new HttpSessionRequestCache();
        sessionCache.setMatchingRequestParameterName(null);
        requestCache.setDelegateRequestCache(sessionCache);
        // Health for probes, and our own style sheet, which the sign-in redirect page needs too.
        // An error page is rendered for whatever request failed, not guarded a second time.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/styles/**")
                .permitAll()
                .dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll());
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
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

    /**
     * Access tokens are checked against the same issuer, its keys fetched on first use, and must
     * be meant for Meshport (see {@link ApiTokenValidators}).
     */
    @Bean
    JwtDecoder jwtDecoder(IdentityProperties properties) {
        String issuer = properties.oidc().issuerUri().toString();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
        decoder.setJwtValidator(ApiTokenValidators.of(issuer, properties.oidc().apiAudience()));
        return decoder;
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

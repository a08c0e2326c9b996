package io.meshport.identity;

import java.util.List;
import java.util.Locale;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What an API token must be besides well signed, unexpired and of the issuer: an access token
 * (not an ID token) meant for Meshport ({@code aud} holds the audience), naming its subject. See
 * docs/decisions/0013-api-edge.md.
 */
final class ApiTokenValidators {

    private ApiTokenValidators() {}

    static OAuth2TokenValidator<Jwt> of(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                JwtValidators.createDefaultWithIssuer(issuer),
                ApiTokenValidators::accessToken,
                jwt -> audience(jwt, audience),
                ApiTokenValidators::subject));
    }

    static OAuth2TokenValidatorResult audience(Jwt jwt, String audience) {
        List<String> audiences = jwt.getAudience();
        if (audiences != null && audiences.contains(audience)) {
            return OAuth2TokenValidatorResult.success();
        }
        return invalid("The token is not meant for Meshport: its audience (aud) "
                + (audiences == null || audiences.isEmpty() ? "is missing" : "is " + audiences)
                + " and must contain '" + audience + "'.");
    }

    static OAuth2TokenValidatorResult subject(Jwt jwt) {
        String subject = jwt.getSubject();
        return subject == null || subject.isBlank()
                ? invalid("The token names no subject (sub), so it cannot act for anyone.")
                : OAuth2TokenValidatorResult.success();
    }

    /**
     * ID tokens say who signed in to a client; they are no API credential. Keycloak marks its
     * tokens ({@code typ} "ID" or "Bearer"); RFC 9068 access tokens carry the header type {@code
     * at+jwt}; otherwise an ID token gives itself away by claims only OpenID Connect defines for
     * it ({@code nonce}, {@code at_hash}, {@code c_hash}).
     */
    static OAuth2TokenValidatorResult accessToken(Jwt jwt) {
        if (jwt.getClaims().get("typ") instanceof String type) {
            return type.equalsIgnoreCase("ID") ? notAnAccessToken() : OAuth2TokenValidatorResult.success();
        }
        if (jwt.getHeaders().get("typ") instanceof String header
                && header.toLowerCase(Locale.ROOT).replace("application/", "").equals("at+jwt")) {
            return OAuth2TokenValidatorResult.success();
        }
        if (jwt.hasClaim("nonce") || jwt.hasClaim("at_hash") || jwt.hasClaim("c_hash")) {
            return notAnAccessToken();
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult notAnAccessToken() {
        return invalid("This is an ID token; send an access token.");
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}

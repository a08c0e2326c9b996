package io.meshport.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Access tokens from the development provider, obtained through its real endpoints. */
public final class Tokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private Tokens() {}

    /** A pipeline's token (client credentials), e.g. {@code sales-ci} acting for team sales. */
    public static String forPipeline(String clientId) {
        return forClient(clientId, Map.of());
    }

    /**
     * A client-credentials access token of any client of the provider (secret: the client id
     * with {@code -secret}), with extra token request parameters, e.g. {@code token-lab}'s {@code
     * without=sub}.
     */
    public static String forClient(String clientId, Map<String, String> parameters) {
        Map<String, String> form = new java.util.LinkedHashMap<>(parameters);
        form.put("grant_type", "client_credentials");
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestInfrastructure.issuer() + "/oauth2/token"))
                .header("Authorization", basic(clientId, clientId + "-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))
                .build();
        return accessToken(send(HttpClient.newHttpClient(), request));
    }

    /** The ID token the portal's client receives when the person signs in (not an API credential). */
    public static String idTokenFor(String username) {
        forUser(username);
        return CACHE.get(username).idToken();
    }

    /**
     * A person's token, through the authorization code flow with PKCE exactly as a browser goes
     * through it: the provider's login form, its CSRF token, the redirect with the code.
     */
    public static String forUser(String username) {
        // Tokens live for five minutes at the provider; a test run reuses them for one.
        Cached cached = CACHE.get(username);
        if (cached != null && cached.obtained().isAfter(Instant.now().minusSeconds(60))) {
            return cached.token();
        }
        JsonNode tokens = signIn(username);
        Cached fresh = new Cached(
                tokens.path("access_token").asString(), tokens.path("id_token").asString(), Instant.now());
        CACHE.put(username, fresh);
        return fresh.token();
    }

    private record Cached(String token, String idToken, Instant obtained) {}

    private static final java.util.Map<String, Cached> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static JsonNode signIn(String username) {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String issuer = TestInfrastructure.issuer();
        String redirectUri = TestInfrastructure.portalUrl() + "/login/oauth2/code/meshport";
        String verifier = randomUrlSafe(48);
        String authorize = issuer + "/oauth2/authorize?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        "meshport",
                        "scope",
                        "openid profile",
                        "redirect_uri",
                        redirectUri,
                        "state",
                        randomUrlSafe(12),
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256",
                        // As every OpenID Connect client (Spring's login included) sends one.
                        "nonce",
                        randomUrlSafe(12)));

        HttpResponse<String> toLogin = send(http, get(authorize));
        String loginPage = send(http, get(location(toLogin, issuer))).body();
        Matcher csrf = CSRF.matcher(loginPage);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the provider's login page:\n" + loginPage);
        }
        HttpResponse<String> loggedIn = send(
                http,
                HttpRequest.newBuilder(URI.create(issuer + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", username, "password", username, "_csrf", csrf.group(1)))))
                        .build());
        String next = location(loggedIn, issuer);
        while (!next.startsWith(redirectUri)) {
            next = location(send(http, get(next)), issuer);
        }
        String code = query(URI.create(next)).get("code");
        HttpRequest exchange = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", basic("meshport", "meshport-dev-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", redirectUri,
                        "code_verifier", verifier))))
                .build();
        HttpResponse<String> response = send(http, exchange);
        accessToken(response);
        return JSON.readTree(response.body());
    }

    /** A well-formed, correctly signed token from an issuer the portal does not trust. */
    public static String fromForeignIssuer(String username, List<String> groups) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("foreign").generate();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer("https://idp.foreign.example")
                    .subject(username)
                    .claim("preferred_username", username)
                    .claim("groups", groups)
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("foreign").build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri))
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private static String location(HttpResponse<?> response, String base) {
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(
                        "Expected a redirect, got " + response.statusCode() + " from " + response.uri()));
        return URI.create(base).resolve(location).toString();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String accessToken(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return body.path("access_token").asString();
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0], pair -> java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

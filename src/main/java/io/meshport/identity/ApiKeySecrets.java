package io.meshport.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What an API key's secret looks like, how one is made and how it is stored: {@code mpk_} and 32
 * random bytes, URL-safe Base64 without padding (43 characters); stored only as its SHA-256 digest.
 * The secret has 256 bits of entropy, so a fast digest is as safe as a slow password hash and
 * lets a presented key be found by an indexed look-up (docs/decisions/0028-api-keys.md).
 */
final class ApiKeySecrets {

    static final String PREFIX = "mpk_";
    static final int RANDOM_BYTES = 32;

    /** How much of the secret the portal keeps visible, to recognise a key by: {@code mpk_} and 8 characters. */
    static final int VISIBLE = PREFIX.length() + 8;

    private static final Pattern FORM = Pattern.compile("mpk_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    static String generate() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Whether a bearer token is meant as an API key (JWTs never start so). */
    static boolean isKey(String token) {
        return token.startsWith(PREFIX);
    }

    static boolean wellFormed(String token) {
        return FORM.matcher(token).matches();
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static String visiblePrefix(String secret) {
        return secret.substring(0, VISIBLE);
    }
}

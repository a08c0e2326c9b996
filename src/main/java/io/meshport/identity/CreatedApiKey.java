package io.meshport.identity;

/**
 * A key just created, with its secret: the only time the portal has the secret in hand. Shown to
 * the person (or answered to the client) once; never logged, so not in {@link #toString()} either.
 */
public record CreatedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "CreatedApiKey[key=" + key + ", secret=(shown once, not here)]";
    }
}

package io.meshport.identity;

import java.util.Locale;

/** Whether a key opens the API now: revoked and expired keys do not. */
public enum ApiKeyState {
    ACTIVE,
    EXPIRED,
    REVOKED;

    /** As the API and the page write it: {@code active}, {@code expired}, {@code revoked}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}

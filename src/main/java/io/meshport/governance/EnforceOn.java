package io.meshport.governance;

import java.util.Locale;
import java.util.Optional;

/**
 * When an enforced policy refuses a change: on every publish that would newly break it, or only
 * when a product that breaks it is made active (drafts may be incomplete on their way).
 */
public enum EnforceOn {
    PUBLISH,
    ACTIVATION;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EnforceOn> fromValue(String value) {
        for (EnforceOn on : values()) {
            if (on.value().equals(value)) {
                return Optional.of(on);
            }
        }
        return Optional.empty();
    }
}

package io.meshport.governance;

import java.util.Locale;
import java.util.Optional;

/** How much a broken policy matters; weighs in the trust score. Lowest first. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromValue(String value) {
        for (Severity severity : values()) {
            if (severity.value().equals(value)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}

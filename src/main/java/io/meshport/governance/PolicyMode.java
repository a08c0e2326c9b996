package io.meshport.governance;

import java.util.Locale;
import java.util.Optional;

/** What a broken policy does: shows the violation, or refuses the change that causes it. */
public enum PolicyMode {
    ADVISORY,
    ENFORCED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PolicyMode> fromValue(String value) {
        for (PolicyMode mode : values()) {
            if (mode.value().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}

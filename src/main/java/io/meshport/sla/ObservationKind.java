package io.meshport.sla;

import java.util.Locale;
import java.util.Optional;

/** What a pipeline observed: data updated, an availability probe, or a quality check. */
public enum ObservationKind {
    UPDATED,
    AVAILABILITY,
    QUALITY;

    /** The name in the API and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ObservationKind> fromWire(String text) {
        for (ObservationKind kind : values()) {
            if (kind.wireName().equals(text)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

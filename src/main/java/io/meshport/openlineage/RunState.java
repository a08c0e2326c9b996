package io.meshport.openlineage;

import java.util.Locale;
import java.util.Optional;

/** A run event's {@code eventType}: where the run stands. */
public enum RunState {
    START,
    RUNNING,
    COMPLETE,
    ABORT,
    FAIL,
    OTHER;

    public static Optional<RunState> fromWire(String text) {
        try {
            return Optional.of(valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

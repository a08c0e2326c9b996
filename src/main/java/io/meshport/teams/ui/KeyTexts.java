package io.meshport.teams.ui;

import io.meshport.identity.ApiKey;
import io.meshport.identity.ApiKeyState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** How the page writes a key's times and state: in UTC, as the API's answers and its refusals do. */
final class KeyTexts {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private KeyTexts() {}

    static String time(@Nullable Instant instant, String otherwise) {
        return instant == null ? otherwise : TIME.format(instant);
    }

    /** An expiry at midnight (a date picked on this page) as its day, any other as a time. */
    static String expiry(ApiKey key) {
        Instant at = key.expiresAt();
        if (at == null) {
            return "never";
        }
        return at.atOffset(ZoneOffset.UTC).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? DAY.format(at)
                : TIME.format(at);
    }

    static String state(ApiKey key) {
        return switch (key.state()) {
            case ACTIVE -> "Active";
            case EXPIRED -> "Expired";
            case REVOKED -> "Revoked";
        };
    }

    static boolean revocable(ApiKey key) {
        return key.state() != ApiKeyState.REVOKED;
    }
}

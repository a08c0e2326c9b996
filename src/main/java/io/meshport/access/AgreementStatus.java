package io.meshport.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an agreement stands in its approval: {@code requested → approved | rejected}; an approved
 * one later ends as {@code revoked} (by the provider), {@code cancelled} (by the consumer) or
 * {@code expired} (its end date passed). A request may be cancelled before it is decided.
 */
public enum AgreementStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    CANCELLED,
    REVOKED,
    EXPIRED;

    /** The value as the API and the database write it ({@code requested}). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the agreement may still give access (asked for, or in force). */
    public boolean isOpen() {
        return this == REQUESTED || this == APPROVED;
    }

    public static Optional<AgreementStatus> fromValue(String value) {
        return Arrays.stream(values())
                .filter(status -> status.value().equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}

package io.meshport.access;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step in an agreement's history.
 *
 * @param from the status before; null for the request itself
 * @param actor who took it (display name), or "Meshport" for steps nobody took
 */
public record AgreementStep(
        String action,
        @Nullable AgreementStatus from,
        AgreementStatus to,
        @Nullable Provisioning provisioning,
        @Nullable String comment,
        String actor,
        Instant at) {}

package io.meshport.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the access an approved agreement allows has really been set up, as the providing team's
 * pipeline reports it: {@code pending} from approval until it reports {@code granted} or {@code
 * failed}. Kept apart from {@link AgreementStatus}, because approving is not having access.
 */
public enum Provisioning {
    PENDING,
    GRANTED,
    FAILED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Provisioning> fromValue(String value) {
        return Arrays.stream(values())
                .filter(state -> state.value().equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}

package io.meshport.lineage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Which edges a lineage walk follows: declared and observed ones ({@link #ALL}, the default),
 * only those a document declares (observed-only edges left out), or only those pipeline runs
 * were observed using (docs/decisions/0031-observed-lineage.md).
 */
public enum ProvenanceFilter {
    ALL,
    DECLARED,
    OBSERVED;

    /** Whether edges declared by documents or agreements are followed. */
    public boolean declared() {
        return this != OBSERVED;
    }

    /** Whether edges observed in pipeline runs are followed. */
    public boolean observed() {
        return this != DECLARED;
    }

    /** As the API and the URL name it: {@code all}, {@code declared}, {@code observed}. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProvenanceFilter> fromWire(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> Optional.of(ALL);
            case "declared" -> Optional.of(DECLARED);
            case "observed" -> Optional.of(OBSERVED);
            default -> Optional.empty();
        };
    }
}

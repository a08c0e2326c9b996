package io.meshport.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The ODPS life cycle of a data product: proposed, draft, active, deprecated, retired. A product
 * moves forward (steps may be skipped); a deprecation may be withdrawn (deprecated to active);
 * nothing returns to draft once active, and retired is final.
 */
public enum ProductStatus {
    PROPOSED,
    DRAFT,
    ACTIVE,
    DEPRECATED,
    RETIRED;

    /** The value as ODPS documents spell it. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProductStatus fromValue(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    /** The status an ODPS value names, exactly as spelled there; empty for anything else. */
    public static java.util.Optional<ProductStatus> find(String value) {
        for (ProductStatus status : values()) {
            if (status.value().equals(value)) {
                return java.util.Optional.of(status);
            }
        }
        return java.util.Optional.empty();
    }

    public boolean mayBecome(ProductStatus next) {
        return next == this || next.ordinal() > ordinal() || (this == DEPRECATED && next == ACTIVE);
    }

    String allowedNext() {
        return switch (this) {
            case PROPOSED -> "it may become draft, active, deprecated or retired";
            case DRAFT -> "it may become active, deprecated or retired";
            case ACTIVE -> "it may become deprecated or retired";
            case DEPRECATED -> "it may become active again or retired";
            case RETIRED -> "retired is final";
        };
    }
}

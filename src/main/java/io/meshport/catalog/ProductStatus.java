package io.meshport.catalog;

import java.util.Locale;

/** The ODPS life cycle of a data product. */
public enum ProductStatus {
    PROPOSED,
    DRAFT,
    ACTIVE,
    DEPRECATED,
    RETIRED;

    /** The value as ODPS documents spell it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProductStatus fromValue(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}

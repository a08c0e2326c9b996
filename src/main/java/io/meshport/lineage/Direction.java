package io.meshport.lineage;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which way to walk the lineage from a product: towards its sources, its consumers, or both. */
public enum Direction {
    UPSTREAM,
    DOWNSTREAM,
    BOTH;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}

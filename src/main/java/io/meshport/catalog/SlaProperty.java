package io.meshport.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** One ODCS service-level property: availability, latency, frequency, retention, ... */
@Embeddable
public record SlaProperty(
        @Column(name = "property", nullable = false) String property,
        @Column(name = "value") @Nullable String value,
        @Column(name = "value_ext") @Nullable String valueExt,
        @Column(name = "unit") @Nullable String unit,
        @Column(name = "element") @Nullable String element,
        @Column(name = "driver") @Nullable String driver) {}

package io.meshport.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One semantic difference between two versions of a data contract, as consumers feel it.
 *
 * @param kind what changed
 * @param path where, as a reader writes it ({@code orders.customer_id}, {@code
 *     slaProperties.latency})
 * @param before the value before; null when added
 * @param after the value after; null when removed
 * @param breaking whether consumers relying on the earlier version may break
 */
public record ContractChange(
        Kind kind,
        String path,
        @Nullable String before,
        @Nullable String after,
        boolean breaking) {

    /** The kinds of change (after datacontract-cli's changelog categories). */
    public enum Kind {
        OBJECT_ADDED,
        OBJECT_REMOVED,
        PROPERTY_ADDED,
        PROPERTY_REMOVED,
        TYPE_CHANGED,
        REQUIRED_CHANGED,
        PRIMARY_KEY_CHANGED,
        CLASSIFICATION_CHANGED,
        QUALITY_ADDED,
        QUALITY_REMOVED,
        QUALITY_CHANGED,
        SLA_ADDED,
        SLA_REMOVED,
        SLA_STRENGTHENED,
        SLA_WEAKENED,
        SLA_CHANGED,
        SERVER_CHANGED,
        OTHER
    }
}

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

    /**
     * The change in one line, for notifications, problem documents and the versions panel
     * ({@code "Removed property orders.customer_id (breaking)"}).
     */
    public String line() {
        String text =
                switch (kind) {
                    case OBJECT_ADDED -> "Added object " + path;
                    case OBJECT_REMOVED -> "Removed object " + path;
                    case PROPERTY_ADDED -> "Added property " + path;
                    case PROPERTY_REMOVED -> "Removed property " + path;
                    case TYPE_CHANGED -> "Changed " + path + fromTo();
                    case REQUIRED_CHANGED ->
                        "true".equals(after) ? "Made " + path + " required" : "Made " + path + " optional";
                    case PRIMARY_KEY_CHANGED ->
                        "true".equals(after)
                                ? "Made " + path + " part of the primary key"
                                : "Took " + path + " out of the primary key";
                    case CLASSIFICATION_CHANGED -> "Changed the classification of " + path + fromTo();
                    case QUALITY_ADDED -> "Added quality rule " + path + (after == null ? "" : ": " + after);
                    case QUALITY_REMOVED -> "Removed quality rule " + path;
                    case QUALITY_CHANGED -> "Changed quality rule " + path + fromTo();
                    case SLA_ADDED -> "Added SLA " + sla() + (after == null ? "" : ": " + after);
                    case SLA_REMOVED -> "Removed SLA " + sla() + (before == null ? "" : " (was " + before + ")");
                    case SLA_STRENGTHENED -> "Strengthened SLA " + sla() + fromTo();
                    case SLA_WEAKENED -> "Weakened SLA " + sla() + fromTo();
                    case SLA_CHANGED -> "Changed SLA " + sla() + fromTo();
                    case SERVER_CHANGED ->
                        before == null
                                ? "Added server " + server() + (after == null ? "" : " (" + after + ")")
                                : after == null
                                        ? "Removed server " + server()
                                        : "Changed server " + server() + fromTo();
                    case OTHER -> "Changed " + path + fromTo();
                };
        return breaking ? text + " (breaking)" : text;
    }

    private String fromTo() {
        return " from " + (before == null ? "none" : before) + " to " + (after == null ? "none" : after);
    }

    private String sla() {
        return path.startsWith("slaProperties.") ? path.substring("slaProperties.".length()) : path;
    }

    private String server() {
        return path.startsWith("servers.") ? path.substring("servers.".length()) : path;
    }

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

package io.meshport.review;

import org.jspecify.annotations.Nullable;

/**
 * Something an owner should look at: a deprecated or retired upstream product, an input nobody
 * provides, an upstream SLA breached, or a promise the upstream products cannot keep.
 *
 * @param about the other product the warning concerns, if any (to link to it)
 */
public record Warning(Kind kind, String message, @Nullable String about) {

    public enum Kind {
        UPSTREAM_DEPRECATED,
        UPSTREAM_RETIRED,
        UNRESOLVED_INPUT,
        UPSTREAM_SLA_BREACHED,
        SLA_INCONSISTENT
    }
}

package io.meshport.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One changed field of a document, as a history line shows it: {@code outputPorts[0].version:
 * 1.0.0 → 1.1.0}.
 *
 * @param pointer where, as a JSON Pointer (RFC 6901) into the document
 * @param path the same place as a reader writes it ({@code description.purpose}, {@code
 *     outputPorts[0].version})
 * @param before the value before, shortened for reading; null when the field was added
 * @param after the value after, shortened for reading; null when the field was removed
 */
public record FieldChange(
        String pointer,
        String path,
        @Nullable String before,
        @Nullable String after) {

    public boolean added() {
        return before == null;
    }

    public boolean removed() {
        return after == null;
    }

    /** {@code path: before → after}, with "(none)" for a missing side. */
    @Override
    public String toString() {
        return path + ": " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after);
    }
}

package io.meshport.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A line of a product's history, with the documents to show a diff between. */
public record ChangeEntry(
        long revision,
        String action,
        String summary,
        String actorName,
        Instant changedAt,
        @Nullable String previousSource,
        @Nullable String newSource) {}

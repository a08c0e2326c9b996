package io.meshport.catalog;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A line of a product's history: a change of the product, or of a contract it provides.
 *
 * @param subjectType {@code product} or {@code contract}: what changed
 * @param subjectId the id of what changed
 * @param revision the revision of what changed, after the change
 * @param changes the fields the change changed, compared as data; empty for a creation, a deletion
 *     or a line that changed no document (a review's sign-off)
 */
public record ChangeEntry(
        String subjectType,
        String subjectId,
        long revision,
        String action,
        String summary,
        String actorName,
        Instant changedAt,
        @Nullable String previousSource,
        @Nullable String newSource,
        List<FieldChange> changes) {

    public ChangeEntry {
        changes = List.copyOf(changes);
    }

    /** Whether this is a change of a contract the product provides rather than of the product. */
    public boolean ofContract() {
        return "contract".equals(subjectType);
    }
}

package io.meshport.catalog;

import java.time.Instant;
import java.util.List;

/**
 * One published version of a data contract, newest first in lists.
 *
 * @param publishedBy the display name of who published it
 * @param breaking whether it broke what the version before promised
 * @param changes the semantic differences from the version before (empty for the first)
 */
public record ContractVersionSummary(
        String version, Instant publishedAt, String publishedBy, boolean breaking, List<ContractChange> changes) {

    public ContractVersionSummary {
        changes = List.copyOf(changes);
    }
}

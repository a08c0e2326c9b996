package io.meshport.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Published by {@link CatalogService} inside the writing transaction when a contract is created or
 * gets a different document: a new version, or a revision of the same version. Access asks
 * consumers of a breaking version to consent again, notifications tell consumer teams with the
 * diff, and the platform's event feed announces it.
 *
 * @param previousVersion the version before; null when the contract is new
 * @param breaking whether the change breaks what consumers rely on (see the changes)
 * @param changes the semantic differences from the previous version, in document order; each
 *     reads as one line ({@code "Removed property orders.customer_id"})
 * @param publishedBy the display name of who published it
 */
public record ContractVersionPublished(
        String contractId,
        @Nullable String contractName,
        String ownerTeam,
        String version,
        @Nullable String previousVersion,
        boolean breaking,
        List<String> changes,
        String publishedBy) {

    public ContractVersionPublished {
        changes = List.copyOf(changes);
    }
}

package io.meshport.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Published by {@link CatalogService} inside the writing transaction when a contract is created or
 * gets a different document: a new version, or a revision of the same version. Access asks
 * consumers of a breaking version to consent again, notifications tell consumer teams with the
 * diff, and the platform's event feed announces it.
 *
 * @param previousVersion the version stored before; null when the contract is new, the same as
 *     {@code version} for a revision of the same version
 * @param breaking whether the change breaks what consumers rely on (see the changes)
 * @param changes the semantic differences from the document stored before, in document order;
 *     each reads as one line ({@code "Removed property orders.customer_id (breaking)"})
 * @param publishedBy the display name of who published it
 * @param revision the contract's revision this publish wrote (one event per revision)
 * @param consumers who read the contract besides its owning team, when it was published: other
 *     teams' products whose input ports name it, and the consumers of approved agreements
 */
public record ContractVersionPublished(
        String contractId,
        @Nullable String contractName,
        String ownerTeam,
        String version,
        @Nullable String previousVersion,
        boolean breaking,
        List<String> changes,
        String publishedBy,
        long revision,
        List<Consumer> consumers) {

    public ContractVersionPublished {
        changes = List.copyOf(changes);
        consumers = List.copyOf(consumers);
    }

    /** As first declared: without the revision and the consumers. */
    public ContractVersionPublished(
            String contractId,
            @Nullable String contractName,
            String ownerTeam,
            String version,
            @Nullable String previousVersion,
            boolean breaking,
            List<String> changes,
            String publishedBy) {
        this(
                contractId,
                contractName,
                ownerTeam,
                version,
                previousVersion,
                breaking,
                changes,
                publishedBy,
                0,
                List.of());
    }

    /** The teams to tell, each once, in the order first met. */
    public List<String> consumerTeams() {
        return consumers.stream().map(Consumer::team).distinct().toList();
    }

    /**
     * A team that reads the contract: through a product's input port ({@code productId}, with its
     * name) or through an approved agreement ({@code agreementId}, with the consumer's product if
     * it named one).
     */
    public record Consumer(
            String team,
            @Nullable String productId,
            @Nullable String productName,
            @Nullable String agreementId) {}
}

package io.meshport.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An output port that provides a contract its product's team may not provide: another team owns
 * the contract, or (for a contract not in the catalog) another team provides it too. Rows from
 * before the rule existed are kept and listed for governance, not deleted.
 *
 * @param contractOwner the team that owns the contract; null when it is not in the catalog
 * @param otherProviders the other teams whose products provide the same contract id
 */
public record ContractConflict(
        String contractId,
        String productId,
        String productTeam,
        String outputPort,
        String outputPortVersion,
        @Nullable String contractOwner,
        List<String> otherProviders) {

    /** In words, for a governance list. */
    public String reason() {
        return contractOwner != null
                ? "contract '" + contractId + "' is owned by team '" + contractOwner + "', not by '" + productTeam + "'"
                : "contract '" + contractId + "' is not in the catalog and is also provided by team(s) "
                        + String.join(", ", otherProviders);
    }
}

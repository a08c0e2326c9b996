package io.meshport.publishing.ui;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.ProductDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog's contracts as one opening of the form sees them: which exist, and the documents of
 * those the caller may edit (fetched once, handed out as copies).
 */
final class FormContracts implements OutputPortEditor.Contracts {

    private final CatalogService catalog;
    private final List<ProductDetails.ContractView> all;
    private final List<String> publishableTeams;
    private final Map<String, Optional<ObjectNode>> editable = new LinkedHashMap<>();

    FormContracts(CatalogService catalog) {
        this.catalog = catalog;
        this.all = catalog.contracts();
        this.publishableTeams = catalog.publishableTeams();
    }

    @Override
    public List<ProductDetails.ContractView> all() {
        return all;
    }

    boolean inCatalog(String contractId) {
        return all.stream().anyMatch(c -> c.id().equals(contractId));
    }

    /** The catalog's document of a contract whose team the caller may publish for. */
    @Override
    public Optional<ObjectNode> editableDocument(String contractId) {
        return editable.computeIfAbsent(contractId, id -> all.stream()
                        .filter(c -> c.id().equals(id) && publishableTeams.contains(c.ownerTeam()))
                        .findFirst()
                        .flatMap(c -> catalog.exportContract(id, DocumentFormat.JSON))
                        .map(exported -> (ObjectNode) Documents.JSON.readTree(exported.content())))
                .map(ObjectNode::deepCopy);
    }
}

package io.meshport.catalog.api;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.ContractConflict;
import io.meshport.catalog.IdLookAlikes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What governance settles by hand in the catalog: claims made before the rules that now refuse
 * them. Governance (the admin group) only; {@link CatalogService} checks that.
 */
@RestController
@RequestMapping("/api/v1/governance")
@Tag(name = "Governance", description = "Catalog rows that break today's rules, kept from before them")
@SecurityRequirement(name = "bearer")
class GovernanceApi {

    private final CatalogService catalog;

    GovernanceApi(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** A conflicting output port as the API shows it. */
    record ConflictResponse(
            String contractId,
            String productId,
            String productTeam,
            String outputPort,
            String outputPortVersion,
            @org.jspecify.annotations.Nullable String contractOwner,
            List<String> otherProviders,
            String reason) {

        static ConflictResponse of(ContractConflict conflict) {
            return new ConflictResponse(
                    conflict.contractId(),
                    conflict.productId(),
                    conflict.productTeam(),
                    conflict.outputPort(),
                    conflict.outputPortVersion(),
                    conflict.contractOwner(),
                    conflict.otherProviders(),
                    conflict.reason());
        }
    }

    @Operation(
            summary = "Output ports that provide a contract their team may not provide",
            description = "A product may provide only contracts its team owns, or one not in the catalog that no"
                    + " other team provided first. Rows stored before the rule are listed here, not deleted.")
    @GetMapping("/contract-conflicts")
    List<ConflictResponse> contractConflicts() {
        return catalog.contractConflicts().stream().map(ConflictResponse::of).toList();
    }

    @Operation(
            summary = "Product and contract ids that differ only in case",
            description = "Stored before ids were unique regardless of case; the oldest first.")
    @GetMapping("/id-look-alikes")
    List<IdLookAlikes> idLookAlikes() {
        return catalog.idLookAlikes();
    }
}

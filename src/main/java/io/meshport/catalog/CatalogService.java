package io.meshport.catalog;

import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import io.meshport.identity.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The way into the catalog, for the UI and the API alike: every read and write goes through here,
 * and so does every ownership check. Documents are validated against the official schema, then
 * against Meshport's rules; what is stored is the document exactly as published.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class CatalogService {

    /** For {@code expectedRevision}: the document must not exist yet. */
    public static final long MUST_BE_NEW = -1;

    private final DataProductRepository products;
    private final DataContractRepository contracts;
    private final ChangeRecordRepository changes;
    private final StandardDocuments documents;
    private final CurrentIdentity currentIdentity;
    private final UserDirectory users;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ContractClaims claims;
    private final ContractVersionRepository versions;
    private final ObjectProvider<ContractAgreements> agreements;
    private final ObjectProvider<PublishGate> gates;

    CatalogService(
            DataProductRepository products,
            DataContractRepository contracts,
            ChangeRecordRepository changes,
            StandardDocuments documents,
            CurrentIdentity currentIdentity,
            UserDirectory users,
            Clock clock,
            ApplicationEventPublisher events,
            ContractClaims claims,
            ContractVersionRepository versions,
            ObjectProvider<ContractAgreements> agreements,
            ObjectProvider<PublishGate> gates) {
        this.products = products;
        this.contracts = contracts;
        this.changes = changes;
        this.documents = documents;
        this.currentIdentity = currentIdentity;
        this.users = users;
        this.clock = clock;
        this.events = events;
        this.claims = claims;
        this.versions = versions;
        this.agreements = agreements;
        this.gates = gates;
    }

    // ---------------------------------------------------------------- reading the catalog

    /** One page of the catalog in name order; a slice, so no count query runs per page. */
    public Slice<DataProductSummary> list(Pageable pageable) {
        Pageable ordered = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("name", "id"));
        return products.findAllBy(ordered).map(DataProductSummary::of);
    }

    public long count() {
        return products.count();
    }

    public Optional<DataProductSummary> find(String id) {
        return products.findById(id).map(DataProductSummary::of);
    }

    /** The products owned by any of the given teams, in name order. */
    public List<DataProductSummary> ownedBy(Collection<String> teams) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return products.findByOwnerTeamInOrderByNameAscIdAsc(teams).stream()
                .map(DataProductSummary::of)
                .toList();
    }

    public List<String> domains() {
        return products.findDomains();
    }

    /** Teams the caller may publish for: their own, or for governance every team known. */
    public List<String> publishableTeams() {
        Identity caller = currentIdentity.require();
        Set<String> teams = new TreeSet<>(caller.teams());
        if (caller.admin()) {
            teams.addAll(products.findOwnerTeams());
        }
        return List.copyOf(teams);
    }

    /** Whether the caller may change this product (member of its owning team, or governance). */
    public boolean mayEdit(String productId) {
        Identity caller = currentIdentity.require();
        return products.findById(productId)
                .map(product -> caller.mayActFor(product.ownerTeam()))
                .orElse(false);
    }

    public Optional<ProductDetails> details(String id) {
        Identity caller = currentIdentity.require();
        return products.findById(id).map(product -> details(product, caller));
    }

    public Optional<ExportedDocument> exportProduct(String id, DocumentFormat format) {
        return products.findById(id)
                .map(product -> new ExportedDocument(
                        id,
                        documents.render(product.source(), product.sourceFormat(), format),
                        format,
                        product.revision()));
    }

    public Optional<ExportedDocument> exportContract(String id, DocumentFormat format) {
        return contracts
                .findById(id)
                .map(contract -> new ExportedDocument(
                        id,
                        documents.render(contract.source(), contract.sourceFormat(), format),
                        format,
                        contract.revision()));
    }

    /**
     * A version of a contract as published under that label (its latest revision); empty when
     * the contract or the version is unknown.
     */
    public Optional<ExportedDocument> exportContract(String id, String version, DocumentFormat format) {
        return versions.find(id, version)
                .map(stored -> new ExportedDocument(
                        id,
                        documents.render(stored.source(), stored.sourceFormat(), format),
                        format,
                        stored.revision()));
    }

    /**
     * Every published version of a contract, the latest first, each with its semantic changes
     * from the version before; empty when there is no such contract.
     */
    public List<ContractVersionSummary> contractVersions(String contractId) {
        return versions.findNewestFirst(contractId).stream()
                .map(stored -> new ContractVersionSummary(
                        stored.version(),
                        stored.publishedAt(),
                        stored.publishedByName(),
                        stored.breaking(),
                        ContractChanges.read(stored.changes())))
                .toList();
    }

    /**
     * The semantic differences between two published versions of a contract, from the first to
     * the second (either way round).
     *
     * @throws NotInCatalogException when the contract or either version is unknown
     */
    public List<ContractChange> contractDiff(String contractId, String fromVersion, String toVersion) {
        ContractVersion from =
                versions.find(contractId, fromVersion).orElseThrow(() -> unknownVersion(contractId, fromVersion));
        ContractVersion to =
                versions.find(contractId, toVersion).orElseThrow(() -> unknownVersion(contractId, toVersion));
        return ContractDiff.between(
                documents.tree(from.source(), from.sourceFormat()), documents.tree(to.source(), to.sourceFormat()));
    }

    private NotInCatalogException unknownVersion(String contractId, String version) {
        return contracts.existsById(contractId)
                ? new NotInCatalogException("Data contract '" + contractId + "' has no version '" + version + "'.")
                : new NotInCatalogException("No data contract '" + contractId + "'.");
    }

    public List<ProductDetails.ContractView> contracts() {
        return contracts.findAllByOrderById().stream().map(CatalogService::view).toList();
    }

    /**
     * The product's history, newest first, each change with the fields it changed; with it the
     * changes of the contracts the product provides, made since the product exists.
     */
    public List<ChangeEntry> history(String productId) {
        List<ChangeRecord> records =
                new ArrayList<>(changes.findBySubjectTypeAndSubjectIdOrderByIdDesc("product", productId));
        products.findById(productId).ifPresent(product -> {
            List<String> provided = product.outputPorts().stream()
                    .map(OutputPort::contractId)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            if (!provided.isEmpty()) {
                records.addAll(changes.findContractChanges(provided, product.createdAt()));
            }
        });
        records.sort(java.util.Comparator.comparingLong(ChangeRecord::id).reversed());
        return records.stream()
                .map(record -> record.toEntry(fieldChanges(record)))
                .toList();
    }

    /** Output ports with a contract, to connect input ports to. */
    public List<PortChoice> outputPortChoices() {
        return products.findPortChoices();
    }

    // ---------------------------------------------------------------- checking without saving

    /**
     * Every violation a publish of this document would meet, ownership included, without saving:
     * the form's live validation uses the very rules the API applies.
     */
    public List<Violation> checkProduct(String text, DocumentFormat format, @Nullable String editedId) {
        Identity caller = currentIdentity.require();
        ProductDocument document;
        try {
            document = readProduct(text, format);
        } catch (InvalidDocumentException e) {
            return e.violations();
        }
        Optional<DataProduct> existing = editedId == null ? Optional.empty() : products.findById(editedId);
        List<Violation> violations = new ArrayList<>(ProductRules.check(
                document, editedId, existing.map(DataProduct::status).orElse(null), contracts::findById));
        if (editedId == null && !document.id().isBlank() && products.existsById(document.id())) {
            violations.add(new Violation("/id", "The id '" + document.id() + "' is already taken."));
        } else if (existing.isEmpty() && !document.id().isBlank()) {
            productLookAlike(document.id()).ifPresent(other -> violations.add(new Violation("/id", lookAlike(other))));
        }
        String team = document.teamName();
        if (team == null) {
            violations.add(new Violation("/team/name", "Choose the owning team."));
        } else if (!caller.mayActFor(team)) {
            violations.add(new Violation("/team/name", "You are not in team '" + team + "'."));
        } else {
            violations.addAll(claimViolations(document, team, existing));
        }
        return violations;
    }

    /**
     * Adds a line to the product's history without changing its document: an owner's sign-off of
     * a review, say. The caller must be allowed to change the product; the feature that records
     * the line says what it means.
     *
     * @throws NotInCatalogException when there is no such product
     * @throws AccessDeniedException when the caller may not change it
     */
    @Transactional
    public void recordInHistory(String productId, String action, String summary) {
        Identity caller = currentIdentity.require();
        DataProduct product = products.findById(productId)
                .orElseThrow(() -> new NotInCatalogException("No data product '" + productId + "'."));
        if (!caller.mayActFor(product.ownerTeam())) {
            throw new AccessDeniedException("Only members of team '" + product.ownerTeam() + "' may do this.");
        }
        changes.save(new ChangeRecord(
                "product",
                productId,
                product.revision(),
                action,
                summary,
                users.record(caller),
                caller.displayName(),
                clock.instant(),
                null,
                null));
    }

    /**
     * Records governance's standing of a product (its trust score and how many policies it
     * violates), what Explore filters and sorts by. Not a change of the product: no history line,
     * no new revision. For the governance feature, which computes it with no caller.
     */
    @Transactional
    @PreAuthorize("permitAll()")
    public void recordStanding(String productId, @Nullable Integer trustScore, int policyViolations) {
        recordStandings(Map.of(productId, new Standing(trustScore, policyViolations)));
    }

    /** Governance's standing of a product: its trust score (null before the first evaluation) and how many policies it violates. */
    public record Standing(@Nullable Integer trustScore, int policyViolations) {}

    /** {@link #recordStanding} for many products in one look-up; a product whose standing is unchanged is not touched. */
    @Transactional
    @PreAuthorize("permitAll()")
    public void recordStandings(Map<String, Standing> standings) {
        boolean changed = false;
        for (DataProduct product : products.findAllById(standings.keySet())) {
            Standing standing = standings.get(product.id());
            changed |= product.standing(standing.trustScore(), standing.policyViolations());
        }
        if (changed) {
            // Search filters and sorts by it, so the result lists it remembers are out of date.
            announceCatalogWrite();
        }
    }

    // ---------------------------------------------------------------- publishing

    /**
     * Creates or replaces a data product from an ODPS document.
     *
     * @param expectedId the id the caller addresses (the URL's, or the edited product's); the
     *     document must carry the same; null to take the document's
     * @param team the owning team when the document names none
     * @param expectedRevision the revision the caller last saw, {@link #MUST_BE_NEW}, or null for
     *     no check
     */
    @Transactional
    public Published publishProduct(
            @Nullable String expectedId,
            String text,
            DocumentFormat format,
            @Nullable String team,
            @Nullable Long expectedRevision) {
        return publishProduct(expectedId, text, format, team, expectedRevision, false, List.of());
    }

    /**
     * As {@link #publishProduct(String, String, DocumentFormat, String, Long)}; a name that
     * another team's product already has is refused unless {@code allowDuplicateName}.
     */
    @Transactional
    public Published publishProduct(
            @Nullable String expectedId,
            String text,
            DocumentFormat format,
            @Nullable String team,
            @Nullable Long expectedRevision,
            boolean allowDuplicateName) {
        return publishProduct(expectedId, text, format, team, expectedRevision, allowDuplicateName, List.of());
    }

    private Published publishProduct(
            @Nullable String expectedId,
            String text,
            DocumentFormat format,
            @Nullable String team,
            @Nullable Long expectedRevision,
            boolean allowDuplicateName,
            List<String> updatedContracts) {
        Identity caller = currentIdentity.require();
        announceCatalogWrite();
        StandardDocuments.Parsed parsed = documents.parse(StandardDocuments.Kind.PRODUCT, text, format);
        String id = expectedId != null
                ? expectedId
                : ProductDocument.text(parsed.tree().path("id"));
        Optional<DataProduct> existing = id == null ? Optional.empty() : products.findById(id);
        existing.ifPresent(product -> requireMayActFor(caller, product.ownerTeam(), "product", product.id()));

        ProductDocument document = validated(parsed);
        List<Violation> violations = ProductRules.check(
                document, expectedId, existing.map(DataProduct::status).orElse(null), contracts::findById);
        if (!violations.isEmpty()) {
            throw new InvalidDocumentException("Invalid data product", violations);
        }
        String owner = owner(document.teamName(), "/team/name", team, existing.map(DataProduct::ownerTeam), caller);
        requireMayActFor(caller, owner, "product", document.id());
        checkRevision("Data product", document.id(), existing.map(DataProduct::revision), expectedRevision);
        if (existing.isEmpty()) {
            productLookAlike(document.id()).ifPresent(other -> {
                throw new CatalogConflictException(lookAlike(other));
            });
        }
        requireMayProvide(document, owner, existing);
        boolean renamed =
                existing.map(p -> !sameName(p.name(), document.name())).orElse(true);
        if (renamed && !allowDuplicateName) {
            sameNameElsewhere(document.name(), owner, document.id()).ifPresent(other -> {
                throw new InvalidDocumentException(
                        "Name already used by another team",
                        "/name",
                        "Team '" + other.ownerTeam() + "' already has a product named '" + other.name()
                                + "' (" + other.id() + "). Choose another name, or pass"
                                + " allowDuplicateName=true to publish a second one.");
            });
        }
        JsonNode previousTree =
                existing.map(p -> documents.tree(p.source(), p.sourceFormat())).orElse(null);
        // A contract written with this product (the form) is a change even when the product is not.
        if (updatedContracts.isEmpty()
                && unchanged(previousTree, parsed, existing.map(DataProduct::ownerTeam), owner)) {
            return new Published(existing.get().id(), existing.get().revision(), false);
        }

        Instant now = clock.instant();
        long actor = users.record(caller);
        String previousSource = existing.map(DataProduct::source).orElse(null);
        ProductStatus previousStatus = existing.map(DataProduct::status).orElse(null);
        String previousOwner = existing.map(DataProduct::ownerTeam).orElse(null);

        DataProduct product = existing.orElseGet(() -> new DataProduct(document.id(), now));
        product.apply(document, owner, now, actor);
        product.searchText(searchText(product, parsed.tree()));
        DataProduct saved = products.saveAndFlush(product);
        // Listeners (lineage) run here, in this transaction: one that throws refuses the write.
        events.publishEvent(ProductPublished.of(document, owner, previousStatus));
        gates.orderedStream().forEach(gate -> gate.check(saved.id(), previousStatus));

        if (previousStatus != null && previousStatus != document.status()) {
            events.publishEvent(new ProductStatusChanged(
                    saved.id(),
                    saved.name(),
                    previousStatus,
                    document.status(),
                    customProperty(parsed.tree(), "successor"),
                    caller.displayName()));
        }

        String summary = existing.isEmpty()
                ? "Created as " + document.status().value() + ", owned by " + owner
                : changeSummary(
                        previousTree,
                        parsed.tree(),
                        previousStatus,
                        document.status(),
                        previousOwner,
                        owner,
                        updatedContracts);
        changes.save(new ChangeRecord(
                "product",
                saved.id(),
                saved.revision(),
                existing.isEmpty() ? "created" : "replaced",
                summary,
                actor,
                caller.displayName(),
                now,
                previousSource,
                saved.source()));
        return new Published(saved.id(), saved.revision(), existing.isEmpty());
    }

    /**
     * What the product form saves: the contracts defined inline, then the product, in one
     * transaction, so that a refused product leaves no half-published contracts behind. A
     * contract identical to the stored one is not written again; the product's history names
     * those that were updated. A contract that names no team is owned by the product's team.
     */
    @Transactional
    public Published publishWithContracts(
            String productJson,
            List<String> contractJsons,
            @Nullable String editedId,
            @Nullable Long expectedRevision) {
        return publishWithContracts(productJson, contractJsons, editedId, expectedRevision, false);
    }

    @Transactional
    public Published publishWithContracts(
            String productJson,
            List<String> contractJsons,
            @Nullable String editedId,
            @Nullable Long expectedRevision,
            boolean allowDuplicateName) {
        return publishWithContracts(productJson, contractJsons, editedId, expectedRevision, allowDuplicateName, false);
    }

    /**
     * As above; {@code acknowledgeBreaking} is the owner's confirmation (the form's impact
     * confirmation) that a contract may break its consumers without a new major version.
     *
     * @throws BreakingChangeException when a contract breaks its consumers under the same major
     *     version and nobody acknowledged it
     */
    @Transactional
    public Published publishWithContracts(
            String productJson,
            List<String> contractJsons,
            @Nullable String editedId,
            @Nullable Long expectedRevision,
            boolean allowDuplicateName,
            boolean acknowledgeBreaking) {
        String productTeam = ProductDocument.text(documents
                .parse(StandardDocuments.Kind.PRODUCT, productJson, DocumentFormat.JSON)
                .tree()
                .path("team")
                .path("name"));
        Long productRevision = expectedRevision;
        if (editedId != null && expectedRevision != null && expectedRevision != MUST_BE_NEW) {
            // Checked before the contracts are written: refreshing the search text of the products
            // offering a contract gives this product a new revision of its own.
            checkRevision(
                    "Data product", editedId, products.findById(editedId).map(DataProduct::revision), expectedRevision);
            productRevision = null;
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> updated = new ArrayList<>();
        for (int i = 0; i < contractJsons.size(); i++) {
            String contract = contractJsons.get(i);
            JsonNode tree = documents.tree(contract, DocumentFormat.JSON);
            String contractId = ContractDocument.scalar(tree.path("id"));
            if (contractId != null && !seen.add(contractId)) {
                throw new InvalidDocumentException(
                        "Contract defined twice",
                        "/outputPorts",
                        "Two output ports define contract '" + contractId + "': give each its own contract id.");
            }
            Optional<DataContract> stored = contractId == null ? Optional.empty() : contracts.findById(contractId);
            if (stored.isPresent()
                    && documents
                            .tree(stored.get().source(), stored.get().sourceFormat())
                            .equals(tree)) {
                continue;
            }
            try {
                publishContract(null, contract, DocumentFormat.JSON, productTeam, null, acknowledgeBreaking, false);
            } catch (InvalidDocumentException e) {
                // Pointers into the i-th contract sent, so that the form shows them at its fields.
                String prefix = "/contracts/" + i;
                throw new InvalidDocumentException(
                        "Invalid data contract" + (contractId == null ? "" : " '" + contractId + "'"),
                        e.violations().stream()
                                .map(v -> new Violation(prefix + v.pointer(), v.message()))
                                .toList());
            }
            if (stored.isPresent()) {
                updated.add(contractId);
            }
        }
        return publishProduct(
                editedId, productJson, DocumentFormat.JSON, null, productRevision, allowDuplicateName, updated);
    }

    /**
     * Another team's product with the same name (ignoring case), which people would take for
     * this one: the form warns, the API refuses unless asked to allow it.
     */
    public Optional<DataProductSummary> sameNameElsewhere(
            String name, @Nullable String team, @Nullable String exceptId) {
        if (name.isBlank()) {
            return Optional.empty();
        }
        return products.findOthersNamed(name.strip(), exceptId == null ? "" : exceptId).stream()
                .filter(other -> team == null || !other.ownerTeam().equals(team))
                .map(DataProductSummary::of)
                .findFirst();
    }

    private static boolean sameName(String a, String b) {
        return a.strip().equalsIgnoreCase(b.strip());
    }

    /**
     * Deletes a product that never went live (draft or proposed) and that nothing consumes.
     * Its history stays.
     */
    @Transactional
    public void deleteProduct(String id, @Nullable Long expectedRevision) {
        Identity caller = currentIdentity.require();
        announceCatalogWrite();
        DataProduct product =
                products.findById(id).orElseThrow(() -> new NotInCatalogException("No data product '" + id + "'."));
        requireMayActFor(caller, product.ownerTeam(), "product", id);
        checkRevision("Data product", id, Optional.of(product.revision()), expectedRevision);
        if (product.status() != ProductStatus.DRAFT && product.status() != ProductStatus.PROPOSED) {
            throw new CatalogConflictException("Only a draft or proposed product can be deleted; '" + id + "' is "
                    + product.status().value() + ". Deprecate it, then retire it.");
        }
        List<String> downstream = products.findDownstreamIds(id);
        if (!downstream.isEmpty()) {
            throw new CatalogConflictException(
                    "'" + id + "' cannot be deleted: " + String.join(", ", downstream) + " consume its output.");
        }
        long actor = users.record(caller);
        changes.save(new ChangeRecord(
                "product",
                id,
                product.revision() + 1,
                "deleted",
                "Deleted (was " + product.status().value() + ")",
                actor,
                caller.displayName(),
                clock.instant(),
                product.source(),
                null));
        products.delete(product);
    }

    /** Creates or replaces a data contract from an ODCS document; the same ownership rules apply. */
    @Transactional
    public Published publishContract(
            @Nullable String expectedId,
            String text,
            DocumentFormat format,
            @Nullable String team,
            @Nullable Long expectedRevision) {
        return publishContract(expectedId, text, format, team, expectedRevision, false);
    }

    /**
     * As {@link #publishContract(String, String, DocumentFormat, String, Long)}. A change that
     * breaks what the contract's consumers (other teams' products reading it, approved agreements)
     * rely on needs a new major version, unless {@code acknowledgeBreaking}.
     *
     * @throws BreakingChangeException when it does not have one and nobody acknowledged it
     */
    @Transactional
    public Published publishContract(
            @Nullable String expectedId,
            String text,
            DocumentFormat format,
            @Nullable String team,
            @Nullable Long expectedRevision,
            boolean acknowledgeBreaking) {
        return publishContract(expectedId, text, format, team, expectedRevision, acknowledgeBreaking, true);
    }

    /**
     * @param checkOfferingProducts whether the products offering the contract must still pass the
     *     publish gates; not when the form writes a product with its contracts, where the product's
     *     own write is checked once everything is written
     */
    private Published publishContract(
            @Nullable String expectedId,
            String text,
            DocumentFormat format,
            @Nullable String team,
            @Nullable Long expectedRevision,
            boolean acknowledgeBreaking,
            boolean checkOfferingProducts) {
        Identity caller = currentIdentity.require();
        announceCatalogWrite();
        StandardDocuments.Parsed parsed = documents.parse(StandardDocuments.Kind.CONTRACT, text, format);
        String id = expectedId != null
                ? expectedId
                : ContractDocument.scalar(parsed.tree().path("id"));
        Optional<DataContract> existing = id == null ? Optional.empty() : contracts.findById(id);
        existing.ifPresent(contract -> requireMayActFor(caller, contract.ownerTeam(), "contract", contract.id()));

        List<Violation> violations =
                new ArrayList<>(documents.schemaViolations(StandardDocuments.Kind.CONTRACT, parsed.tree()));
        if (!violations.isEmpty()) {
            throw new InvalidDocumentException("Invalid data contract", violations);
        }
        ContractDocument document = ContractDocument.of(parsed, documents.toJson(parsed));
        if (document.id().isBlank()) {
            violations.add(new Violation("/id", "A data contract needs an id."));
        } else if (!ProductRules.isValidId(document.id())) {
            violations.add(new Violation("/id", ProductRules.ID_RULE));
        } else if (expectedId != null && !expectedId.equals(document.id())) {
            violations.add(new Violation(
                    "/id", "The document's id '" + document.id() + "' differs from '" + expectedId + "' in the URL."));
        }
        ProductRules.checkName(violations, "/name", parsed.tree().path("name"));
        ProductRules.checkVersion(violations, "/version", document.version());
        if (!violations.isEmpty()) {
            throw new InvalidDocumentException("Invalid data contract", violations);
        }
        String owner = owner(
                document.teamName(),
                parsed.tree().path("team").isArray() ? "/team" : "/team/name",
                team,
                existing.map(DataContract::ownerTeam),
                caller);
        requireMayActFor(caller, owner, "contract", document.id());
        checkRevision("Data contract", document.id(), existing.map(DataContract::revision), expectedRevision);
        if (existing.isEmpty()) {
            contractLookAlike(document.id()).ifPresent(other -> {
                throw new CatalogConflictException(lookAlike(other));
            });
            requireNotReservedByAnotherTeam(document.id(), owner);
        }
        JsonNode previousTree =
                existing.map(c -> documents.tree(c.source(), c.sourceFormat())).orElse(null);
        if (unchanged(previousTree, parsed, existing.map(DataContract::ownerTeam), owner)) {
            return new Published(existing.get().id(), existing.get().revision(), false);
        }

        // Consumers asked for before anything is written: the queries would flush the writes early.
        List<ContractChange> changed = ContractDiff.between(previousTree, parsed.tree());
        String previousVersion = existing.map(DataContract::version).orElse(null);
        List<ContractVersionPublished.Consumer> consumers =
                previousTree == null ? List.of() : consumersOf(document.id(), owner);
        if (!acknowledgeBreaking && previousVersion != null) {
            requireMajorForBreaking(document.id(), previousVersion, document.version(), changed, consumers);
        }

        Instant now = clock.instant();
        long actor = users.record(caller);
        String previousSource = existing.map(DataContract::source).orElse(null);
        DataContract contract = existing.orElseGet(() -> new DataContract(document.id(), now));
        contract.apply(document, owner, now, actor);
        DataContract saved = contracts.saveAndFlush(contract);
        boolean newDocument = previousTree == null || !previousTree.equals(parsed.tree());
        if (newDocument) {
            recordVersion(saved, document.json(), previousTree, previousVersion, changed, now, actor, caller);
            // Listeners (access, notifications, the event feed) hear of it once this commits.
            events.publishEvent(new ContractVersionPublished(
                    saved.id(),
                    saved.name(),
                    owner,
                    saved.version(),
                    previousVersion,
                    ContractDiff.breaking(changed),
                    changed.stream().map(ContractChange::line).toList(),
                    caller.displayName(),
                    saved.revision(),
                    consumers));
        }
        // Products offering this contract are found by its schema and SLA: refresh their text.
        List<String> offering = products.findIdsOfferingContract(saved.id());
        for (String productId : offering) {
            products.findById(productId)
                    .ifPresent(product -> product.searchText(
                            searchText(product, documents.tree(product.source(), product.sourceFormat()))));
        }
        if (checkOfferingProducts && !offering.isEmpty()) {
            products.flush();
            for (String productId : offering) {
                ProductStatus status =
                        products.findById(productId).map(DataProduct::status).orElse(null);
                gates.orderedStream().forEach(gate -> gate.check(productId, status));
            }
        }
        changes.save(new ChangeRecord(
                "contract",
                saved.id(),
                saved.revision(),
                existing.isEmpty() ? "created" : "replaced",
                existing.isEmpty()
                        ? "Created, owned by " + owner
                        : contractSummary(
                                previousTree, parsed.tree(), existing.get().ownerTeam(), owner),
                actor,
                caller.displayName(),
                now,
                previousSource,
                saved.source()));
        return new Published(saved.id(), saved.revision(), existing.isEmpty());
    }

    // ---------------------------------------------------------------- contract versions

    /**
     * Who reads the contract besides its own team: the products of other teams whose input ports
     * name it, and the consumers of approved agreements on ports that offer it.
     */
    private List<ContractVersionPublished.Consumer> consumersOf(String contractId, String owner) {
        List<ContractVersionPublished.Consumer> consumers = new ArrayList<>();
        for (Object[] row : products.findConsumersOf(contractId)) {
            if (!owner.equals(row[2])) {
                consumers.add(
                        new ContractVersionPublished.Consumer((String) row[2], (String) row[0], (String) row[1], null));
            }
        }
        agreements
                .orderedStream()
                .flatMap(source -> source.of(contractId).stream())
                .filter(agreement -> !owner.equals(agreement.team()))
                .forEach(agreement -> consumers.add(new ContractVersionPublished.Consumer(
                        agreement.team(), agreement.product(), null, agreement.agreementId())));
        return consumers;
    }

    /**
     * A breaking change to a contract that others read needs a major version above the one they
     * read (docs/decisions/0022-contract-versions.md).
     */
    private static void requireMajorForBreaking(
            String contractId,
            String previousVersion,
            String version,
            List<ContractChange> changes,
            List<ContractVersionPublished.Consumer> consumers) {
        List<String> breaking = changes.stream()
                .filter(ContractChange::breaking)
                .map(ContractChange::line)
                .toList();
        if (breaking.isEmpty() || consumers.isEmpty()) {
            return;
        }
        OptionalLong before = major(previousVersion);
        OptionalLong after = major(version);
        if (before.isPresent() && after.isPresent() && after.getAsLong() > before.getAsLong()) {
            return;
        }
        String next = (before.isPresent() ? before.getAsLong() + 1 : 1) + ".0.0";
        throw new BreakingChangeException(
                contractId,
                version,
                breaking,
                consumers.stream()
                        .map(ContractVersionPublished.Consumer::team)
                        .distinct()
                        .sorted()
                        .toList(),
                next);
    }

    /** The major number of a semantic version (a leading "v" allowed); empty for anything else. */
    static OptionalLong major(String version) {
        String text = version.startsWith("v") ? version.substring(1) : version;
        int dot = text.indexOf('.');
        try {
            return OptionalLong.of(Long.parseLong(dot < 0 ? text : text.substring(0, dot)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Keeps the version just published: a new row for a new label, the same row replaced for a
     * later revision under the same label. Its changes are those from the version before it.
     */
    private void recordVersion(
            DataContract saved,
            String documentJson,
            @Nullable JsonNode previousTree,
            @Nullable String previousVersion,
            List<ContractChange> changedFromStored,
            Instant now,
            long actor,
            Identity caller) {
        String version = saved.version();
        String before = previousVersion;
        List<ContractChange> changes = changedFromStored;
        if (version.equals(previousVersion)) {
            // A revision of the same label: compared with the label published before it.
            Optional<ContractVersion> earlier = versions.findNewestFirst(saved.id()).stream()
                    .filter(other -> !other.version().equals(version))
                    .findFirst();
            before = earlier.map(ContractVersion::version).orElse(null);
            changes = earlier.map(other -> ContractDiff.between(
                            documents.tree(other.source(), other.sourceFormat()),
                            documents.tree(saved.source(), saved.sourceFormat())))
                    .orElse(List.of());
        } else if (previousTree == null) {
            changes = List.of();
        }
        ContractVersion row =
                versions.find(saved.id(), version).orElseGet(() -> new ContractVersion(saved.id(), version));
        row.publish(
                saved,
                now,
                actor,
                caller.displayName(),
                before,
                ContractDiff.breaking(changes),
                ContractChanges.write(changes),
                documentJson);
        versions.save(row);
    }

    // ---------------------------------------------------------------- claims and look-alikes

    /**
     * Every output port that provides a contract its product's team may not provide (another
     * team's, or one not in the catalog that another team provides too): rows from before the rule,
     * kept, for governance to settle.
     *
     * @throws AccessDeniedException unless the caller is governance
     */
    public List<ContractConflict> contractConflicts() {
        requireGovernance();
        return claims.conflicts();
    }

    /**
     * Product and contract ids that differ only in case, stored before ids were unique regardless
     * of case.
     *
     * @throws AccessDeniedException unless the caller is governance
     */
    public List<IdLookAlikes> idLookAlikes() {
        requireGovernance();
        return claims.lookAlikes();
    }

    private void requireGovernance() {
        if (!currentIdentity.require().admin()) {
            throw new AccessDeniedException("Only governance (the admin group) may see this.");
        }
    }

    private Optional<String> productLookAlike(String id) {
        return products.findIdsRegardlessOfCase(id).stream()
                .filter(other -> !other.equals(id))
                .findFirst();
    }

    private Optional<String> contractLookAlike(String id) {
        return contracts.findIdsRegardlessOfCase(id).stream()
                .filter(other -> !other.equals(id))
                .findFirst();
    }

    private static String lookAlike(String other) {
        return "The id differs only in case from '" + other + "', which is in the catalog: ids are unique regardless"
                + " of case.";
    }

    /**
     * A product may provide (output ports) only contracts its team owns, or one not in the catalog
     * that no other team provided first. What the product provided before, for the same team, stays
     * allowed, so that its owners can still deprecate and retire it; governance sees such rows in
     * {@link #contractConflicts()}.
     *
     * @throws AccessDeniedException naming the team the contract belongs to
     */
    private void requireMayProvide(ProductDocument document, String owner, Optional<DataProduct> existing) {
        if (document.outputPorts().stream().allMatch(port -> port.contractId() == null)) {
            return;
        }
        claims.lock();
        List<Violation> refused = claimViolations(document, owner, existing);
        if (!refused.isEmpty()) {
            throw new AccessDeniedException(refused.stream()
                    .map(violation -> violation.message() + " (" + violation.pointer() + ")")
                    .collect(java.util.stream.Collectors.joining(" ")));
        }
    }

    private List<Violation> claimViolations(ProductDocument document, String owner, Optional<DataProduct> existing) {
        Set<String> providedBefore = existing.filter(
                        product -> product.ownerTeam().equals(owner))
                .map(product -> product.outputPorts().stream()
                        .map(OutputPort::contractId)
                        .filter(Objects::nonNull)
                        .collect(java.util.stream.Collectors.toSet()))
                .orElse(Set.of());
        List<Violation> violations = new ArrayList<>();
        List<OutputPort> outputs = document.outputPorts();
        for (int i = 0; i < outputs.size(); i++) {
            String contractId = outputs.get(i).contractId();
            if (contractId == null || providedBefore.contains(contractId)) {
                continue;
            }
            String pointer = "/outputPorts/" + i + "/contractId";
            claimRefusal(contractId, owner, document.id())
                    .ifPresent(message -> violations.add(new Violation(pointer, message)));
        }
        return violations;
    }

    private Optional<String> claimRefusal(String contractId, String team, String productId) {
        Optional<String> contractOwner = claims.owner(contractId);
        if (contractOwner.isPresent()) {
            return contractOwner.get().equals(team)
                    ? Optional.empty()
                    : Optional.of("Contract '" + contractId + "' is owned by team '" + contractOwner.get()
                            + "': only its products may provide it, not a product of team '" + team + "'.");
        }
        return claims.firstProvider(contractId, productId)
                .filter(first -> !first.team().equals(team))
                .map(first -> "Contract '" + contractId + "' is not in the catalog yet and is reserved by team '"
                        + first.team() + "', whose product '" + first.productId() + "' provides it first.");
    }

    /** The first team to provide a contract not yet in the catalog reserves its id. */
    private void requireNotReservedByAnotherTeam(String contractId, String owner) {
        claims.lock();
        claims.firstProvider(contractId, null)
                .filter(first -> !first.team().equals(owner))
                .ifPresent(first -> {
                    throw new AccessDeniedException("Contract id '" + contractId + "' is reserved by team '"
                            + first.team() + "', whose product '" + first.productId() + "' provides it: only team '"
                            + first.team() + "' may publish it.");
                });
    }

    /** A write of what is stored already (compared as data, same owner) changes nothing. */
    /** The same document, as data, under the same owner: re-publishing it changes nothing. */
    private static boolean unchanged(
            @Nullable JsonNode previousTree,
            StandardDocuments.Parsed parsed,
            Optional<String> previousOwner,
            String owner) {
        return previousTree != null
                && previousOwner.filter(owner::equals).isPresent()
                && previousTree.equals(parsed.tree());
    }

    private List<FieldChange> fieldChanges(ChangeRecord record) {
        String before = record.previousSource();
        String after = record.newSource();
        if (before == null || after == null) {
            return List.of();
        }
        try {
            return DocumentDiff.between(documents.storedTree(before), documents.storedTree(after));
        } catch (tools.jackson.core.JacksonException e) {
            return List.of();
        }
    }

    /** The changed fields' paths, at most five, for a history headline; empty when none changed. */
    private static String changedFields(@Nullable JsonNode before, JsonNode after, Set<String> leftOut) {
        List<String> paths = DocumentDiff.between(before, after).stream()
                .filter(change -> !leftOut.contains(change.pointer()))
                .map(FieldChange::path)
                .toList();
        if (paths.isEmpty()) {
            return "";
        }
        int shown = Math.min(paths.size(), 5);
        return "changed " + String.join(", ", paths.subList(0, shown))
                + (paths.size() > shown ? " and " + (paths.size() - shown) + " more" : "");
    }

    private static String contractSummary(
            @Nullable JsonNode before, JsonNode after, String previousOwner, String owner) {
        List<String> parts = new ArrayList<>();
        if (!previousOwner.equals(owner)) {
            parts.add("moved from team " + previousOwner + " to " + owner);
        }
        String changed = changedFields(before, after, Set.of());
        if (!changed.isEmpty()) {
            parts.add(changed);
        }
        return parts.isEmpty() ? "Saved without changes" : String.join("; ", parts);
    }

    // ---------------------------------------------------------------- rules shared by the writes

    /**
     * Tells whoever keeps derived views of the catalog (search's remembered result pages) that it
     * is being written; they act on it once the write commits.
     */
    private void announceCatalogWrite() {
        events.publishEvent(new CatalogWritten());
    }

    private ProductDocument readProduct(String text, DocumentFormat format) {
        return validated(documents.parse(StandardDocuments.Kind.PRODUCT, text, format));
    }

    private ProductDocument validated(StandardDocuments.Parsed parsed) {
        List<Violation> violations = documents.schemaViolations(StandardDocuments.Kind.PRODUCT, parsed.tree());
        if (!violations.isEmpty()) {
            throw new InvalidDocumentException("Invalid data product", violations);
        }
        return ProductDocument.of(parsed, documents.toJson(parsed));
    }

    /**
     * The owning team: the document's, else the {@code team} parameter, else the current owner,
     * else the caller's only team. A client-sent owner is never trusted beyond that: the caller
     * must be allowed to act for the result.
     */
    private static String owner(
            @Nullable String documentTeam,
            String pointer,
            @Nullable String teamParameter,
            Optional<String> currentOwner,
            Identity caller) {
        String parameter = teamParameter == null || teamParameter.isBlank() ? null : teamParameter.strip();
        if (documentTeam != null) {
            if (parameter != null && !parameter.equals(documentTeam)) {
                throw new InvalidDocumentException(
                        "Contradictory owner",
                        pointer,
                        "The team parameter ('" + parameter + "') contradicts the document's team ('" + documentTeam
                                + "').");
            }
            return documentTeam;
        }
        if (parameter != null) {
            return parameter;
        }
        if (currentOwner.isPresent()) {
            return currentOwner.get();
        }
        if (caller.teams().size() == 1) {
            return caller.teams().first();
        }
        throw new InvalidDocumentException(
                "No owning team",
                pointer,
                "The document names no owning team and you are in "
                        + caller.teams().size() + " teams: set team.name in the document or pass the team parameter.");
    }

    private static void requireMayActFor(Identity caller, String team, String kind, String id) {
        if (!caller.mayActFor(team)) {
            throw new AccessDeniedException(caller.username() + " is not a member of team '" + team
                    + "', so may not change " + kind + " '" + id + "' for it.");
        }
    }

    private static void checkRevision(
            String label, String id, Optional<Long> currentRevision, @Nullable Long expectedRevision) {
        if (expectedRevision == null) {
            return;
        }
        if (expectedRevision == MUST_BE_NEW) {
            if (currentRevision.isPresent()) {
                throw new CatalogConflictException(label + " '" + id + "' already exists.");
            }
            return;
        }
        if (currentRevision.isEmpty()) {
            throw new CatalogConflictException(label + " '" + id + "' does not exist (any more).");
        }
        if (!Objects.equals(currentRevision.get(), expectedRevision)) {
            throw new CatalogConflictException(label + " '" + id + "' was changed by someone else (revision "
                    + currentRevision.get() + ", you had " + expectedRevision + "). Reload it and apply your"
                    + " change again.");
        }
    }

    private static String changeSummary(
            @Nullable JsonNode before,
            JsonNode after,
            @Nullable ProductStatus previousStatus,
            ProductStatus status,
            @Nullable String previousOwner,
            String owner,
            List<String> updatedContracts) {
        List<String> parts = new ArrayList<>();
        if (previousStatus != null && previousStatus != status) {
            parts.add("status " + previousStatus.value() + " → " + status.value());
        }
        if (previousOwner != null && !previousOwner.equals(owner)) {
            parts.add("moved from team " + previousOwner + " to " + owner);
        }
        String changed = changedFields(before, after, Set.of("/status"));
        if (!changed.isEmpty()) {
            parts.add(changed);
        }
        updatedContracts.forEach(contract -> parts.add("contract " + contract + " updated"));
        return parts.isEmpty() ? "Saved without changes" : String.join("; ", parts);
    }

    private ProductDetails details(DataProduct product, Identity caller) {
        JsonNode tree = documents.tree(product.source(), product.sourceFormat());
        List<ProductDetails.SupportChannel> support = new ArrayList<>();
        for (JsonNode channel : tree.path("support")) {
            support.add(new ProductDetails.SupportChannel(
                    ProductDocument.text(channel.path("channel")),
                    ProductDocument.text(channel.path("tool")),
                    ProductDocument.text(channel.path("url"))));
        }
        List<ProductDetails.OutputPortView> outputs = product.outputPorts().stream()
                .map(port -> new ProductDetails.OutputPortView(
                        port.name(),
                        port.version(),
                        port.type(),
                        port.description(),
                        port.contractId(),
                        port.contractId() == null
                                ? null
                                : contracts
                                        .findById(port.contractId())
                                        .map(CatalogService::view)
                                        .orElse(null)))
                .toList();
        List<ProductDetails.InputPortView> inputs = product.inputPorts().stream()
                .map(port -> new ProductDetails.InputPortView(
                        port.name(),
                        port.version(),
                        port.contractId(),
                        products.findProvidersOf(port.contractId()).stream()
                                .map(provider -> provider.split(" ", 2)[0])
                                .distinct()
                                .toList()))
                .toList();
        return new ProductDetails(
                DataProductSummary.of(product),
                tree.path("apiVersion").asString(""),
                product.revision(),
                product.createdAt(),
                product.tags(),
                ProductDocument.text(tree.path("description").path("limitations")),
                ProductDocument.text(tree.path("description").path("usage")),
                support,
                outputs,
                inputs,
                customProperty(tree, "successor"),
                customProperty(tree, "sunsetDate"),
                caller.mayActFor(product.ownerTeam()));
    }

    /**
     * The text a search should find a product by besides its name, purpose and tags: limitations,
     * usage, output ports, and the schema fields and service levels of the contracts they offer.
     */
    private String searchText(DataProduct product, JsonNode tree) {
        StringBuilder text = new StringBuilder();
        java.util.function.Consumer<@Nullable String> add = value -> {
            if (value != null && !value.isBlank()) {
                text.append(value).append('\n');
            }
        };
        add.accept(ProductDocument.text(tree.path("description").path("limitations")));
        add.accept(ProductDocument.text(tree.path("description").path("usage")));
        for (OutputPort port : product.outputPorts()) {
            add.accept(port.name());
            add.accept(port.description());
            if (port.contractId() == null) {
                continue;
            }
            contracts.findById(port.contractId()).ifPresent(contract -> {
                contract.schemaFields().forEach(field -> {
                    add.accept(field.name());
                    add.accept(field.description());
                });
                contract.slaProperties().forEach(sla -> add.accept(sla.property()));
            });
        }
        return text.toString();
    }

    private static @Nullable String customProperty(JsonNode tree, String name) {
        for (JsonNode property : tree.path("customProperties")) {
            if (name.equals(property.path("property").asString(""))) {
                return ContractDocument.scalar(property.path("value"));
            }
        }
        return null;
    }

    private static ProductDetails.ContractView view(DataContract contract) {
        return new ProductDetails.ContractView(
                contract.id(),
                contract.name(),
                contract.version(),
                contract.status(),
                contract.ownerTeam(),
                contract.schemaFields(),
                contract.slaProperties());
    }
}

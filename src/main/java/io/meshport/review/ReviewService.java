package io.meshport.review;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DataProductSummary;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.NotInCatalogException;
import io.meshport.catalog.ProductStatus;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import io.meshport.identity.UserDirectory;
import io.meshport.lineage.Drift;
import io.meshport.lineage.LineageDrift;
import io.meshport.sla.ComplianceStatus;
import io.meshport.sla.SlaConsistencyWarning;
import io.meshport.sla.SlaService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way into owner review, for the UI and the API alike: the products of the caller's teams
 * with what needs attention (SLA compliance, lineage health, SLA consistency, reviews due), and
 * the sign-off of a review. Who may sign off is decided by the catalog's ownership rule.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class ReviewService {

    /** The longest comment a sign-off keeps. */
    public static final int MAX_COMMENT = 2_000;

    /** The most drift items a sign-off's history entry spells out; it counts the rest. */
    static final int DRIFT_IN_HISTORY = 20;

    private final ReviewStore store;
    private final CatalogService catalog;
    private final SlaService sla;
    private final LineageDrift drift;
    private final CurrentIdentity currentIdentity;
    private final UserDirectory users;
    private final Clock clock;
    private final Duration interval;

    ReviewService(
            ReviewStore store,
            CatalogService catalog,
            SlaService sla,
            LineageDrift drift,
            CurrentIdentity currentIdentity,
            UserDirectory users,
            Clock clock,
            @Value("${meshport.review.interval:P90D}") Duration interval) {
        this.store = store;
        this.catalog = catalog;
        this.sla = sla;
        this.drift = drift;
        this.currentIdentity = currentIdentity;
        this.users = users;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * The products of the caller's teams (a governance member too sees only their own teams'
     * products here), in name order, each with its SLA compliance, open warnings and review state.
     */
    public List<OwnedProduct> myProducts() {
        Identity caller = currentIdentity.require();
        List<DataProductSummary> owned = catalog.ownedBy(caller.teams());
        List<String> ids = owned.stream().map(DataProductSummary::id).toList();
        Map<String, ComplianceStatus> compliance = sla.summaries(ids);
        ReviewStore.Overview overview = store.overview(ids);
        Map<String, ReviewStore.Schedule> schedules = overview.schedules();
        Map<String, List<Warning>> warnings = warnings(ids, overview.providers());
        Map<String, List<Drift>> drifting = drift.of(ids);
        Instant now = clock.instant();
        List<OwnedProduct> rows = new ArrayList<>();
        for (DataProductSummary product : owned) {
            rows.add(new OwnedProduct(
                    product,
                    compliance.getOrDefault(product.id(), ComplianceStatus.NO_DATA),
                    warnings.getOrDefault(product.id(), List.of()),
                    drifting.getOrDefault(product.id(), List.of()),
                    state(product, schedules.get(product.id()), now)));
        }
        return rows;
    }

    /** One product as its owners review it; empty when there is no such product. */
    public Optional<ProductReview> review(String productId) {
        Optional<DataProductSummary> found = catalog.find(productId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DataProductSummary product = found.get();
        ReviewStore.Overview overview = store.overview(List.of(productId));
        ReviewState state = state(product, overview.schedules().get(productId), clock.instant());
        List<ProductReview.SignOff> signOffs = store.history(productId, 20).stream()
                .map(past -> new ProductReview.SignOff(past.reviewerName(), past.reviewedAt(), past.comment()))
                .toList();
        return Optional.of(new ProductReview(
                product,
                warnings(List.of(productId), overview.providers()).getOrDefault(productId, List.of()),
                drift.of(productId),
                sla.report(productId),
                state,
                signOffs,
                catalog.mayEdit(productId)));
    }

    /**
     * Signs off a review of the product's lineage and SLAs: kept with who and when, written into
     * the product's history, and the next review becomes due a full interval later. The history
     * entry records the lineage drift open at the time, as seen by the reviewer (the review
     * screen lists the same items above the sign-off).
     *
     * @throws NotInCatalogException when there is no such product
     * @throws org.springframework.security.access.AccessDeniedException when the caller is not of
     *     the owning team (nor governance)
     * @throws InvalidDocumentException when the comment is empty or too long (pointer /comment)
     */
    @Transactional
    public void signOff(String productId, String comment) {
        Identity caller = currentIdentity.require();
        String text = comment.strip();
        if (text.isEmpty()) {
            throw new InvalidDocumentException(
                    "Bad review", "/comment", "Say what you reviewed: a sign-off needs a comment.");
        }
        if (text.length() > MAX_COMMENT) {
            throw new InvalidDocumentException(
                    "Bad review",
                    "/comment",
                    "A comment is at most " + MAX_COMMENT + " characters; this one has " + text.length() + ".");
        }
        // The catalog checks ownership and refuses before anything is written.
        catalog.recordInHistory(productId, "reviewed", "Review signed off: " + text + driftSeen(drift.of(productId)));
        store.add(productId, users.record(caller), caller.displayName(), clock.instant(), text);
    }

    /** What a sign-off's history entry says of the drift the reviewer saw; empty when there was none. */
    static String driftSeen(List<Drift> items) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder seen = new StringBuilder(" — Lineage drift seen (")
                .append(items.size())
                .append(items.size() == 1 ? " item" : " items")
                .append("):");
        items.stream().limit(DRIFT_IN_HISTORY).forEach(item -> seen.append(' ').append(item.message()));
        if (items.size() > DRIFT_IN_HISTORY) {
            seen.append(" And ").append(items.size() - DRIFT_IN_HISTORY).append(" more.");
        }
        return seen.toString();
    }

    private ReviewState state(DataProductSummary product, ReviewStore.Schedule schedule, Instant now) {
        return ReviewState.of(
                product.status() == ProductStatus.ACTIVE,
                schedule == null ? product.updatedAt() : schedule.createdAt(),
                schedule == null ? null : schedule.lastReviewedAt(),
                schedule == null ? null : schedule.lastReviewedBy(),
                interval,
                now);
    }

    /**
     * Lineage health and SLA consistency of each product: upstream products deprecated or retired
     * (with their successor), inputs nobody provides, upstream SLAs breached, promises the upstream
     * cannot keep. A fixed number of queries, however many products: My products lists a team's.
     */
    private Map<String, List<Warning>> warnings(List<String> productIds, List<ReviewStore.Provider> providers) {
        Map<String, List<Warning>> warnings = new HashMap<>();
        if (productIds.isEmpty()) {
            return warnings;
        }
        Map<String, ComplianceStatus> upstreamCompliance = sla.summaries(
                providers.stream().map(ReviewStore.Provider::id).distinct().toList());
        Map<String, List<ReviewStore.Provider>> byProduct = new HashMap<>();
        providers.forEach(provider -> byProduct
                .computeIfAbsent(provider.consumer(), id -> new ArrayList<>())
                .add(provider));
        Map<String, List<String>> unresolved = store.unresolvedInputs(productIds);
        Map<String, List<SlaConsistencyWarning>> inconsistencies = sla.consistencyWarnings(productIds);
        for (String productId : productIds) {
            List<Warning> found = new ArrayList<>();
            List<ReviewStore.Provider> mine = byProduct.getOrDefault(productId, List.of());
            for (ReviewStore.Provider provider : mine) {
                if (provider.status() == ProductStatus.DEPRECATED || provider.status() == ProductStatus.RETIRED) {
                    boolean retired = provider.status() == ProductStatus.RETIRED;
                    found.add(new Warning(
                            retired ? Warning.Kind.UPSTREAM_RETIRED : Warning.Kind.UPSTREAM_DEPRECATED,
                            "Upstream product " + provider.name() + " is "
                                    + provider.status().value()
                                    + (provider.successor() == null
                                            ? "; it names no successor."
                                            : "; its successor is " + provider.successor() + "."),
                            provider.id()));
                }
            }
            for (String contractId : unresolved.getOrDefault(productId, List.of())) {
                found.add(new Warning(
                        Warning.Kind.UNRESOLVED_INPUT,
                        "Input contract " + contractId + " is provided by no product in the catalog.",
                        null));
            }
            for (ReviewStore.Provider provider : mine) {
                if (upstreamCompliance.get(provider.id()) == ComplianceStatus.BREACHED) {
                    found.add(new Warning(
                            Warning.Kind.UPSTREAM_SLA_BREACHED,
                            "Upstream product " + provider.name() + " has an SLA breached.",
                            provider.id()));
                }
            }
            for (SlaConsistencyWarning inconsistency : inconsistencies.getOrDefault(productId, List.of())) {
                found.add(new Warning(
                        Warning.Kind.SLA_INCONSISTENT, inconsistency.message(), inconsistency.upstreamProductId()));
            }
            if (!found.isEmpty()) {
                warnings.put(productId, found);
            }
        }
        return warnings;
    }
}

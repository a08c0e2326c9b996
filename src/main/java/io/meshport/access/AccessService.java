package io.meshport.access;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.NotInCatalogException;
import io.meshport.catalog.ProductStatus;
import io.meshport.catalog.Violation;
import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import io.meshport.identity.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access requests and the data usage agreements they become: the only way in, for the UI and the
 * API alike, so both follow one rule of who may do what:
 *
 * <ul>
 *   <li><b>request</b>: a member of the consumer team, for a port of another team's product;
 *   <li><b>decide</b> (approve or reject): a member of the providing product's team, or governance
 *       unless governance is deciding its own team's request;
 *   <li><b>revoke</b> an approved agreement, <b>report provisioning</b>: the providing team or
 *       governance;
 *   <li><b>cancel</b>, <b>consent</b> to a new contract version, <b>renew</b>: the consumer team;
 *   <li><b>read</b>: the two teams and governance; for anyone else the agreement does not exist.
 * </ul>
 *
 * Each step is recorded (who, when, from which state) and published as an {@link AccessEvent}.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class AccessService {

    /** Longest purpose kept; a longer one is refused rather than cut. */
    public static final int MAX_PURPOSE_LENGTH = 20_000;

    /** Longest comment or provisioning message kept. */
    public static final int MAX_COMMENT_LENGTH = 4_000;

    /** Most agreements one list returns. */
    public static final int MAX_LIMIT = 500;

    /** Who takes the steps nobody takes: automatic approval, expiry, notices. */
    static final String SYSTEM = "Meshport";

    /** What a decision does. */
    public enum Decision {
        APPROVE,
        REJECT
    }

    /**
     * Which agreements to list; null fields do not narrow.
     *
     * @param consumerTeam only those of this consumer team
     * @param providerTeam only those whose product this team owns
     */
    public record Filter(
            @Nullable String productId,
            @Nullable String consumerTeam,
            @Nullable String providerTeam,
            @Nullable AgreementStatus status) {

        public static final Filter ALL = new Filter(null, null, null, null);
    }

    private final AgreementRepository agreements;
    private final AgreementChangeRepository steps;
    private final CatalogReadModel catalog;
    private final CurrentIdentity currentIdentity;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessService(
            AgreementRepository agreements,
            AgreementChangeRepository steps,
            CatalogReadModel catalog,
            CurrentIdentity currentIdentity,
            UserDirectory users,
            ApplicationEventPublisher events,
            Clock clock) {
        this.agreements = agreements;
        this.steps = steps;
        this.catalog = catalog;
        this.currentIdentity = currentIdentity;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Asks for access; approved at once when the port decides automatically (its custom property
     * {@code accessApproval} is {@code automatic}).
     *
     * @throws NotInCatalogException no such product or port
     * @throws InvalidAccessRequestException a missing purpose, a bad date, a consumer product the
     *     team does not own, a product that is not active (with a pointer per field)
     * @throws AccessDeniedException the caller is not in the consumer team
     * @throws AgreementConflictException the consumer already has an open request or agreement for
     *     the port
     */
    @Transactional
    public Agreement request(AccessRequest request) {
        return open(request, null);
    }

    private Agreement open(AccessRequest request, @Nullable UUID renewalOf) {
        Identity caller = currentIdentity.require();
        CatalogReadModel.Product product = catalog.product(request.productId())
                .orElseThrow(() -> new NotInCatalogException("No data product '" + request.productId() + "'."));
        List<CatalogReadModel.Port> ports = catalog.outputPorts(product.id()).stream()
                .filter(port -> port.name().equals(request.outputPort()))
                .filter(port ->
                        request.outputPortVersion() == null || port.version().equals(request.outputPortVersion()))
                .toList();
        if (ports.isEmpty()) {
            throw new NotInCatalogException("'" + product.name() + "' has no output port '" + request.outputPort()
                    + "'" + (request.outputPortVersion() == null ? "" : " in version " + request.outputPortVersion())
                    + ".");
        }
        // The newest version the product lists comes last (docs/decisions/0021-access-agreements.md).
        CatalogReadModel.Port port = ports.getLast();
        String team = request.consumerTeam().strip();
        if (!caller.isMemberOf(team)) {
            throw new AccessDeniedException(
                    team.isEmpty()
                            ? "Name the team that will use the data."
                            : "Only members of " + team + " may ask for access on its behalf.");
        }
        List<Violation> violations = new ArrayList<>();
        if (team.equals(product.ownerTeam())) {
            violations.add(new Violation(
                    "/consumerTeam", team + " owns " + product.name() + ": its members use it without asking."));
        }
        if (product.status() != ProductStatus.ACTIVE) {
            violations.add(new Violation(
                    "/product",
                    product.name() + " is " + product.status().value() + "; access is asked for active products only"
                            + (product.successor() == null
                                    ? "."
                                    : " (its successor is " + product.successor() + ").")));
        }
        String purpose = request.purpose().strip();
        if (purpose.isEmpty()) {
            violations.add(new Violation("/purpose", "Say what the data will be used for."));
        } else if (purpose.length() > MAX_PURPOSE_LENGTH) {
            violations.add(
                    new Violation("/purpose", "The purpose is longer than " + MAX_PURPOSE_LENGTH + " characters."));
        }
        String consumerProduct = blankToNull(request.consumerProduct());
        if (consumerProduct != null) {
            Optional<CatalogReadModel.Product> reader = catalog.product(consumerProduct);
            if (reader.isEmpty()) {
                violations.add(new Violation("/consumerProduct", "No data product '" + consumerProduct + "'."));
            } else if (!reader.get().ownerTeam().equals(team)) {
                violations.add(new Violation(
                        "/consumerProduct",
                        consumerProduct + " is owned by " + reader.get().ownerTeam() + ", not " + team + "."));
            } else if (consumerProduct.equals(product.id())) {
                violations.add(new Violation("/consumerProduct", "A product does not read itself."));
            }
        }
        LocalDate today = today();
        LocalDate startsOn = request.startsOn() == null ? today : request.startsOn();
        if (startsOn.isBefore(today)) {
            violations.add(new Violation("/from", "The start lies in the past; start today or later."));
        }
        if (request.until() != null && request.until().isBefore(startsOn)) {
            violations.add(new Violation("/until", "The end lies before the start."));
        }
        if (!violations.isEmpty()) {
            throw new InvalidAccessRequestException("Invalid access request", violations);
        }
        List<AccessAgreement> open = agreements.findOpen(product.id(), port.name(), team, consumerProduct).stream()
                .filter(existing -> renewalOf == null || !existing.id().equals(renewalOf))
                .toList();
        if (!open.isEmpty()) {
            AccessAgreement existing = open.getFirst();
            throw new AgreementConflictException(team + " already has "
                    + (existing.status() == AgreementStatus.APPROVED ? "an agreement" : "a request") + " for "
                    + product.name() + " / " + port.name() + " ("
                    + existing.id() + ")" + (renewalOf == null ? "." : "; renew that one instead."));
        }
        Instant now = clock.instant();
        long actor = users.record(caller);
        String contractVersion = port.contractId() == null
                ? null
                : catalog.contractVersions(List.of(port.contractId())).get(port.contractId());
        AccessAgreement agreement = new AccessAgreement(
                UUID.randomUUID(),
                product.id(),
                port.name(),
                port.version(),
                port.contractId(),
                contractVersion,
                product.ownerTeam(),
                team,
                consumerProduct,
                purpose,
                startsOn,
                request.until(),
                actor,
                caller.displayName(),
                now,
                renewalOf,
                "automatic".equals(port.accessApproval()));
        agreements.saveAndFlush(agreement);
        step(
                agreement,
                renewalOf == null ? "requested" : "renewal requested",
                AccessEvent.Type.REQUESTED,
                null,
                null,
                actor,
                caller.displayName());
        if (agreement.view().automatic()) {
            AgreementStatus before = agreement.status();
            agreement.decide(AgreementStatus.APPROVED, null, SYSTEM, now, "Approved automatically by the port.");
            step(
                    agreement,
                    "approved",
                    AccessEvent.Type.APPROVED,
                    before,
                    agreement.view().decisionComment(),
                    null,
                    SYSTEM);
        }
        return agreements.saveAndFlush(agreement).view();
    }

    /** Approves or rejects a request; a rejection needs a comment that says why. */
    @Transactional
    public Agreement decide(UUID id, Decision decision, @Nullable String comment, @Nullable Long expectedRevision) {
        Identity caller = currentIdentity.require();
        AccessAgreement agreement = visible(id, caller);
        requireProviderDecides(agreement, caller);
        checkRevision(agreement, expectedRevision);
        if (agreement.status() != AgreementStatus.REQUESTED) {
            throw new AgreementConflictException(
                    "This request is already " + agreement.status().value() + ".");
        }
        String text = comment(comment);
        if (decision == Decision.REJECT && text == null) {
            throw new InvalidAccessRequestException(
                    "Invalid decision", "/comment", "Say why the request is rejected, so the consumer can act on it.");
        }
        long actor = users.record(caller);
        AgreementStatus before = agreement.status();
        agreement.decide(
                decision == Decision.APPROVE ? AgreementStatus.APPROVED : AgreementStatus.REJECTED,
                actor,
                caller.displayName(),
                clock.instant(),
                text);
        step(
                agreement,
                decision == Decision.APPROVE ? "approved" : "rejected",
                decision == Decision.APPROVE ? AccessEvent.Type.APPROVED : AccessEvent.Type.REJECTED,
                before,
                text,
                actor,
                caller.displayName());
        return agreements.saveAndFlush(agreement).view();
    }

    /** The consumer withdraws a request, or ends an approved agreement early. */
    @Transactional
    public Agreement cancel(UUID id, @Nullable String comment) {
        Identity caller = currentIdentity.require();
        AccessAgreement agreement = visible(id, caller);
        if (!caller.isMemberOf(agreement.consumerTeam())) {
            throw new AccessDeniedException("Only members of " + agreement.consumerTeam() + " may cancel it.");
        }
        if (!agreement.status().isOpen()) {
            throw new AgreementConflictException(
                    "This agreement is already " + agreement.status().value() + ".");
        }
        return end(
                agreement,
                AgreementStatus.CANCELLED,
                "cancelled",
                AccessEvent.Type.CANCELLED,
                comment(comment),
                caller);
    }

    /** The provider (or governance) ends an approved agreement. */
    @Transactional
    public Agreement revoke(UUID id, @Nullable String comment) {
        Identity caller = currentIdentity.require();
        AccessAgreement agreement = visible(id, caller);
        requireProvider(agreement, caller, "revoke it");
        if (agreement.status() != AgreementStatus.APPROVED) {
            throw new AgreementConflictException("Only an approved agreement can be revoked; this one is "
                    + agreement.status().value() + ".");
        }
        return end(agreement, AgreementStatus.REVOKED, "revoked", AccessEvent.Type.REVOKED, comment(comment), caller);
    }

    /** The providing team's pipeline (or governance) says whether the approved access was set up. */
    @Transactional
    public Agreement reportProvisioning(UUID id, Provisioning state, @Nullable String message) {
        Identity caller = currentIdentity.require();
        AccessAgreement agreement = visible(id, caller);
        requireProvider(agreement, caller, "report its provisioning");
        if (agreement.status() != AgreementStatus.APPROVED) {
            throw new AgreementConflictException("Provisioning is reported for approved agreements; this one is "
                    + agreement.status().value() + ".");
        }
        String text = comment(message);
        long actor = users.record(caller);
        agreement.provisioning(state, text, clock.instant());
        step(
                agreement,
                "provisioning " + state.value(),
                AccessEvent.Type.PROVISIONING_REPORTED,
                agreement.status(),
                text,
                actor,
                caller.displayName());
        return agreements.saveAndFlush(agreement).view();
    }

    /** The consumer accepts the breaking contract version it was asked to consent to. */
    @Transactional
    public Agreement consent(UUID id) {
        Identity caller = currentIdentity.require();
        AccessAgreement agreement = visible(id, caller);
        if (!caller.isMemberOf(agreement.consumerTeam())) {
            throw new AccessDeniedException("Only members of " + agreement.consumerTeam() + " may consent for it.");
        }
        if (agreement.status() != AgreementStatus.APPROVED || agreement.reconsentVersion() == null) {
            throw new AgreementConflictException("There is no new contract version to consent to.");
        }
        String version = agreement.reconsentVersion();
        long actor = users.record(caller);
        agreement.consented(clock.instant());
        step(
                agreement,
                "consented",
                AccessEvent.Type.RECONSENTED,
                agreement.status(),
                "Consented to version " + version,
                actor,
                caller.displayName());
        return agreements.saveAndFlush(agreement).view();
    }

    /**
     * The consumer asks for the same access again, from the day after the agreement ends (or today,
     * when that has passed) until {@code until}: a new request, decided as any other, that names
     * the one it renews.
     */
    @Transactional
    public Agreement renew(UUID id, @Nullable LocalDate until) {
        Identity caller = currentIdentity.require();
        AccessAgreement agreement = visible(id, caller);
        if (!caller.isMemberOf(agreement.consumerTeam())) {
            throw new AccessDeniedException("Only members of " + agreement.consumerTeam() + " may renew it.");
        }
        if (agreement.status() != AgreementStatus.APPROVED && agreement.status() != AgreementStatus.EXPIRED) {
            throw new AgreementConflictException("Only an approved or expired agreement is renewed; this one is "
                    + agreement.status().value() + ".");
        }
        Agreement old = agreement.view();
        LocalDate today = today();
        LocalDate from = old.endsOn() == null || !old.endsOn().plusDays(1).isAfter(today)
                ? today
                : old.endsOn().plusDays(1);
        return open(
                new AccessRequest(
                        old.productId(),
                        old.outputPort(),
                        null,
                        old.purpose(),
                        old.consumerTeam(),
                        old.consumerProduct(),
                        from,
                        until),
                old.id());
    }

    /** An agreement the caller may see (the two teams and governance); empty for anyone else. */
    public Optional<Agreement> find(UUID id) {
        Identity caller = currentIdentity.require();
        return agreements.findById(id).filter(a -> maySee(a, caller)).map(AccessAgreement::view);
    }

    /** The agreements the caller may see that the filter selects, newest request first. */
    public List<Agreement> list(Filter filter, int limit) {
        Identity caller = currentIdentity.require();
        if (!caller.admin() && caller.teams().isEmpty()) {
            return List.of();
        }
        return agreements
                .findVisible(
                        caller.admin(),
                        caller.teams().isEmpty() ? List.of("") : caller.teams(),
                        blankToNull(filter.productId()),
                        blankToNull(filter.consumerTeam()),
                        blankToNull(filter.providerTeam()),
                        filter.status() == null ? null : filter.status().value(),
                        Limit.of(Math.clamp(limit, 1, MAX_LIMIT)))
                .stream()
                .map(AccessAgreement::view)
                .toList();
    }

    /** The caller's teams that may ask for a port of the product (all but its owning team). */
    public List<String> teamsThatMayRequest(String productId) {
        Identity caller = currentIdentity.require();
        Optional<CatalogReadModel.Product> product = catalog.product(productId);
        if (product.isEmpty() || product.get().status() != ProductStatus.ACTIVE) {
            return List.of();
        }
        return caller.teams().stream()
                .filter(team -> !team.equals(product.get().ownerTeam()))
                .toList();
    }

    /** Whether the caller may decide requests for the product's ports (its team or governance). */
    public boolean mayDecide(String productId) {
        Identity caller = currentIdentity.require();
        return catalog.product(productId)
                .map(product -> caller.mayActFor(product.ownerTeam()))
                .orElse(false);
    }

    /** Each step of an agreement the caller may see, oldest first. */
    public List<AgreementStep> history(UUID id) {
        Identity caller = currentIdentity.require();
        visible(id, caller);
        return agreements.findSteps(id).stream()
                .map(AgreementChange::step)
                .sorted(Comparator.comparing(AgreementStep::at))
                .toList();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------- rules

    private AccessAgreement visible(UUID id, Identity caller) {
        return agreements
                .findById(id)
                .filter(agreement -> maySee(agreement, caller))
                .orElseThrow(() -> new NoSuchAgreementException(id.toString()));
    }

    private static boolean maySee(AccessAgreement agreement, Identity caller) {
        return caller.admin()
                || caller.isMemberOf(agreement.providerTeam())
                || caller.isMemberOf(agreement.consumerTeam());
    }

    /**
     * The providing team decides; governance too, except for a request of its own team: a team
     * never approves its own request for another team's product.
     */
    private void requireProviderDecides(AccessAgreement agreement, Identity caller) {
        String provider = providerTeam(agreement);
        if (caller.isMemberOf(provider)) {
            return;
        }
        if (caller.admin() && !caller.isMemberOf(agreement.consumerTeam())) {
            return;
        }
        throw new AccessDeniedException(
                caller.isMemberOf(agreement.consumerTeam())
                        ? agreement.consumerTeam() + " asked for this; " + provider + " (or governance) decides it."
                        : "Only " + provider + " (or governance) decides requests for its products.");
    }

    private void requireProvider(AccessAgreement agreement, Identity caller, String what) {
        String provider = providerTeam(agreement);
        if (!caller.mayActFor(provider)) {
            throw new AccessDeniedException("Only " + provider + " (or governance) may " + what + ".");
        }
    }

    /** The product's owning team now: ownership may have moved since the request. */
    private String providerTeam(AccessAgreement agreement) {
        return catalog.product(agreement.productId())
                .map(CatalogReadModel.Product::ownerTeam)
                .orElse(agreement.providerTeam());
    }

    private static void checkRevision(AccessAgreement agreement, @Nullable Long expected) {
        if (expected != null && expected != agreement.revision()) {
            throw new AgreementConflictException("Someone changed this request meanwhile (revision "
                    + agreement.revision() + ", not " + expected + "). Reload it and decide again.");
        }
    }

    private Agreement end(
            AccessAgreement agreement,
            AgreementStatus to,
            String action,
            AccessEvent.Type type,
            @Nullable String comment,
            Identity caller) {
        long actor = users.record(caller);
        AgreementStatus before = agreement.status();
        agreement.end(to, clock.instant());
        step(agreement, action, type, before, comment, actor, caller.displayName());
        return agreements.saveAndFlush(agreement).view();
    }

    private void step(
            AccessAgreement agreement,
            String action,
            AccessEvent.Type type,
            @Nullable AgreementStatus before,
            @Nullable String comment,
            @Nullable Long actor,
            String actorName) {
        Agreement view = agreement.view();
        steps.save(new AgreementChange(
                view.id(),
                action,
                before,
                view.status(),
                view.provisioning(),
                comment,
                actor,
                actorName,
                clock.instant()));
        events.publishEvent(AccessEvent.of(type, view, actorName, clock.instant(), comment));
    }

    private static @Nullable String comment(@Nullable String text) {
        String value = blankToNull(text);
        if (value != null && value.length() > MAX_COMMENT_LENGTH) {
            throw new InvalidAccessRequestException(
                    "Invalid access request step", "/comment", "Longer than " + MAX_COMMENT_LENGTH + " characters.");
        }
        return value;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

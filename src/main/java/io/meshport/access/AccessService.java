package io.meshport.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    /**
     * Asks for access; approved at once when the port decides automatically.
     *
     * @throws io.meshport.catalog.NotInCatalogException no such product or port
     * @throws io.meshport.catalog.InvalidDocumentException a missing purpose, a bad date, a consumer
     *     product the team does not own (with a pointer per field)
     * @throws org.springframework.security.access.AccessDeniedException the caller is not in the
     *     consumer team
     * @throws io.meshport.catalog.CatalogConflictException the team already has an open request or
     *     agreement for the port, or owns the product
     */
    @Transactional
    public Agreement request(AccessRequest request) {
        throw new UnsupportedOperationException("written by the lead next");
    }

    /** Approves or rejects a request; the comment is required for a rejection. */
    @Transactional
    public Agreement decide(UUID id, Decision decision, @Nullable String comment, @Nullable Long expectedRevision) {
        throw new UnsupportedOperationException("written by the lead next");
    }

    /** The consumer withdraws a request, or ends an approved agreement early. */
    @Transactional
    public Agreement cancel(UUID id, @Nullable String comment) {
        throw new UnsupportedOperationException("written by the lead next");
    }

    /** The provider ends an approved agreement. */
    @Transactional
    public Agreement revoke(UUID id, @Nullable String comment) {
        throw new UnsupportedOperationException("written by the lead next");
    }

    /** The providing team's pipeline says whether the approved access was really set up. */
    @Transactional
    public Agreement reportProvisioning(UUID id, Provisioning state, @Nullable String message) {
        throw new UnsupportedOperationException("written by the lead next");
    }

    /** The consumer accepts the breaking contract version it was asked to consent to. */
    @Transactional
    public Agreement consent(UUID id) {
        throw new UnsupportedOperationException("written by the lead next");
    }

    /**
     * The consumer asks for the same access again, from the day after the agreement ends until
     * {@code until}: a new request (decided as any other) that names the one it renews.
     */
    @Transactional
    public Agreement renew(UUID id, @Nullable LocalDate until) {
        throw new UnsupportedOperationException("written by the lead next");
    }

    /** An agreement the caller may see (the two teams and governance); empty for anyone else. */
    public Optional<Agreement> find(UUID id) {
        throw new UnsupportedOperationException("written by the lead next");
    }

    /** The agreements the caller may see that the filter selects, newest request first. */
    public List<Agreement> list(Filter filter, int limit) {
        throw new UnsupportedOperationException("written by the lead next");
    }

    /** The caller's teams that may ask for a port of the product (all but its owning team). */
    public List<String> teamsThatMayRequest(String productId) {
        throw new UnsupportedOperationException("written by the lead next");
    }

    /** Whether the caller may decide requests for the product's ports (its team or governance). */
    public boolean mayDecide(String productId) {
        throw new UnsupportedOperationException("written by the lead next");
    }

    /** Each step of an agreement the caller may see, oldest first. */
    public List<AgreementStep> history(UUID id) {
        throw new UnsupportedOperationException("written by the lead next");
    }
}

package io.meshport.events;

import io.meshport.access.AccessEvent;

/**
 * The {@code type} of every event of the feed: reverse-DNS names, one per step a platform acts on.
 * The {@code source} says which API resource the {@code subject} (its id) is.
 */
public final class EventTypes {

    public static final String ACCESS_SOURCE = "/api/v1/access-requests";
    public static final String PRODUCT_SOURCE = "/api/v1/data-products";
    public static final String CONTRACT_SOURCE = "/api/v1/data-contracts";
    public static final String POLICY_SOURCE = "/api/v1/policies";

    public static final String ACCESS_REQUESTED = "io.meshport.access.requested";
    public static final String ACCESS_APPROVED = "io.meshport.access.approved";
    public static final String ACCESS_REJECTED = "io.meshport.access.rejected";
    public static final String ACCESS_CANCELLED = "io.meshport.access.cancelled";
    public static final String ACCESS_REVOKED = "io.meshport.access.revoked";
    public static final String ACCESS_EXPIRED = "io.meshport.access.expired";
    public static final String PROVISIONING_REPORTED = "io.meshport.access.provisioning.reported";
    public static final String RENEWAL_DUE = "io.meshport.access.renewal.due";
    public static final String RECONSENT_REQUESTED = "io.meshport.access.reconsent.requested";
    public static final String RECONSENTED = "io.meshport.access.reconsented";

    public static final String PRODUCT_PUBLISHED = "io.meshport.product.published";
    public static final String PRODUCT_DEPRECATED = "io.meshport.product.deprecated";
    public static final String PRODUCT_RETIRED = "io.meshport.product.retired";

    public static final String CONTRACT_VERSION_PUBLISHED = "io.meshport.contract.version.published";

    public static final String POLICY_VIOLATED = "io.meshport.governance.policy.violated";

    private EventTypes() {}

    /** The type of an agreement's step. */
    public static String of(AccessEvent.Type type) {
        return switch (type) {
            case REQUESTED -> ACCESS_REQUESTED;
            case APPROVED -> ACCESS_APPROVED;
            case REJECTED -> ACCESS_REJECTED;
            case CANCELLED -> ACCESS_CANCELLED;
            case REVOKED -> ACCESS_REVOKED;
            case EXPIRED -> ACCESS_EXPIRED;
            case PROVISIONING_REPORTED -> PROVISIONING_REPORTED;
            case RENEWAL_DUE -> RENEWAL_DUE;
            case RECONSENT_REQUESTED -> RECONSENT_REQUESTED;
            case RECONSENTED -> RECONSENTED;
        };
    }
}

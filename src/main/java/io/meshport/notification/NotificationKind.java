package io.meshport.notification;

/** Why a team is told something. */
public enum NotificationKind {
    UPSTREAM_DEPRECATED,
    SLA_BREACHED,
    REVIEW_DUE,
    CONTRACT_CHANGED,
    /** Providing team: someone asks for access to a port of theirs. */
    ACCESS_REQUESTED,
    /** Providing team: a port of theirs granted access by itself (it approves automatically). */
    ACCESS_GRANTED_AUTOMATICALLY,
    /** Consumer team: its request was approved or rejected. */
    ACCESS_DECIDED,
    /** Consumer team: the provider reported whether the access was really set up. */
    ACCESS_PROVISIONED,
    /** Consumer team: the provider revoked the agreement. */
    ACCESS_REVOKED,
    /** Consumer team: the agreement reached its end date. */
    ACCESS_EXPIRED,
    /** Consumer team: the agreement ends soon; it may ask for a renewal. */
    ACCESS_RENEWAL_DUE,
    /** Consumer team: a breaking contract version asks it to consent again. */
    ACCESS_RECONSENT_REQUESTED,
    /** Owning team: a product of theirs newly breaks a global policy. */
    POLICY_VIOLATED
}

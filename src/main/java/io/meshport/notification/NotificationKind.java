package io.meshport.notification;

/** Why a team is told something. */
public enum NotificationKind {
    UPSTREAM_DEPRECATED,
    SLA_BREACHED,
    REVIEW_DUE,
    CONTRACT_CHANGED
}

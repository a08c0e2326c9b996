package io.meshport.notification;

import java.time.Instant;

/** A notification as one user sees it. {@code link} is the portal path to open, e.g. {@code products/x}. */
public record NotificationView(
        long id,
        String team,
        NotificationKind kind,
        String productId,
        String message,
        String link,
        Instant createdAt,
        boolean read) {}

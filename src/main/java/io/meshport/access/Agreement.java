package io.meshport.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An access request and, once approved, the data usage agreement it became, as the two teams and
 * governance see it.
 *
 * @param contractVersion the version of the port's contract the consumer agreed to
 * @param reconsentVersion a newer, breaking version of that contract the consumer has not
 *     consented to yet; null when there is none
 * @param provisioning null until the agreement is approved
 * @param automatic whether the port approved it by itself (no person decided)
 * @param renewalOf the agreement this one renews, if any
 * @param revision the optimistic-lock revision, for {@code If-Match}
 */
public record Agreement(
        UUID id,
        String productId,
        String outputPort,
        String outputPortVersion,
        @Nullable String contractId,
        @Nullable String contractVersion,
        String providerTeam,
        String consumerTeam,
        @Nullable String consumerProduct,
        String purpose,
        LocalDate startsOn,
        @Nullable LocalDate endsOn,
        AgreementStatus status,
        @Nullable Provisioning provisioning,
        @Nullable String provisioningMessage,
        @Nullable Instant provisioningReportedAt,
        String requestedBy,
        Instant requestedAt,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String decisionComment,
        boolean automatic,
        @Nullable String reconsentVersion,
        @Nullable UUID renewalOf,
        long revision) {}

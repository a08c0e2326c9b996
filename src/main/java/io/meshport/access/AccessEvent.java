package io.meshport.access;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published by {@link AccessService} inside the writing transaction for every step of an
 * agreement, so that notifications and the platform's event feed learn of it only once it is
 * committed, and exactly once per step.
 *
 * @param actor who took the step (display name), or "Meshport" for steps nobody took (expiry,
 *     automatic approval, renewal notice)
 * @param comment the decision's comment, the provisioning report's message, or the contract
 *     version to consent to; null when there is none
 * @param automatic whether the port decides by itself: its request is approved in the same
 *     transaction, so nobody needs to be asked
 */
public record AccessEvent(
        Type type,
        UUID agreementId,
        String productId,
        String outputPort,
        String outputPortVersion,
        @Nullable String contractId,
        @Nullable String contractVersion,
        String providerTeam,
        String consumerTeam,
        @Nullable String consumerProduct,
        AgreementStatus status,
        @Nullable Provisioning provisioning,
        String actor,
        Instant at,
        @Nullable String comment,
        boolean automatic) {

    /** The step of one agreement, as it stands after the step. */
    public static AccessEvent of(Type type, Agreement agreement, String actor, Instant at, @Nullable String comment) {
        return new AccessEvent(
                type,
                agreement.id(),
                agreement.productId(),
                agreement.outputPort(),
                agreement.outputPortVersion(),
                agreement.contractId(),
                agreement.contractVersion(),
                agreement.providerTeam(),
                agreement.consumerTeam(),
                agreement.consumerProduct(),
                agreement.status(),
                agreement.provisioning(),
                actor,
                at,
                comment,
                agreement.automatic());
    }

    /** The kinds of step. */
    public enum Type {
        REQUESTED,
        APPROVED,
        REJECTED,
        CANCELLED,
        REVOKED,
        EXPIRED,
        PROVISIONING_REPORTED,
        /** The end date is near: the consumer should ask for a renewal. */
        RENEWAL_DUE,
        /** A breaking version of the contract was published: the consumer must consent again. */
        RECONSENT_REQUESTED,
        RECONSENTED;

        /** {@code provisioning_reported}, as feeds and logs name it. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

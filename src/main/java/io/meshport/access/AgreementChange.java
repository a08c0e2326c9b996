package io.meshport.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One step of an agreement, as recorded; never updated. */
@Entity
@Table(name = "access_agreement_change")
class AgreementChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private @Nullable Long id;

    @Column(name = "agreement_id", nullable = false)
    private UUID agreementId;

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "from_status")
    private @Nullable String fromStatus;

    @Column(name = "to_status", nullable = false)
    private String toStatus;

    @Column(name = "provisioning")
    private @Nullable String provisioning;

    @Column(name = "comment")
    private @Nullable String comment;

    @Column(name = "actor_id")
    private @Nullable Long actorId;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected AgreementChange() {
        // for JPA
        this.agreementId = new UUID(0, 0);
        this.action = "";
        this.toStatus = "";
        this.actorName = "";
        this.changedAt = Instant.EPOCH;
    }

    AgreementChange(
            UUID agreementId,
            String action,
            @Nullable AgreementStatus from,
            AgreementStatus to,
            @Nullable Provisioning provisioning,
            @Nullable String comment,
            @Nullable Long actorId,
            String actorName,
            Instant at) {
        this.agreementId = agreementId;
        this.action = action;
        this.fromStatus = from == null ? null : from.value();
        this.toStatus = to.value();
        this.provisioning = provisioning == null ? null : provisioning.value();
        this.comment = comment;
        this.actorId = actorId;
        this.actorName = actorName;
        this.changedAt = at;
    }

    AgreementStep step() {
        return new AgreementStep(
                action,
                fromStatus == null
                        ? null
                        : AgreementStatus.fromValue(fromStatus).orElse(null),
                AgreementStatus.fromValue(toStatus).orElseThrow(),
                provisioning == null
                        ? null
                        : Provisioning.fromValue(provisioning).orElse(null),
                comment,
                actorName,
                changedAt);
    }
}

package io.meshport.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An agreement as stored; its steps are {@link AgreementChange}s. */
@Entity
@Table(name = "access_agreement")
class AccessAgreement {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "product_id", nullable = false)
    private String productId;

    @Column(name = "output_port", nullable = false)
    private String outputPort;

    @Column(name = "output_port_version", nullable = false)
    private String outputPortVersion;

    @Column(name = "contract_id")
    private @Nullable String contractId;

    @Column(name = "contract_version")
    private @Nullable String contractVersion;

    @Column(name = "provider_team", nullable = false)
    private String providerTeam;

    @Column(name = "consumer_team", nullable = false)
    private String consumerTeam;

    @Column(name = "consumer_product")
    private @Nullable String consumerProduct;

    @Column(name = "purpose", nullable = false)
    private String purpose;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private @Nullable LocalDate endsOn;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "provisioning")
    private @Nullable String provisioning;

    @Column(name = "provisioning_message")
    private @Nullable String provisioningMessage;

    @Column(name = "provisioning_reported_at")
    private @Nullable Instant provisioningReportedAt;

    @Column(name = "requested_by", nullable = false)
    private long requestedBy;

    @Column(name = "requested_by_name", nullable = false)
    private String requestedByName;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "decided_by")
    private @Nullable Long decidedBy;

    @Column(name = "decided_by_name")
    private @Nullable String decidedByName;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "decision_comment")
    private @Nullable String decisionComment;

    @Column(name = "automatic", nullable = false)
    private boolean automatic;

    @Column(name = "reconsent_version")
    private @Nullable String reconsentVersion;

    @Column(name = "renewal_of")
    private @Nullable UUID renewalOf;

    @Column(name = "renewal_noticed_at")
    private @Nullable Instant renewalNoticedAt;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AccessAgreement() {
        // for JPA
        this.id = new UUID(0, 0);
        this.productId = "";
        this.outputPort = "";
        this.outputPortVersion = "";
        this.providerTeam = "";
        this.consumerTeam = "";
        this.purpose = "";
        this.startsOn = LocalDate.EPOCH;
        this.status = AgreementStatus.REQUESTED.value();
        this.requestedByName = "";
        this.requestedAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    /** A new request. */
    AccessAgreement(
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
            long requestedBy,
            String requestedByName,
            Instant at,
            @Nullable UUID renewalOf,
            boolean automatic) {
        this();
        this.automatic = automatic;
        this.id = id;
        this.productId = productId;
        this.outputPort = outputPort;
        this.outputPortVersion = outputPortVersion;
        this.contractId = contractId;
        this.contractVersion = contractVersion;
        this.providerTeam = providerTeam;
        this.consumerTeam = consumerTeam;
        this.consumerProduct = consumerProduct;
        this.purpose = purpose;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.requestedBy = requestedBy;
        this.requestedByName = requestedByName;
        this.requestedAt = at;
        this.updatedAt = at;
        this.renewalOf = renewalOf;
    }

    void decide(AgreementStatus to, @Nullable Long by, String byName, Instant at, @Nullable String comment) {
        this.status = to.value();
        this.decidedBy = by;
        this.decidedByName = byName;
        this.decidedAt = at;
        this.decisionComment = comment;
        if (to == AgreementStatus.APPROVED) {
            this.provisioning = Provisioning.PENDING.value();
        }
        this.updatedAt = at;
    }

    void end(AgreementStatus to, Instant at) {
        this.status = to.value();
        this.updatedAt = at;
    }

    void provisioning(Provisioning state, @Nullable String message, Instant at) {
        this.provisioning = state.value();
        this.provisioningMessage = message;
        this.provisioningReportedAt = at;
        this.updatedAt = at;
    }

    void askToConsent(String version, Instant at) {
        this.reconsentVersion = version;
        this.updatedAt = at;
    }

    void consented(Instant at) {
        if (reconsentVersion != null) {
            this.contractVersion = reconsentVersion;
        }
        this.reconsentVersion = null;
        this.updatedAt = at;
    }

    void renewalNoticed(Instant at) {
        this.renewalNoticedAt = at;
    }

    UUID id() {
        return id;
    }

    String productId() {
        return productId;
    }

    String outputPort() {
        return outputPort;
    }

    String consumerTeam() {
        return consumerTeam;
    }

    String providerTeam() {
        return providerTeam;
    }

    AgreementStatus status() {
        return AgreementStatus.fromValue(status).orElseThrow();
    }

    @Nullable
    String reconsentVersion() {
        return reconsentVersion;
    }

    @Nullable
    LocalDate endsOn() {
        return endsOn;
    }

    @Nullable
    Instant renewalNoticedAt() {
        return renewalNoticedAt;
    }

    long revision() {
        return lockVersion;
    }

    Agreement view() {
        return new Agreement(
                id,
                productId,
                outputPort,
                outputPortVersion,
                contractId,
                contractVersion,
                providerTeam,
                consumerTeam,
                consumerProduct,
                purpose,
                startsOn,
                endsOn,
                status(),
                provisioning == null
                        ? null
                        : Provisioning.fromValue(provisioning).orElse(null),
                provisioningMessage,
                provisioningReportedAt,
                requestedByName,
                requestedAt,
                decidedByName,
                decidedAt,
                decisionComment,
                automatic,
                reconsentVersion,
                renewalOf,
                lockVersion);
    }
}

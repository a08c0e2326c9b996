package io.meshport.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A product excused from a policy until {@code expiresAt}, with the reason and who granted it. An
 * expired exemption excuses nothing: the product's result is a violation again at the next
 * evaluation (the sweep's, at the latest). Revoking keeps the row.
 */
@Entity
@Table(name = "policy_exemption")
class Exemption {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private @Nullable Long id;

    @Column(name = "policy_id", nullable = false)
    private String policyId;

    @Column(name = "product_id", nullable = false)
    private String productId;

    @Column(name = "reason", nullable = false)
    private String reason;

    @Column(name = "granted_by")
    private @Nullable Long grantedBy;

    @Column(name = "granted_by_name", nullable = false)
    private String grantedByName;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    @Column(name = "revoked_by_name")
    private @Nullable String revokedByName;

    protected Exemption() {
        // for JPA
        this.policyId = "";
        this.productId = "";
        this.reason = "";
        this.grantedByName = "";
        this.grantedAt = Instant.EPOCH;
        this.expiresAt = Instant.EPOCH;
    }

    Exemption(
            String policyId,
            String productId,
            String reason,
            @Nullable Long grantedBy,
            String grantedByName,
            Instant grantedAt,
            Instant expiresAt) {
        this.policyId = policyId;
        this.productId = productId;
        this.reason = reason;
        this.grantedBy = grantedBy;
        this.grantedByName = grantedByName;
        this.grantedAt = grantedAt;
        this.expiresAt = expiresAt;
    }

    void revoke(Instant at, String byName) {
        this.revokedAt = at;
        this.revokedByName = byName;
    }

    boolean covers(Instant at) {
        return revokedAt == null && at.isBefore(expiresAt);
    }

    @Nullable
    Long id() {
        return id;
    }

    String policyId() {
        return policyId;
    }

    String productId() {
        return productId;
    }

    String reason() {
        return reason;
    }

    String grantedByName() {
        return grantedByName;
    }

    Instant grantedAt() {
        return grantedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    @Nullable
    Instant revokedAt() {
        return revokedAt;
    }
}

package io.meshport.governance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExemptionRepository extends JpaRepository<Exemption, Long> {

    /** The open (not revoked) exemptions of the products, expired or not. */
    List<Exemption> findByProductIdInAndRevokedAtIsNull(Collection<String> productIds);

    Optional<Exemption> findByPolicyIdAndProductIdAndRevokedAtIsNull(String policyId, String productId);

    List<Exemption> findByPolicyIdAndRevokedAtIsNullOrderByExpiresAt(String policyId);
}

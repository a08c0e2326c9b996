package io.meshport.access;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AgreementRepository extends JpaRepository<AccessAgreement, UUID> {

    /** The open (requested or approved) agreements of a consumer for a port, renewals aside. */
    @Query("""
            select a from AccessAgreement a
             where a.productId = :product and a.outputPort = :port and a.consumerTeam = :team
               and coalesce(a.consumerProduct, '') = coalesce(:consumerProduct, '')
               and a.status in ('requested', 'approved')
            """)
    List<AccessAgreement> findOpen(
            @Param("product") String product,
            @Param("port") String port,
            @Param("team") String team,
            @Param("consumerProduct") @Nullable String consumerProduct);

    @Query("""
            select a from AccessAgreement a
             where (:admin = true or a.providerTeam in :teams or a.consumerTeam in :teams)
               and (:product is null or a.productId = :product)
               and (:consumerTeam is null or a.consumerTeam = :consumerTeam)
               and (:providerTeam is null or a.providerTeam = :providerTeam)
               and (:status is null or a.status = :status)
             order by a.requestedAt desc, a.id
            """)
    List<AccessAgreement> findVisible(
            @Param("admin") boolean admin,
            @Param("teams") Collection<String> teams,
            @Param("product") @Nullable String product,
            @Param("consumerTeam") @Nullable String consumerTeam,
            @Param("providerTeam") @Nullable String providerTeam,
            @Param("status") @Nullable String status,
            Limit limit);

    /** Agreements still open whose last day is before {@code today}. */
    @Query("""
            select a from AccessAgreement a
             where a.status in ('requested', 'approved') and a.endsOn is not null and a.endsOn < :today
             order by a.endsOn, a.id
            """)
    List<AccessAgreement> findEndedBefore(@Param("today") LocalDate today);

    /** Approved agreements ending on or before {@code day} that were not yet told to renew. */
    @Query("""
            select a from AccessAgreement a
             where a.status = 'approved' and a.endsOn is not null and a.endsOn <= :day
               and a.renewalNoticedAt is null
             order by a.endsOn, a.id
            """)
    List<AccessAgreement> findEndingBy(@Param("day") LocalDate day);

    /** Approved agreements on a contract made for another version than {@code version}. */
    @Query("""
            select a from AccessAgreement a
             where a.status = 'approved' and a.contractId = :contract
               and coalesce(a.contractVersion, '') <> :version
               and coalesce(a.reconsentVersion, '') <> :version
            """)
    List<AccessAgreement> findApprovedOnOtherVersion(
            @Param("contract") String contract, @Param("version") String version);

    @Query("select c from AgreementChange c where c.agreementId = :id order by c.id")
    List<AgreementChange> findSteps(@Param("id") UUID id);
}

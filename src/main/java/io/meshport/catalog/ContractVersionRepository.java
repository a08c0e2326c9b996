package io.meshport.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContractVersionRepository extends JpaRepository<ContractVersion, ContractVersion.Key> {

    /** A contract's versions, the latest published first. */
    @Query("""
            select v from ContractVersion v
             where v.key.contractId = :contractId
             order by v.publishedAt desc, v.revision desc
            """)
    List<ContractVersion> findNewestFirst(@Param("contractId") String contractId);

    default Optional<ContractVersion> find(String contractId, String version) {
        return findById(new ContractVersion.Key(contractId, version));
    }
}

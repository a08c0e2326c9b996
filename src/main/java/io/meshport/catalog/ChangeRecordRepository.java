package io.meshport.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ChangeRecordRepository extends JpaRepository<ChangeRecord, Long> {

    List<ChangeRecord> findBySubjectTypeAndSubjectIdOrderByIdDesc(String subjectType, String subjectId);

    /** Changes (not the creation) of these contracts since a moment, newest first. */
    @Query("""
            select c from ChangeRecord c
             where c.subjectType = 'contract' and c.subjectId in :contractIds
               and c.action <> 'created' and c.changedAt >= :since
             order by c.id desc
            """)
    List<ChangeRecord> findContractChanges(
            @Param("contractIds") Collection<String> contractIds, @Param("since") Instant since);
}

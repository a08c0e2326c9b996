package io.meshport.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeRecordRepository extends JpaRepository<ChangeRecord, Long> {

    List<ChangeRecord> findBySubjectTypeAndSubjectIdOrderByIdDesc(String subjectType, String subjectId);
}

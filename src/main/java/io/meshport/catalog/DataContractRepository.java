package io.meshport.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DataContractRepository extends JpaRepository<DataContract, String> {

    List<DataContract> findAllByOrderById();

    /** The ids equal to this one regardless of case (the same, and look-alikes). */
    @Query(value = "select id from data_contract where lower(id) = lower(:id) order by id", nativeQuery = true)
    List<String> findIdsRegardlessOfCase(@Param("id") String id);
}

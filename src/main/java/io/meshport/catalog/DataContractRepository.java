package io.meshport.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DataContractRepository extends JpaRepository<DataContract, String> {

    List<DataContract> findAllByOrderById();
}

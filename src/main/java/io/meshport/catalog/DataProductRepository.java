package io.meshport.catalog;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

interface DataProductRepository extends JpaRepository<DataProduct, String> {

    Slice<DataProduct> findAllBy(Pageable pageable);
}

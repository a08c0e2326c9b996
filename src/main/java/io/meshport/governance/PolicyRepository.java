package io.meshport.governance;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyRepository extends JpaRepository<Policy, String> {

    /** The policies in force or in preparation (not retired), by id. */
    List<Policy> findByRetiredAtIsNullOrderById();

    /** Those evaluated: enabled and not retired. */
    List<Policy> findByEnabledTrueAndRetiredAtIsNullOrderById();
}

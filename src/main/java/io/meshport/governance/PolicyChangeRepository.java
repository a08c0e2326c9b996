package io.meshport.governance;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PolicyChangeRepository extends JpaRepository<PolicyChange, Long> {

    /** A policy's changes, newest first. */
    List<PolicyChange> findByPolicyIdOrderByIdDesc(String policyId);
}

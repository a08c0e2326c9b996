package io.meshport.access;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgreementChangeRepository extends JpaRepository<AgreementChange, Long> {}

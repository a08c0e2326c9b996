package io.meshport.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An input port: the contract a product consumes, which may not be in the catalog yet. */
@Embeddable
record InputPort(
        @Column(name = "name", nullable = false) String name,
        @Column(name = "version", nullable = false) String version,
        @Column(name = "contract_id", nullable = false) String contractId) {}

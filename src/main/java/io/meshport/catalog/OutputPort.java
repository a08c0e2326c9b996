package io.meshport.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** An output port as the portal queries it; the document holds the rest. */
@Embeddable
record OutputPort(
        @Column(name = "name", nullable = false) String name,
        @Column(name = "version", nullable = false) String version,
        @Column(name = "type") @Nullable String type,
        @Column(name = "description") @Nullable String description,
        @Column(name = "contract_id") @Nullable String contractId,

        @JdbcTypeCode(SqlTypes.ARRAY) @Column(name = "input_contracts", nullable = false)
        List<String> inputContracts) {}

package io.meshport.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** One property of an ODCS schema object. */
@Embeddable
public record SchemaField(
        @Column(name = "object_name") @Nullable String objectName,
        @Column(name = "name", nullable = false) String name,
        @Column(name = "logical_type") @Nullable String logicalType,
        @Column(name = "physical_type") @Nullable String physicalType,
        @Column(name = "required", nullable = false) boolean required,
        @Column(name = "primary_key", nullable = false) boolean primaryKey,
        @Column(name = "classification") @Nullable String classification,
        @Column(name = "description") @Nullable String description) {}

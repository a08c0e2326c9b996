package io.meshport.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A data product as stored: the ODPS document as published plus the columns derived from it.
 * Public only as a type, for the search module's index mapping (docs/decisions/0015); its state
 * stays readable and writable within catalog alone.
 */
@Entity
@Table(name = "data_product")
public class DataProduct {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "api_version", nullable = false)
    private String apiVersion;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "version")
    private @Nullable String version;

    @Column(name = "status", nullable = false)
    @Convert(converter = StatusConverter.class)
    private ProductStatus status;

    @Column(name = "domain")
    private @Nullable String domain;

    @Column(name = "owner_team", nullable = false)
    private String ownerTeam;

    @Column(name = "purpose")
    private @Nullable String purpose;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tags", nullable = false)
    private List<String> tags = new ArrayList<>();

    /** Limitations, usage, port names and descriptions, contract schema fields and SLAs. */
    @Column(name = "search_text", nullable = false)
    private String searchText = "";

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "port_types", nullable = false)
    private List<String> portTypes = new ArrayList<>();

    @Column(name = "source", nullable = false)
    private String source;

    @Column(name = "source_format", nullable = false)
    private String sourceFormat;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "document", nullable = false)
    private String document;

    @ElementCollection
    @CollectionTable(name = "product_output_port", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    private List<OutputPort> outputPorts = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "product_input_port", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    private List<InputPort> inputPorts = new ArrayList<>();

    /**
     * Governance's standing of the product, kept here so that the search index carries it (Explore
     * filters and sorts by it). Not a change of the product: its revision stays, so an owner's
     * stale-save check is not upset by a re-evaluation.
     */
    @OptimisticLock(excluded = true)
    @Column(name = "trust_score")
    private @Nullable Integer trustScore;

    @OptimisticLock(excluded = true)
    @Column(name = "policy_violations", nullable = false)
    private int policyViolations;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by")
    private @Nullable Long updatedBy;

    protected DataProduct() {
        // for JPA
        this.id = "";
        this.apiVersion = "";
        this.name = "";
        this.status = ProductStatus.DRAFT;
        this.ownerTeam = "";
        this.source = "";
        this.sourceFormat = "json";
        this.document = "{}";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    DataProduct(String id, Instant createdAt) {
        this();
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    void apply(ProductDocument document, String ownerTeam, Instant at, long by) {
        this.apiVersion = document.apiVersion();
        this.name = document.name();
        this.version = document.version();
        this.status = document.status();
        this.domain = document.domain();
        this.ownerTeam = ownerTeam;
        this.purpose = document.purpose();
        this.tags = new ArrayList<>(document.tags());
        this.source = document.parsed().source();
        this.sourceFormat = document.parsed().format().value();
        this.document = document.json();
        this.outputPorts = new ArrayList<>(document.outputPorts());
        this.inputPorts = new ArrayList<>(document.inputPorts());
        this.portTypes = document.outputPorts().stream()
                .map(OutputPort::type)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        this.updatedAt = at;
        this.updatedBy = by;
    }

    void searchText(String text) {
        this.searchText = text;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    @Nullable
    String version() {
        return version;
    }

    ProductStatus status() {
        return status;
    }

    @Nullable
    String domain() {
        return domain;
    }

    String ownerTeam() {
        return ownerTeam;
    }

    @Nullable
    String purpose() {
        return purpose;
    }

    List<String> tags() {
        return List.copyOf(tags);
    }

    String source() {
        return source;
    }

    DocumentFormat sourceFormat() {
        return DocumentFormat.fromValue(sourceFormat);
    }

    List<OutputPort> outputPorts() {
        return List.copyOf(outputPorts);
    }

    List<InputPort> inputPorts() {
        return List.copyOf(inputPorts);
    }

    long revision() {
        return lockVersion;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    @Converter
    static class StatusConverter implements AttributeConverter<ProductStatus, String> {
        @Override
        public String convertToDatabaseColumn(ProductStatus status) {
            return status.value();
        }

        @Override
        public ProductStatus convertToEntityAttribute(String value) {
            return ProductStatus.fromValue(value);
        }
    }

    public @Nullable Integer trustScore() {
        return trustScore;
    }

    public int policyViolations() {
        return policyViolations;
    }

    /** Whether the standing changed. */
    boolean standing(@Nullable Integer trustScore, int policyViolations) {
        if (java.util.Objects.equals(this.trustScore, trustScore) && this.policyViolations == policyViolations) {
            return false;
        }
        this.trustScore = trustScore;
        this.policyViolations = policyViolations;
        return true;
    }
}

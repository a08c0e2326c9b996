package io.meshport.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A data contract as stored: the ODCS document as published plus its schema and SLA rows. */
@Entity
@Table(name = "data_contract")
class DataContract {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "api_version", nullable = false)
    private String apiVersion;

    @Column(name = "name")
    private @Nullable String name;

    @Column(name = "version", nullable = false)
    private String version;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "domain")
    private @Nullable String domain;

    @Column(name = "data_product")
    private @Nullable String dataProduct;

    @Column(name = "owner_team", nullable = false)
    private String ownerTeam;

    @Column(name = "source", nullable = false)
    private String source;

    @Column(name = "source_format", nullable = false)
    private String sourceFormat;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "document", nullable = false)
    private String document;

    @ElementCollection
    @CollectionTable(name = "contract_sla_property", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderColumn(name = "position")
    private List<SlaProperty> slaProperties = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "contract_schema_field", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderColumn(name = "position")
    private List<SchemaField> schemaFields = new ArrayList<>();

    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by")
    private @Nullable Long updatedBy;

    protected DataContract() {
        // for JPA
        this.id = "";
        this.apiVersion = "";
        this.version = "";
        this.status = "";
        this.ownerTeam = "";
        this.source = "";
        this.sourceFormat = "json";
        this.document = "{}";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    DataContract(String id, Instant createdAt) {
        this();
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    void apply(ContractDocument document, String ownerTeam, Instant at, long by) {
        this.apiVersion = document.apiVersion();
        this.name = document.name();
        this.version = document.version();
        this.status = document.status();
        this.domain = document.domain();
        this.dataProduct = document.dataProduct();
        this.ownerTeam = ownerTeam;
        this.source = document.parsed().source();
        this.sourceFormat = document.parsed().format().value();
        this.document = document.json();
        this.slaProperties = new ArrayList<>(document.slaProperties());
        this.schemaFields = new ArrayList<>(document.schemaFields());
        this.updatedAt = at;
        this.updatedBy = by;
    }

    String id() {
        return id;
    }

    @Nullable
    String name() {
        return name;
    }

    String version() {
        return version;
    }

    String status() {
        return status;
    }

    String ownerTeam() {
        return ownerTeam;
    }

    String source() {
        return source;
    }

    DocumentFormat sourceFormat() {
        return DocumentFormat.fromValue(sourceFormat);
    }

    List<SlaProperty> slaProperties() {
        return List.copyOf(slaProperties);
    }

    List<SchemaField> schemaFields() {
        return List.copyOf(schemaFields);
    }

    long revision() {
        return lockVersion;
    }
}

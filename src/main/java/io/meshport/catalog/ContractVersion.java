package io.meshport.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * One version of a data contract as published: the document under that version label, who
 * published it, and its semantic changes from the version before (stored as JSON).
 */
@Entity
@Table(name = "contract_version")
class ContractVersion {

    @EmbeddedId
    private Key key;

    @Column(name = "revision", nullable = false)
    private long revision;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "published_by")
    private @Nullable Long publishedBy;

    @Column(name = "published_by_name", nullable = false)
    private String publishedByName;

    @Column(name = "previous_version")
    private @Nullable String previousVersion;

    @Column(name = "breaking", nullable = false)
    private boolean breaking;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "changes", nullable = false)
    private String changes;

    @Column(name = "source", nullable = false)
    private String source;

    @Column(name = "source_format", nullable = false)
    private String sourceFormat;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "document", nullable = false)
    private String document;

    protected ContractVersion() {
        // for JPA
        this.key = new Key("", "");
        this.publishedAt = Instant.EPOCH;
        this.publishedByName = "";
        this.changes = "[]";
        this.source = "";
        this.sourceFormat = "json";
        this.document = "{}";
    }

    ContractVersion(String contractId, String version) {
        this();
        this.key = new Key(contractId, version);
    }

    /** What this version now holds: a first publish of the label, or a later revision of it. */
    void publish(
            DataContract contract,
            Instant at,
            long by,
            String byName,
            @Nullable String previousVersion,
            boolean breaking,
            String changesJson,
            String documentJson) {
        this.revision = contract.revision();
        this.publishedAt = at;
        this.publishedBy = by;
        this.publishedByName = byName;
        this.previousVersion = previousVersion;
        this.breaking = breaking;
        this.changes = changesJson;
        this.source = contract.source();
        this.sourceFormat = contract.sourceFormat().value();
        this.document = documentJson;
    }

    String contractId() {
        return key.contractId;
    }

    String version() {
        return key.version;
    }

    long revision() {
        return revision;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    String publishedByName() {
        return publishedByName;
    }

    @Nullable
    String previousVersion() {
        return previousVersion;
    }

    boolean breaking() {
        return breaking;
    }

    String changes() {
        return changes;
    }

    String source() {
        return source;
    }

    DocumentFormat sourceFormat() {
        return DocumentFormat.fromValue(sourceFormat);
    }

    /** The contract and the version label. */
    @Embeddable
    static class Key implements Serializable {

        @Column(name = "contract_id", nullable = false)
        private String contractId;

        @Column(name = "version", nullable = false)
        private String version;

        protected Key() {
            this("", "");
        }

        Key(String contractId, String version) {
            this.contractId = contractId;
            this.version = version;
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Key key && key.contractId.equals(contractId) && key.version.equals(version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(contractId, version);
        }
    }
}

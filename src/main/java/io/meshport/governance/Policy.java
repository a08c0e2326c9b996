package io.meshport.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A global policy as stored; its changes are kept in {@link PolicyChange}. */
@Entity
@Table(name = "policy")
class Policy {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "severity", nullable = false)
    private String severity;

    @Column(name = "mode", nullable = false)
    private String mode;

    @Column(name = "enforce_on", nullable = false)
    private String enforceOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "scope", nullable = false)
    private Map<String, List<String>> scope;

    @Column(name = "rule", nullable = false)
    private String rule;

    @Column(name = "path")
    private @Nullable String path;

    @Column(name = "message")
    private @Nullable String message;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    @Column(name = "retired_at")
    private @Nullable Instant retiredAt;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by")
    private @Nullable Long updatedBy;

    @Column(name = "updated_by_name", nullable = false)
    private String updatedByName;

    protected Policy() {
        // for JPA
        this.id = "";
        this.title = "";
        this.description = "";
        this.severity = Severity.MEDIUM.value();
        this.mode = PolicyMode.ADVISORY.value();
        this.enforceOn = EnforceOn.PUBLISH.value();
        this.scope = Map.of();
        this.rule = "true";
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
        this.updatedByName = "";
    }

    Policy(String id, boolean builtIn, Instant createdAt) {
        this();
        this.id = id;
        this.builtIn = builtIn;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    void apply(PolicyDefinition definition, Instant at, @Nullable Long by, String byName) {
        this.title = definition.title();
        this.description = definition.description();
        this.severity = definition.severity().value();
        this.mode = definition.mode().value();
        this.enforceOn = definition.enforceOn().value();
        PolicyScope s = definition.scope();
        this.scope =
                Map.of("domains", s.domains(), "statuses", s.statuses(), "tags", s.tags(), "portTypes", s.portTypes());
        this.rule = definition.rule();
        this.path = definition.path();
        this.message = definition.message();
        this.enabled = definition.enabled();
        this.retiredAt = null;
        this.updatedAt = at;
        this.updatedBy = by;
        this.updatedByName = byName;
    }

    void retire(Instant at, @Nullable Long by, String byName) {
        this.retiredAt = at;
        this.enabled = false;
        this.updatedAt = at;
        this.updatedBy = by;
        this.updatedByName = byName;
    }

    PolicyDefinition definition() {
        return new PolicyDefinition(
                title,
                description,
                Severity.fromValue(severity).orElse(Severity.MEDIUM),
                PolicyMode.fromValue(mode).orElse(PolicyMode.ADVISORY),
                EnforceOn.fromValue(enforceOn).orElse(EnforceOn.PUBLISH),
                new PolicyScope(
                        scope.getOrDefault("domains", List.of()),
                        scope.getOrDefault("statuses", List.of()),
                        scope.getOrDefault("tags", List.of()),
                        scope.getOrDefault("portTypes", List.of())),
                rule,
                path,
                message,
                enabled);
    }

    String id() {
        return id;
    }

    boolean builtIn() {
        return builtIn;
    }

    boolean enabled() {
        return enabled;
    }

    @Nullable
    Instant retiredAt() {
        return retiredAt;
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

    String updatedByName() {
        return updatedByName;
    }
}

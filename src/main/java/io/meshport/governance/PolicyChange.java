package io.meshport.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One change of a policy, as recorded: who, when, what before and after. Never updated. */
@Entity
@Table(name = "policy_change")
class PolicyChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private @Nullable Long id;

    @Column(name = "policy_id", nullable = false)
    private String policyId;

    @Column(name = "revision", nullable = false)
    private long revision;

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "summary", nullable = false)
    private String summary;

    @Column(name = "actor_id")
    private @Nullable Long actorId;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before")
    private @Nullable Map<String, Object> before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after", nullable = false)
    private Map<String, Object> after;

    protected PolicyChange() {
        // for JPA
        this.policyId = "";
        this.action = "";
        this.summary = "";
        this.actorName = "";
        this.changedAt = Instant.EPOCH;
        this.after = Map.of();
    }

    PolicyChange(
            String policyId,
            long revision,
            String action,
            String summary,
            @Nullable Long actorId,
            String actorName,
            Instant changedAt,
            @Nullable Map<String, Object> before,
            Map<String, Object> after) {
        this.policyId = policyId;
        this.revision = revision;
        this.action = action;
        this.summary = summary;
        this.actorId = actorId;
        this.actorName = actorName;
        this.changedAt = changedAt;
        this.before = before;
        this.after = after;
    }

    PolicyHistoryEntry entry() {
        return new PolicyHistoryEntry(revision, action, summary, actorName, changedAt, before, after);
    }
}

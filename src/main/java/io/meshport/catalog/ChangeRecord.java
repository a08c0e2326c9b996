package io.meshport.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One change to a product or contract: who, when, what, and the document before and after. */
@Entity
@Table(name = "change_record")
class ChangeRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private @Nullable Long id;

    @Column(name = "subject_type", nullable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false)
    private String subjectId;

    @Column(name = "revision", nullable = false)
    private long revision;

    @Column(name = "action", nullable = false)
    private String action;

    @Column(name = "summary", nullable = false)
    private String summary;

    @Column(name = "actor_id", nullable = false)
    private long actorId;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "previous_source")
    private @Nullable String previousSource;

    @Column(name = "new_source")
    private @Nullable String newSource;

    protected ChangeRecord() {
        this.subjectType = "";
        this.subjectId = "";
        this.action = "";
        this.summary = "";
        this.actorName = "";
        this.changedAt = Instant.EPOCH;
    }

    ChangeRecord(
            String subjectType,
            String subjectId,
            long revision,
            String action,
            String summary,
            long actorId,
            String actorName,
            Instant changedAt,
            @Nullable String previousSource,
            @Nullable String newSource) {
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.revision = revision;
        this.action = action;
        this.summary = summary;
        this.actorId = actorId;
        this.actorName = actorName;
        this.changedAt = changedAt;
        this.previousSource = previousSource;
        this.newSource = newSource;
    }

    long id() {
        return id == null ? 0 : id;
    }

    @Nullable
    String previousSource() {
        return previousSource;
    }

    @Nullable
    String newSource() {
        return newSource;
    }

    ChangeEntry toEntry(List<FieldChange> changes) {
        return new ChangeEntry(
                subjectType,
                subjectId,
                revision,
                action,
                summary,
                actorName,
                changedAt,
                previousSource,
                newSource,
                changes);
    }
}

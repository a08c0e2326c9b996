package io.meshport.openlineage;

/**
 * What an ingest did: events received, stored now, already stored before (replays, which change
 * nothing), and older than the retention window (accepted, neither stored nor derived from:
 * docs/decisions/0034-openlineage-retention.md).
 */
public record Ingested(int received, int stored, int alreadyKnown, int olderThanRetention) {

    /** An ingest that had no event older than the retention window. */
    public Ingested(int received, int stored, int alreadyKnown) {
        this(received, stored, alreadyKnown, 0);
    }
}

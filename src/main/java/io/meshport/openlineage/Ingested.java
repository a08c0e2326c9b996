package io.meshport.openlineage;

/**
 * What an ingest did: events received, stored now, and already stored before (replays, which
 * change nothing).
 */
public record Ingested(int received, int stored, int alreadyKnown) {}

package io.meshport.sla;

import java.util.List;

/**
 * What a batch of observations did: the ids stored now, and the ids already stored with the same
 * content (a retry), which changed nothing.
 */
public record RecordedObservations(List<String> recorded, List<String> alreadyKnown) {}

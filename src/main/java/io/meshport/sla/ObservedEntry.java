package io.meshport.sla;

/** A stored observation with where it came from, as the SLA tab and the API list them. */
public record ObservedEntry(Observation observation, ObservationOrigin origin) {}

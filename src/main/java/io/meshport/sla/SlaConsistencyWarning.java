package io.meshport.sla;

/**
 * A product promising more than what it derives from can give: fresher data or higher
 * availability than an upstream product's objective.
 *
 * @param message the explanation shown to the owner, naming the upstream product that limits it
 */
public record SlaConsistencyWarning(
        String productId,
        String outputPort,
        String objective,
        String upstreamProductId,
        String upstreamPort,
        String message) {}

package io.meshport.sla;

import java.time.Instant;

/**
 * Published (after commit) when an objective of a product becomes breached, whether an
 * observation showed it or time passing without one did (freshness).
 *
 * @param outputPort the port whose contract declares the objective
 * @param objective the objective as the owner reads it, e.g. "freshness ≤ 1 h"
 * @param detail what was measured, e.g. "last update 3 h 12 min ago"
 */
public record SlaBreached(String productId, String outputPort, String objective, String detail, Instant at) {}

/**
 * Federated computational governance: global policies written as CEL rules over a product's
 * document, its contracts, its lineage and its measured service levels; evaluated on every write
 * (an enforced policy refuses a change that breaks it) and by a periodic sweep; their results with
 * history, exemptions with an expiry, and each product's trust score, explained point by point.
 * {@link io.meshport.governance.GovernanceService} is the only way in
 * (docs/decisions/0026-governance-policies.md).
 *
 * <p>Its dependencies are listed here, so the module test fails when one is added unseen: the
 * documents from catalog, the links from lineage, measured compliance from sla, review states
 * from review, agreements from access.
 */
@ApplicationModule(allowedDependencies = {"access", "catalog", "identity", "lineage", "review", "sla", "system"})
@NullMarked
package io.meshport.governance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

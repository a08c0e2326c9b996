/**
 * Service levels, declared and measured: the objectives of each output port's contract
 * ({@code slaProperties}), the observations pipelines send or their OpenLineage runs show (a
 * listener of {@code openlineage.RunObserved}, docs/decisions/0033-sla-from-runs.md), and
 * compliance computed from them over rolling windows. {@link io.meshport.sla.SlaService} is the
 * only way in.
 *
 * <p>Its dependencies are listed here, so the module test fails when one is added unseen (ports,
 * contracts' SLA properties and products from catalog; direct inputs from
 * lineage.LineageReadModel; pipeline runs from openlineage.RunObserved;
 * docs/decisions/0018-module-data-ownership.md).
 */
@ApplicationModule(allowedDependencies = {"catalog", "identity", "lineage", "openlineage", "system"})
@NullMarked
package io.meshport.sla;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

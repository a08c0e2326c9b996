/**
 * Owner review: the products of my teams, their lineage health and their SLAs.
 *
 * <p>Its dependencies are listed here, so the module test fails when one is added unseen (products
 * and schedules from catalog; providers and unresolved inputs from lineage.LineageReadModel;
 * compliance from sla; docs/decisions/0018-module-data-ownership.md).
 */
@ApplicationModule(allowedDependencies = {"catalog", "identity", "lineage", "sla"})
@NullMarked
package io.meshport.review;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Lineage: how data products derive from each other, as their ports and contracts declare it, and
 * who reads their ports through approved data usage agreements (read from access's
 * AgreementReadModel; docs/decisions/0025-agreements-in-lineage.md). {@link
 * io.meshport.lineage.LineageService} is the only way in.
 *
 * <p>Other modules read one-hop facts through {@link io.meshport.lineage.LineageReadModel}. Its
 * dependencies are listed here, so the module test fails when one is added unseen (what it reads
 * of products comes from catalog.CatalogReadModel; docs/decisions/0018-module-data-ownership.md).
 */
@ApplicationModule(allowedDependencies = {"catalog", "access", "openlineage"})
@NullMarked
package io.meshport.lineage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

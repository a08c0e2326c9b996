/**
 * Observed lineage: OpenLineage events as the pipelines emit them ({@code POST /api/v1/lineage}),
 * the jobs, runs and datasets they name, and which output port of the catalog each dataset is
 * (from the contracts' servers and physical names, or a port's explicit mapping). {@link
 * io.meshport.openlineage.OpenLineageService} is the only way in.
 *
 * <p>What a run shows about the catalog leaves the module as a {@link
 * io.meshport.openlineage.RunObserved} event, published in the ingesting transaction: lineage
 * keeps the observed edges, sla the freshness and quality measured from runs. Neither is called
 * from here, so this module depends on neither (docs/decisions/0029-openlineage-ingest.md).
 */
@ApplicationModule(allowedDependencies = {"catalog", "identity", "system"})
@NullMarked
package io.meshport.openlineage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

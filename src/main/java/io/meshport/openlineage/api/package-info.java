/** The REST API of observed lineage: pipelines post OpenLineage events. */
@NullMarked
package io.meshport.openlineage.api;

import org.jspecify.annotations.NullMarked;

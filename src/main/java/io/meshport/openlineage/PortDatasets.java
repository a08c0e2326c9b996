package io.meshport.openlineage;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which output ports of the catalog the datasets of events are: each port's datasets follow from
 * its contract (the {@code servers} plus each schema object's {@code physicalName}, named as the
 * OpenLineage naming specification says) or from an explicit mapping on the port
 * (docs/decisions/0030-dataset-naming.md).
 */
@Component
class PortDatasets {

    /** An output port a dataset maps to, with the team that owns its product. */
    record PortRef(
            String productId, String outputPort, @Nullable String contractId, String team) {}

    /**
     * The ports each of these datasets is, in one look-up; a dataset no port maps is absent. A
     * dataset may be more than one port (two products naming the same table).
     */
    Map<DatasetName, List<PortRef>> resolve(Collection<DatasetName> datasets) {
        // The naming branch replaces this with the real mapping (V0021).
        return Map.of();
    }
}

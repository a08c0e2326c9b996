package io.meshport.openlineage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dataset a run read or wrote that is an output port of the catalog.
 *
 * @param productId the product whose output port it is
 * @param outputPort the port's name
 * @param contractId the contract the port offers, if any
 * @param dataset the dataset as the event named it
 * @param assertions the data-quality assertions the event reported on it ({@code
 *     dataQualityAssertions} input facet); only for products the sender may act for, else empty
 */
public record PortDataset(
        String productId,
        String outputPort,
        @Nullable String contractId,
        DatasetName dataset,
        List<QualityAssertion> assertions) {

    public PortDataset {
        assertions = List.copyOf(assertions);
    }

    PortDataset withoutAssertions() {
        return assertions.isEmpty() ? this : new PortDataset(productId, outputPort, contractId, dataset, List.of());
    }

    /** One assertion of a data-quality facet: a check's name, whether it passed, and on which column. */
    public record QualityAssertion(
            String assertion, boolean success, @Nullable String column) {}
}

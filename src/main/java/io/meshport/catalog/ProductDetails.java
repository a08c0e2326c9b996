package io.meshport.catalog;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything the product page shows of one product, contracts resolved. */
public record ProductDetails(
        DataProductSummary summary,
        String apiVersion,
        long revision,
        Instant createdAt,
        List<String> tags,
        @Nullable String limitations,
        @Nullable String usage,
        List<SupportChannel> support,
        List<OutputPortView> outputPorts,
        List<InputPortView> inputPorts,
        @Nullable String successor,
        @Nullable String sunsetDate,
        boolean editable) {

    public record SupportChannel(
            @Nullable String channel,
            @Nullable String tool,
            @Nullable String url) {}

    public record OutputPortView(
            String name,
            String version,
            @Nullable String type,
            @Nullable String description,
            @Nullable String contractId,
            @Nullable ContractView contract) {}

    /**
     * An input port and the products whose output ports provide its contract; none means the
     * contract is unresolved (not in the catalog yet).
     */
    public record InputPortView(String name, String version, String contractId, List<String> providerProductIds) {
        public boolean resolved() {
            return !providerProductIds.isEmpty();
        }
    }

    public record ContractView(
            String id,
            @Nullable String name,
            String version,
            String status,
            String ownerTeam,
            List<SchemaField> schema,
            List<SlaProperty> sla) {}
}

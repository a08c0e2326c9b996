package io.meshport.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a data contract's page shows: the ODCS document's parts as people read them, the
 * document itself, and who provides and consumes the contract.
 *
 * @param yaml the document as YAML: as published when it was published as YAML
 * @param editable whether the caller may change the contract (its owning team, or governance)
 */
public record ContractDetails(
        String id,
        @Nullable String name,
        String version,
        String status,
        String apiVersion,
        @Nullable String domain,
        @Nullable String dataProduct,
        @Nullable String tenant,
        String ownerTeam,
        long revision,
        @Nullable String purpose,
        @Nullable String limitations,
        @Nullable String usage,
        List<String> tags,
        List<SchemaObject> schema,
        List<QualityRule> quality,
        List<Server> servers,
        List<SlaProperty> sla,
        List<Member> team,
        List<ProductDetails.SupportChannel> support,
        List<Property> customProperties,
        String yaml,
        List<Provider> providers,
        List<Reader> readers,
        List<ContractAgreements.Agreement> agreements,
        boolean editable) {

    public ContractDetails {
        tags = List.copyOf(tags);
        schema = List.copyOf(schema);
        quality = List.copyOf(quality);
        servers = List.copyOf(servers);
        sla = List.copyOf(sla);
        team = List.copyOf(team);
        support = List.copyOf(support);
        customProperties = List.copyOf(customProperties);
        providers = List.copyOf(providers);
        readers = List.copyOf(readers);
        agreements = List.copyOf(agreements);
    }

    /** A schema object (table, topic, file ...) and its properties, nested ones by dotted path. */
    public record SchemaObject(
            String name,
            @Nullable String physicalName,
            @Nullable String physicalType,
            @Nullable String description,
            List<SchemaProperty> properties) {}

    /**
     * @param path the property's name, prefixed by its parents' for nested properties ({@code
     *     address.city})
     */
    public record SchemaProperty(
            String path,
            @Nullable String logicalType,
            @Nullable String physicalType,
            boolean required,
            boolean primaryKey,
            @Nullable String classification,
            @Nullable String description) {}

    /**
     * A data quality rule, wherever the contract states it.
     *
     * @param on where it applies: an object, {@code object.property}, or {@code contract}
     * @param rule what it checks, as one line ({@code rowCount mustBeGreaterThan 1000000}, a SQL
     *     query, a custom engine's name)
     */
    public record QualityRule(
            String on,
            @Nullable String name,
            @Nullable String description,
            @Nullable String dimension,
            @Nullable String severity,
            String rule) {}

    /** @param details the server's other keys ({@code host=db.example, port=5432}) */
    public record Server(
            String server, @Nullable String type, @Nullable String description, String details) {}

    public record Member(
            String username,
            @Nullable String name,
            @Nullable String role) {}

    /** A custom property; a structured value is shown as compact JSON. */
    public record Property(String property, String value) {}

    /** A product whose output port offers the contract. */
    public record Provider(String productId, String productName, String team, String port, String portVersion) {}

    /** A product whose input port declares it reads the contract. */
    public record Reader(String productId, String productName, String team, String port) {}
}

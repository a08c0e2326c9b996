package io.meshport.catalog;

import io.meshport.identity.CurrentIdentity;
import io.meshport.identity.Identity;
import io.meshport.system.StorableText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Data contracts as people browse them: the list of all contracts, and one contract whole with
 * who provides and consumes it. Writes go through {@link CatalogService#publishContract}; this
 * only reads, so that the contract pages do not grow the catalog's write service further.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class ContractCatalog {

    private static final int LONGEST_ID = 1000;

    private final DataContractRepository contracts;
    private final StandardDocuments documents;
    private final CurrentIdentity currentIdentity;
    private final JdbcClient jdbc;
    private final ObjectProvider<ContractAgreements> agreements;

    ContractCatalog(
            DataContractRepository contracts,
            StandardDocuments documents,
            CurrentIdentity currentIdentity,
            JdbcClient jdbc,
            ObjectProvider<ContractAgreements> agreements) {
        this.contracts = contracts;
        this.documents = documents;
        this.currentIdentity = currentIdentity;
        this.jdbc = jdbc;
        this.agreements = agreements;
    }

    /**
     * One page of all contracts in name order, narrowed to those whose id, name or owning team
     * contains {@code filter} (ignoring case); a page of {@code limit} rows after {@code offset}.
     */
    public List<ContractSummary> list(String filter, int offset, int limit) {
        String pattern = "%"
                + filter.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        if (StorableText.problem(pattern) != null) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id, c.name, c.version, c.status, c.owner_team,
                               (select count(distinct o.product_id) from product_output_port o
                                 where o.contract_id = c.id),
                               (select count(distinct i.product_id) from product_input_port i
                                 where i.contract_id = c.id)
                          from data_contract c
                         where lower(c.id) like :pattern or lower(coalesce(c.name, '')) like :pattern
                            or lower(c.owner_team) like :pattern
                         order by lower(coalesce(c.name, c.id)), c.id
                         limit :limit offset :offset
                        """)
                .param("pattern", pattern)
                .param("limit", Math.max(0, limit))
                .param("offset", Math.max(0, offset))
                .query((rs, row) -> new ContractSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getInt(7)))
                .list();
    }

    /** Whether the caller may change the contract: a member of its owning team, or governance. */
    public boolean mayEdit(String id) {
        Identity caller = currentIdentity.require();
        return lookUp(id).map(c -> caller.mayActFor(c.ownerTeam())).orElse(false);
    }

    /** The contract with everything its page shows; empty for an id the catalog does not hold. */
    public Optional<ContractDetails> details(String id) {
        Identity caller = currentIdentity.require();
        return lookUp(id).map(contract -> details(contract, caller));
    }

    /** Ids no contract can have (unstorable text, absurd length) are not looked up at all. */
    private Optional<DataContract> lookUp(String id) {
        if (id.isEmpty() || id.length() > LONGEST_ID || StorableText.problem(id) != null) {
            return Optional.empty();
        }
        return contracts.findById(id);
    }

    private ContractDetails details(DataContract contract, Identity caller) {
        JsonNode tree = documents.tree(contract.source(), contract.sourceFormat());
        JsonNode description = tree.path("description");
        List<ContractDetails.QualityRule> quality = new ArrayList<>();
        ContractParts.quality(tree.path("quality"), "contract", quality);
        List<ContractDetails.SchemaObject> schema = ContractParts.schema(tree.path("schema"), quality);
        ContractAgreements agreed = agreements.getIfAvailable();
        return new ContractDetails(
                contract.id(),
                contract.name(),
                contract.version(),
                contract.status(),
                ContractParts.text(tree.path("apiVersion")),
                ContractDocument.scalar(tree.path("domain")),
                ContractDocument.scalar(tree.path("dataProduct")),
                ContractDocument.scalar(tree.path("tenant")),
                contract.ownerTeam(),
                contract.revision(),
                // ODCS 3.x describes a contract by an object; a plain text is taken as its purpose.
                description.isObject()
                        ? ContractDocument.scalar(description.path("purpose"))
                        : ContractDocument.scalar(description),
                ContractDocument.scalar(description.path("limitations")),
                ContractDocument.scalar(description.path("usage")),
                ContractParts.strings(tree.path("tags")),
                schema,
                quality,
                ContractParts.servers(tree.path("servers")),
                contract.slaProperties(),
                ContractParts.team(tree.path("team")),
                ContractParts.support(tree.path("support")),
                ContractParts.customProperties(tree.path("customProperties")),
                documents.render(contract.source(), contract.sourceFormat(), DocumentFormat.YAML),
                providers(contract.id()),
                readers(contract.id()),
                agreed == null ? List.of() : agreed.agreementsOn(contract.id()),
                caller.mayActFor(contract.ownerTeam()));
    }

    private List<ContractDetails.Provider> providers(String contractId) {
        return jdbc.sql("""
                        select o.product_id, p.name, p.owner_team, o.name, o.version
                          from product_output_port o join data_product p on p.id = o.product_id
                         where o.contract_id = :id
                         order by lower(p.name), o.product_id, o.position
                        """)
                .param("id", contractId)
                .query((rs, row) -> new ContractDetails.Provider(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Input ports that read the contract, and output ports built from it (lineage's two rules). */
    private List<ContractDetails.Reader> readers(String contractId) {
        return jdbc.sql("""
                        select i.product_id, p.name, p.owner_team, i.name, lower(p.name) as sort_name
                          from product_input_port i join data_product p on p.id = i.product_id
                         where i.contract_id = :id
                        union
                        select o.product_id, p.name, p.owner_team, o.name, lower(p.name)
                          from product_output_port o join data_product p on p.id = o.product_id
                         where :id = any (o.input_contracts)
                         order by 5, 1, 4
                        """)
                .param("id", contractId)
                .query((rs, row) ->
                        new ContractDetails.Reader(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Reads the parts of an ODCS document that the page shows, tolerating either 3.0 or 3.1 shapes. */
    static final class ContractParts {

        private ContractParts() {}

        static String text(JsonNode node) {
            String value = ContractDocument.scalar(node);
            return value == null ? "" : value;
        }

        static List<String> strings(JsonNode array) {
            List<String> values = new ArrayList<>();
            for (JsonNode item : array) {
                String value = ContractDocument.scalar(item);
                if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }

        static List<ContractDetails.SchemaObject> schema(JsonNode schema, List<ContractDetails.QualityRule> quality) {
            List<ContractDetails.SchemaObject> objects = new ArrayList<>();
            int index = 0;
            for (JsonNode object : schema) {
                index++;
                String name = ContractDocument.scalar(object.path("name"));
                String objectName = name == null ? "object " + index : name;
                quality(object.path("quality"), objectName, quality);
                List<ContractDetails.SchemaProperty> properties = new ArrayList<>();
                properties(object.path("properties"), "", objectName, properties, quality);
                objects.add(new ContractDetails.SchemaObject(
                        objectName,
                        ContractDocument.scalar(object.path("physicalName")),
                        ContractDocument.scalar(object.path("physicalType")),
                        ContractDocument.scalar(object.path("description")),
                        properties));
            }
            return objects;
        }

        private static void properties(
                JsonNode properties,
                String prefix,
                String objectName,
                List<ContractDetails.SchemaProperty> into,
                List<ContractDetails.QualityRule> quality) {
            for (JsonNode property : properties) {
                String name = ContractDocument.scalar(property.path("name"));
                if (name == null) {
                    continue;
                }
                String path = prefix + name;
                into.add(new ContractDetails.SchemaProperty(
                        path,
                        ContractDocument.scalar(property.path("logicalType")),
                        ContractDocument.scalar(property.path("physicalType")),
                        property.path("required").asBoolean(false),
                        property.path("primaryKey").asBoolean(false),
                        ContractDocument.scalar(property.path("classification")),
                        ContractDocument.scalar(property.path("description"))));
                quality(property.path("quality"), objectName + "." + path, quality);
                properties(property.path("properties"), path + ".", objectName, into, quality);
                properties(property.path("items").path("properties"), path + "[].", objectName, into, quality);
            }
        }

        static void quality(JsonNode rules, String on, List<ContractDetails.QualityRule> into) {
            for (JsonNode rule : rules) {
                into.add(new ContractDetails.QualityRule(
                        on,
                        ContractDocument.scalar(rule.path("name")),
                        ContractDocument.scalar(rule.path("description")),
                        ContractDocument.scalar(rule.path("dimension")),
                        ContractDocument.scalar(rule.path("severity")),
                        ruleText(rule)));
            }
        }

        /** The check as one line: a metric and its bounds, a query, or a custom engine's rule. */
        private static String ruleText(JsonNode rule) {
            List<String> parts = new ArrayList<>();
            for (String key : List.of("metric", "rule", "type", "engine")) {
                String value = ContractDocument.scalar(rule.path(key));
                if (value != null && !(key.equals("type") && value.equals("library"))) {
                    parts.add(value);
                }
            }
            for (Iterator<String> names = rule.propertyNames().iterator(); names.hasNext(); ) {
                String key = names.next();
                if (key.startsWith("must")) {
                    parts.add(key + " " + compact(rule.get(key)));
                }
            }
            for (String key : List.of("query", "implementation")) {
                String value = ContractDocument.scalar(rule.path(key));
                if (value != null) {
                    parts.add(value.replaceAll("\\s+", " "));
                }
            }
            return String.join(" ", parts);
        }

        static List<ContractDetails.Server> servers(JsonNode servers) {
            List<ContractDetails.Server> found = new ArrayList<>();
            for (JsonNode server : servers) {
                List<String> details = new ArrayList<>();
                for (String key : server.propertyNames()) {
                    if (!List.of("server", "type", "description").contains(key)) {
                        details.add(key + "=" + compact(server.get(key)));
                    }
                }
                found.add(new ContractDetails.Server(
                        text(server.path("server")),
                        ContractDocument.scalar(server.path("type")),
                        ContractDocument.scalar(server.path("description")),
                        String.join(", ", details)));
            }
            return found;
        }

        /** ODCS 3.1's team object names its members; 3.0.x's team is the list of members. */
        static List<ContractDetails.Member> team(JsonNode team) {
            JsonNode members = team.isArray() ? team : team.path("members");
            List<ContractDetails.Member> found = new ArrayList<>();
            for (JsonNode member : members) {
                String username = ContractDocument.scalar(member.path("username"));
                if (username != null) {
                    found.add(new ContractDetails.Member(
                            username,
                            ContractDocument.scalar(member.path("name")),
                            ContractDocument.scalar(member.path("role"))));
                }
            }
            return found;
        }

        static List<ProductDetails.SupportChannel> support(JsonNode support) {
            List<ProductDetails.SupportChannel> channels = new ArrayList<>();
            for (JsonNode channel : support) {
                channels.add(new ProductDetails.SupportChannel(
                        ContractDocument.scalar(channel.path("channel")),
                        ContractDocument.scalar(channel.path("tool")),
                        ContractDocument.scalar(channel.path("url"))));
            }
            return channels;
        }

        static List<ContractDetails.Property> customProperties(JsonNode properties) {
            List<ContractDetails.Property> found = new ArrayList<>();
            for (JsonNode property : properties) {
                String name = ContractDocument.scalar(property.path("property"));
                if (name != null) {
                    found.add(new ContractDetails.Property(name, compact(property.path("value"))));
                }
            }
            return found;
        }

        private static String compact(@Nullable JsonNode value) {
            if (value == null || value.isMissingNode() || value.isNull()) {
                return "";
            }
            String scalar = ContractDocument.scalar(value);
            return scalar != null ? scalar : value.toString();
        }
    }
}

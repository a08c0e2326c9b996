package io.meshport.openlineage;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which output ports of the catalog the datasets of events are: each port's datasets follow from
 * its contract (the {@code servers} plus each schema object's {@code physicalName}, named as the
 * OpenLineage naming specification says) or from an explicit mapping on the port
 * (docs/decisions/0030-dataset-naming.md). Kept in {@code port_dataset} (V0021), rewritten for a
 * product whenever it or a contract it offers is written.
 */
@Component
class PortDatasets {

    /** An output port a dataset maps to, with the team that owns its product. */
    record PortRef(
            String productId, String outputPort, @Nullable String contractId, String team) {}

    /** What one product's ports name, and what is wrong with its explicit mappings. */
    record Derived(String productId, List<Row> rows, List<Violation> violations) {}

    record Row(
            DatasetName dataset,
            String outputPort,
            @Nullable String contractId,
            String team,
            String source) {}

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PortDatasets.class);

    private final JdbcClient jdbc;
    private final CatalogReadModel catalog;

    PortDatasets(JdbcClient jdbc, CatalogReadModel catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /**
     * The ports each of these datasets is, in one look-up; a dataset no port maps is absent. A
     * dataset may be more than one port (two products naming the same table).
     */
    Map<DatasetName, List<PortRef>> resolve(Collection<DatasetName> datasets) {
        Map<DatasetName, List<PortRef>> found = new LinkedHashMap<>();
        if (datasets.isEmpty()) {
            return found;
        }
        Set<DatasetName> distinct = new LinkedHashSet<>(datasets);
        jdbc.sql("""
                        select d.namespace, d.name, d.product_id, d.output_port, d.contract_id, d.team
                          from port_dataset d
                          join unnest(cast(:namespaces as text[]), cast(:names as text[])) as wanted(namespace, name)
                            on d.namespace = wanted.namespace and d.name = wanted.name
                         order by d.namespace, d.name, d.product_id, d.output_port
                        """)
                .param(
                        "namespaces",
                        distinct.stream().map(DatasetName::namespace).toArray(String[]::new))
                .param("names", distinct.stream().map(DatasetName::name).toArray(String[]::new))
                .query((rs, row) -> Map.entry(
                        new DatasetName(rs.getString(1), rs.getString(2)),
                        new PortRef(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))))
                .list()
                .forEach(entry -> found.computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
                        .add(entry.getValue()));
        return found;
    }

    /** The datasets of one product's output ports, as stored (for its page and the tests). */
    List<Row> ofProduct(String productId) {
        return jdbc.sql("""
                        select namespace, name, output_port, contract_id, team, source from port_dataset
                         where product_id = :id order by output_port, namespace, name
                        """)
                .param("id", productId)
                .query((rs, row) -> new Row(
                        new DatasetName(rs.getString(1), rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /**
     * Rewrites the rows of these products from the catalog as it stands in this transaction (a
     * product no longer stored loses its rows), and says what each one's explicit mappings got
     * wrong (the invalid entries name nothing).
     */
    List<Derived> refresh(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        List<Derived> derived = catalog.documents(productIds).stream()
                .map(PortDatasets::deriveOrSkip)
                .toList();
        String[] ids = productIds.stream().distinct().toArray(String[]::new);
        jdbc.sql("delete from port_dataset where product_id = any (cast(:ids as text[]))")
                .param("ids", ids)
                .update();
        List<String[]> rows = new ArrayList<>();
        for (Derived product : derived) {
            for (Row row : product.rows()) {
                rows.add(new String[] {
                    row.dataset().namespace(),
                    row.dataset().name(),
                    product.productId(),
                    row.outputPort(),
                    row.contractId(),
                    row.team(),
                    row.source()
                });
            }
        }
        if (!rows.isEmpty()) {
            // One statement for a batch, whatever its size; the newest port version of a name
            // comes first, so it keeps a dataset two versions name.
            jdbc.sql("""
                            insert into port_dataset (namespace, name, product_id, output_port, contract_id, team, source)
                            select * from unnest(cast(:namespaces as text[]), cast(:names as text[]),
                                                 cast(:products as text[]), cast(:ports as text[]),
                                                 cast(:contracts as text[]), cast(:teams as text[]),
                                                 cast(:sources as text[]))
                            on conflict do nothing
                            """)
                    .param("namespaces", column(rows, 0))
                    .param("names", column(rows, 1))
                    .param("products", column(rows, 2))
                    .param("ports", column(rows, 3))
                    .param("contracts", column(rows, 4))
                    .param("teams", column(rows, 5))
                    .param("sources", column(rows, 6))
                    .update();
        }
        return derived;
    }

    private static String[] column(List<String[]> rows, int index) {
        return rows.stream().map(row -> row[index]).toArray(String[]::new);
    }

    /**
     * As {@link #derive}, but a product whose datasets cannot be derived (a naming rule's bug)
     * names none, and says so in the log: a product is never refused, nor the portal kept from
     * starting, for the datasets it would name.
     */
    private static Derived deriveOrSkip(CatalogReadModel.Documented product) {
        try {
            return derive(product);
        } catch (RuntimeException failed) {
            log.warn(
                    "The datasets of data product '{}' could not be derived; its ports name none",
                    product.id(),
                    failed);
            return new Derived(product.id(), List.of(), List.of());
        }
    }

    /** The rows a product's document and its contracts' documents imply. */
    static Derived derive(CatalogReadModel.Documented product) {
        List<Row> rows = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        JsonNode document = parse(product.document());
        JsonNode ports = document == null ? JSON.missingNode() : document.path("outputPorts");
        Map<String, List<DatasetName>> byContract = new LinkedHashMap<>();
        for (int i = ports.size() - 1; i >= 0; i--) {
            JsonNode port = ports.get(i);
            String name = text(port.path("name"));
            if (name == null) {
                continue;
            }
            String contractId = text(port.path("contractId"));
            if (contractId != null) {
                List<DatasetName> datasets = byContract.computeIfAbsent(contractId, id -> {
                    String contract = product.contracts().get(id);
                    JsonNode tree = contract == null ? null : parse(contract);
                    return tree == null ? List.of() : DatasetNaming.ofContract(tree);
                });
                datasets.forEach(
                        dataset -> rows.add(new Row(dataset, name, contractId, product.ownerTeam(), "contract")));
            }
            DatasetNaming.Mapping mapping = DatasetNaming.explicit(port, "/outputPorts/" + i);
            mapping.datasets()
                    .forEach(dataset -> rows.add(new Row(dataset, name, contractId, product.ownerTeam(), "mapping")));
            violations.addAll(0, mapping.violations());
        }
        return new Derived(product.id(), rows, violations);
    }

    private static @Nullable JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank()
                ? node.stringValue().strip()
                : null;
    }
}

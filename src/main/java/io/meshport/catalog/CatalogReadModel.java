package io.meshport.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules read of the catalog's tables, in batches (one statement for many ids), so that
 * no module reads {@code data_product} or the port and contract tables behind the catalog's back
 * (docs/decisions/0018-module-data-ownership.md). It asks for no caller: its clients are other
 * modules' services and scheduled checks, which check their own callers; views and controllers
 * use {@link CatalogService} (ArchitectureTest keeps it so). It returns only what every
 * signed-in user may see of a product anyway.
 */
@Component
@Transactional(readOnly = true)
public class CatalogReadModel {

    /**
     * A product as lists, graphs and checks elsewhere show it.
     *
     * @param successor the successor a deprecated or retired product's document names
     *     ({@code customProperties}); null for other products, whose document is not read
     * @param sunsetDate the sunset date (ISO) a deprecated or retired product's document names, as
     *     it is written there; null for other products
     */
    public record Product(
            String id,
            String name,
            @Nullable String domain,
            String ownerTeam,
            ProductStatus status,
            Instant createdAt,
            @Nullable String successor,
            @Nullable String sunsetDate) {}

    /**
     * An output port, as stored, in the document's order.
     *
     * @param accessApproval how the port's access requests are decided, as its custom property
     *     {@code accessApproval} says ({@code owners}, {@code automatic}); null when it says nothing
     */
    public record Port(
            String name,
            String version,
            @Nullable String contractId,
            @Nullable String accessApproval) {}

    /** A product whose output port provides a contract. */
    public record Provider(String contractId, String productId) {}

    /** One SLA property a product's output port declares through its contract. */
    public record PortSla(String productId, String outputPort, String contractId, SlaProperty property) {}

    private final JdbcClient jdbc;

    CatalogReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The products among the ids that exist, by id, in id order. */
    public Map<String, Product> products(Collection<String> ids) {
        Map<String, Product> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql(PRODUCTS + " where p.id = any (cast(:ids as text[])) order by p.id")
                .param("ids", ids.stream().distinct().toArray(String[]::new))
                .query(CatalogReadModel::product)
                .list()
                .forEach(product -> found.put(product.id(), product));
        return found;
    }

    public Optional<Product> product(String id) {
        return Optional.ofNullable(products(List.of(id)).get(id));
    }

    /** Every active product, in id order: what periodic checks go through. */
    public List<Product> activeProducts() {
        return jdbc.sql(PRODUCTS + " where p.status = 'active' order by p.id")
                .query(CatalogReadModel::product)
                .list();
    }

    /** A product's output ports, in document order (a port may appear in several versions). */
    public List<Port> outputPorts(String productId) {
        return jdbc.sql("""
                        select port.name, port.version, port.contract_id,
                               (select cp ->> 'value'
                                  from jsonb_array_elements(
                                           case jsonb_typeof(p.document -> 'outputPorts' -> port.position -> 'customProperties')
                                           when 'array' then p.document -> 'outputPorts' -> port.position -> 'customProperties'
                                           else '[]'::jsonb end) cp
                                 where cp ->> 'property' = 'accessApproval' limit 1)
                          from product_output_port port
                          join data_product p on p.id = port.product_id
                         where port.product_id = :id order by port.position
                        """)
                .param("id", productId)
                .query((rs, row) -> new Port(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The current version of each of the contracts that is in the catalog, by id. */
    public Map<String, String> contractVersions(Collection<String> contractIds) {
        Map<String, String> versions = new LinkedHashMap<>();
        if (contractIds.isEmpty()) {
            return versions;
        }
        jdbc.sql("select id, version from data_contract where id = any (cast(:ids as text[])) order by id")
                .param("ids", contractIds.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(entry -> versions.put(entry.getKey(), entry.getValue()));
        return versions;
    }

    /** The products whose output ports provide each of the contracts (ids compared exactly). */
    public List<Provider> providers(Collection<String> contractIds) {
        if (contractIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct contract_id, product_id from product_output_port
                         where contract_id = any (cast(:contracts as text[]))
                         order by contract_id, product_id
                        """)
                .param("contracts", contractIds.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> new Provider(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Those of the contracts that some output port in the catalog provides. */
    public Set<String> provided(Collection<String> contractIds) {
        Set<String> provided = new TreeSet<>();
        providers(contractIds).forEach(provider -> provided.add(provider.contractId()));
        return provided;
    }

    /**
     * The SLA properties of the products' output ports. A port present in several versions counts
     * once, with its highest position (the newest as listed).
     */
    public List<PortSla> slaProperties(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select port.product_id, port.name, sla.property, sla.value, sla.value_ext, sla.unit,
                               sla.element, sla.driver, port.contract_id
                          from product_output_port port
                          join contract_sla_property sla on sla.contract_id = port.contract_id
                         where port.product_id = any(:ids)
                           and port.position = (select max(same.position) from product_output_port same
                                                 where same.product_id = port.product_id and same.name = port.name)
                         order by port.product_id, port.position, sla.position
                        """)
                .param("ids", productIds.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> portSla(rs))
                .list();
    }

    /** The SLA properties of the ports of these products that provide one of these contracts. */
    public List<PortSla> slaProperties(Collection<String> productIds, Collection<String> contractIds) {
        if (productIds.isEmpty() || contractIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select port.product_id, port.name, sla.property, sla.value, sla.value_ext, sla.unit,
                               sla.element, sla.driver, port.contract_id
                          from product_output_port port
                          join contract_sla_property sla on sla.contract_id = port.contract_id
                         where port.product_id = any(:ids) and port.contract_id = any(:contracts)
                         order by port.product_id, port.position, sla.position
                        """)
                .param("ids", productIds.stream().distinct().toArray(String[]::new))
                .param("contracts", contractIds.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> portSla(rs))
                .list();
    }

    /**
     * The products changed after {@code since}: the product itself, or a contract one of its
     * output ports provides.
     */
    public Set<String> changedSince(Instant since) {
        return new TreeSet<>(jdbc.sql("""
                        select id from data_product where updated_at > :since
                        union
                        select port.product_id from product_output_port port
                          join data_contract contract on contract.id = port.contract_id
                         where contract.updated_at > :since
                        """)
                .param("since", Timestamp.from(since))
                .query(String.class)
                .list());
    }

    /**
     * A product's document as the catalog stores it (JSON), with what checks over it need beside
     * it: what policies are scoped by, and the documents (JSON) of the contracts its output ports
     * offer, in port order.
     */
    public record Documented(
            String id,
            String name,
            @Nullable String domain,
            String ownerTeam,
            ProductStatus status,
            List<String> tags,
            List<String> portTypes,
            String document,
            Map<String, String> contracts) {}

    /** The documents of the products among the ids that exist, in id order. */
    public List<Documented> documents(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Documented> products = jdbc.sql("""
                        select p.id, p.name, p.domain, p.owner_team, p.status, p.tags, p.port_types, p.document::text
                          from data_product p
                         where p.id = any (cast(:ids as text[]))
                         order by p.id
                        """)
                .param("ids", ids.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> new Documented(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        ProductStatus.fromValue(rs.getString(5)),
                        textArray(rs.getArray(6)),
                        textArray(rs.getArray(7)),
                        rs.getString(8),
                        new LinkedHashMap<>()))
                .list();
        Map<String, Documented> byId = new LinkedHashMap<>();
        products.forEach(product -> byId.put(product.id(), product));
        jdbc.sql("""
                        select port.product_id, c.id, c.document::text
                          from product_output_port port
                          join data_contract c on c.id = port.contract_id
                         where port.product_id = any (cast(:ids as text[]))
                         order by port.product_id, port.position
                        """)
                .param("ids", byId.keySet().toArray(String[]::new))
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list()
                .forEach(row -> byId.get(row[0]).contracts().putIfAbsent(row[1], row[2]));
        return products;
    }

    /** Up to {@code limit} product ids after {@code afterId} (null: from the first), in id order: for going through all. */
    public List<String> productIds(@Nullable String afterId, int limit) {
        return jdbc.sql("select id from data_product where id > :after order by id limit :limit")
                .param("after", afterId == null ? "" : afterId)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /**
     * What policies can be scoped by, as the catalog holds it today: the domains, tags and output
     * port types products carry, each list sorted and at most {@code limit} long.
     */
    public record ScopeValues(List<String> domains, List<String> tags, List<String> portTypes) {}

    public ScopeValues scopeValues(int limit) {
        return new ScopeValues(
                jdbc.sql("select distinct domain from data_product where domain is not null and domain <> ''"
                                + " order by 1 limit :limit")
                        .param("limit", limit)
                        .query(String.class)
                        .list(),
                jdbc.sql("select distinct t from data_product, unnest(tags) t order by 1 limit :limit")
                        .param("limit", limit)
                        .query(String.class)
                        .list(),
                jdbc.sql("select distinct t from data_product, unnest(port_types) t order by 1 limit :limit")
                        .param("limit", limit)
                        .query(String.class)
                        .list());
    }

    private static List<String> textArray(java.sql.@Nullable Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static final String PRODUCTS = """
            select p.id, p.name, p.domain, p.owner_team, p.status, p.created_at,
                   case when p.status in ('deprecated', 'retired') then
                       (select cp ->> 'value'
                          from jsonb_array_elements(case jsonb_typeof(p.document -> 'customProperties')
                                                    when 'array' then p.document -> 'customProperties'
                                                    else '[]'::jsonb end) cp
                         where cp ->> 'property' = 'successor' limit 1)
                   end,
                   case when p.status in ('deprecated', 'retired') then
                       (select cp ->> 'value'
                          from jsonb_array_elements(case jsonb_typeof(p.document -> 'customProperties')
                                                    when 'array' then p.document -> 'customProperties'
                                                    else '[]'::jsonb end) cp
                         where cp ->> 'property' = 'sunsetDate' limit 1)
                   end
              from data_product p
            """;

    private static Product product(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Product(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                ProductStatus.fromValue(rs.getString(5)),
                rs.getTimestamp(6).toInstant(),
                rs.getString(7),
                rs.getString(8));
    }

    private static PortSla portSla(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PortSla(
                rs.getString(1),
                rs.getString(2),
                rs.getString(9),
                new SlaProperty(
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)));
    }
}

package io.meshport.lineage;

import io.meshport.catalog.CatalogReadModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-hop facts other modules read of lineage, in batches, so that none reads lineage's
 * tables behind its back (docs/decisions/0018-module-data-ownership.md). Like
 * {@link CatalogReadModel} it asks for no caller: its clients are other modules' services and
 * listeners, which check their own callers; views and controllers use {@link LineageService}.
 */
@Component
@Transactional(readOnly = true)
public class LineageReadModel {

    /** {@code downstreamId} consumes {@code contractId}, which {@code upstreamId} provides. */
    public record Link(String upstreamId, String downstreamId, String contractId) {}

    private final JdbcClient jdbc;
    private final CatalogReadModel catalog;

    LineageReadModel(JdbcClient jdbc, CatalogReadModel catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /**
     * The links into each of the products from other products (their direct providers), one
     * statement for many products, ordered by downstream, upstream and contract.
     */
    public List<Link> into(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select e.upstream_id, e.downstream_id, e.contract_id from lineage_edge e
                         where e.downstream_id = any (cast(:ids as text[])) and e.upstream_id <> e.downstream_id
                         order by e.downstream_id, e.upstream_id, e.contract_id
                        """)
                .param("ids", productIds.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The links out of the product to other products (its direct consumers), by downstream id. */
    public List<Link> outOf(String productId) {
        return jdbc.sql("""
                        select e.upstream_id, e.downstream_id, e.contract_id from lineage_edge e
                         where e.upstream_id = :id and e.downstream_id <> :id
                         order by e.downstream_id, e.contract_id
                        """)
                .param("id", productId)
                .query((rs, row) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The links out of each of the products to other products (their direct consumers), one statement for many. */
    public List<Link> outOf(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select e.upstream_id, e.downstream_id, e.contract_id from lineage_edge e
                         where e.upstream_id = any (cast(:ids as text[])) and e.downstream_id <> e.upstream_id
                         order by e.upstream_id, e.downstream_id, e.contract_id
                        """)
                .param("ids", productIds.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * The input contracts of each product that no output port in the catalog provides, in
     * contract order: one statement here and one look-up in the catalog, for many products.
     */
    public Map<String, List<String>> unresolvedInputs(Collection<String> productIds) {
        Map<String, List<String>> unresolved = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return unresolved;
        }
        List<String[]> inputs = jdbc.sql("""
                        select i.product_id, i.contract_id from lineage_input i
                         where i.product_id = any (cast(:ids as text[]))
                         order by i.product_id, i.contract_id
                        """)
                .param("ids", productIds.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        Set<String> provided = catalog.provided(
                inputs.stream().map(input -> input[1]).distinct().toList());
        for (String[] input : inputs) {
            if (!provided.contains(input[1])) {
                unresolved.computeIfAbsent(input[0], id -> new ArrayList<>()).add(input[1]);
            }
        }
        return unresolved;
    }
}

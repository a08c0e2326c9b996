package io.meshport.sla;

import io.meshport.catalog.SlaProperty;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SLA tables (V0005): observations and the last status per objective. Like lineage, it reads
 * the catalog's ports and contracts ({@code product_output_port}, {@code contract_sla_property})
 * in its own statements, so that the objectives of a few hundred products are one query and the
 * scheduled check needs no signed-in caller.
 */
@Component
class SlaStore {

    private final JdbcClient jdbc;

    SlaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A port's declared SLA properties, in the contract's order. */
    record PortSla(String productId, String outputPort, String contractId, SlaProperty property) {}

    /** {@code productId} consumes {@code contractId}, which {@code upstreamId} provides (one hop). */
    record Input(String productId, String upstreamId, String upstreamName, String contractId) {}

    /**
     * The direct inputs of the products, from lineage's edge table (which the lineage module keeps
     * in step with the catalog), with the providing product's name: one query for many products.
     */
    List<Input> directInputs(Collection<String> productIds) {
        return jdbc.sql("""
                        select e.downstream_id, e.upstream_id, p.name, e.contract_id
                          from lineage_edge e join data_product p on p.id = e.upstream_id
                         where e.downstream_id = any(:ids) and e.upstream_id <> e.downstream_id
                         order by e.downstream_id, e.upstream_id, e.contract_id
                        """)
                .param("ids", productIds.toArray(String[]::new))
                .query((rs, row) -> new Input(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Objective statuses are remembered under (product, port, objective); port "" = product-wide. */
    record ObjectiveKey(String outputPort, String objective) {}

    boolean productExists(String productId) {
        return jdbc.sql("select count(*) from data_product where id = :id")
                        .param("id", productId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<String> outputPorts(String productId) {
        return jdbc.sql("select distinct name from product_output_port where product_id = :id order by name")
                .param("id", productId)
                .query(String.class)
                .list();
    }

    /**
     * The SLA properties of the products' output ports. A port present in several versions counts
     * once, with its highest position (the newest as listed).
     */
    List<PortSla> slaProperties(Collection<String> productIds) {
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
                .param("ids", productIds.toArray(String[]::new))
                .query((rs, row) -> portSla(rs))
                .list();
    }

    /** The SLA properties of the ports of these products that provide one of these contracts. */
    List<PortSla> slaProperties(Collection<String> productIds, Collection<String> contractIds) {
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
                .param("ids", productIds.toArray(String[]::new))
                .param("contracts", contractIds.toArray(String[]::new))
                .query((rs, row) -> portSla(rs))
                .list();
    }

    /** The product's observations at or after {@code since}, oldest first. */
    List<Observation> observations(String productId, Instant since) {
        return jdbc.sql("""
                        select id, output_port, kind, at, succeeded, check_name, detail
                          from sla_observation where product_id = :id and at >= :since order by at, id
                        """)
                .param("id", productId)
                .param("since", Timestamp.from(since))
                .query((rs, row) -> observation(rs))
                .list();
    }

    /** The stored observations among the given ids. */
    Map<String, Observation> find(String productId, Collection<String> ids) {
        Map<String, Observation> found = new HashMap<>();
        jdbc.sql("""
                        select id, output_port, kind, at, succeeded, check_name, detail
                          from sla_observation where product_id = :product and id = any(:ids)
                        """)
                .param("product", productId)
                .param("ids", ids.toArray(String[]::new))
                .query((rs, row) -> observation(rs))
                .list()
                .forEach(observation -> found.put(observation.id(), observation));
        return found;
    }

    void insert(String productId, Observation observation, Instant recordedAt, String recordedBy) {
        jdbc.sql("""
                        insert into sla_observation
                          (product_id, id, output_port, kind, at, succeeded, check_name, detail, recorded_at, recorded_by)
                        values (:product, :id, :port, :kind, :at, :outcome, :check, :detail, :recordedAt, :recordedBy)
                        """)
                .param("product", productId)
                .param("id", observation.id())
                .param("port", observation.outputPort())
                .param("kind", observation.kind().wireName())
                .param("at", Timestamp.from(observation.at()))
                .param("outcome", observation.outcome())
                .param("check", observation.check())
                .param("detail", observation.detail())
                .param("recordedAt", Timestamp.from(recordedAt))
                .param("recordedBy", recordedBy)
                .update();
    }

    /** Serialises evaluations of one product until the transaction ends, so a breach is announced once. */
    void lock(String productId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('sla:' || :id))")
                .param("id", productId)
                .query((rs, row) -> 1)
                .list();
    }

    Map<ObjectiveKey, ComplianceStatus> statuses(String productId) {
        Map<ObjectiveKey, ComplianceStatus> statuses = new LinkedHashMap<>();
        jdbc.sql("select output_port, objective, status from sla_objective_status where product_id = :id")
                .param("id", productId)
                .query((rs, row) -> {
                    statuses.put(
                            new ObjectiveKey(rs.getString(1), rs.getString(2)),
                            ComplianceStatus.valueOf(rs.getString(3)));
                    return 1;
                })
                .list();
        return statuses;
    }

    void saveStatus(String productId, ObjectiveKey key, ComplianceStatus status, Instant at) {
        jdbc.sql("""
                        insert into sla_objective_status (product_id, output_port, objective, status, changed_at)
                        values (:product, :port, :objective, :status, :at)
                        on conflict (product_id, output_port, objective)
                        do update set status = excluded.status, changed_at = excluded.changed_at
                        """)
                .param("product", productId)
                .param("port", key.outputPort())
                .param("objective", key.objective())
                .param("status", status.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    void forgetStatus(String productId, ObjectiveKey key) {
        jdbc.sql("delete from sla_objective_status where product_id = :product and output_port = :port"
                        + " and objective = :objective")
                .param("product", productId)
                .param("port", key.outputPort())
                .param("objective", key.objective())
                .update();
    }

    /** Every remembered objective status of the given products, one query. */
    Map<String, List<ComplianceStatus>> statuses(Collection<String> productIds) {
        Map<String, List<ComplianceStatus>> statuses = new HashMap<>();
        if (productIds.isEmpty()) {
            return statuses;
        }
        jdbc.sql("select product_id, status from sla_objective_status where product_id = any(:ids)")
                .param("ids", productIds.toArray(String[]::new))
                .query((rs, row) -> {
                    statuses.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(ComplianceStatus.valueOf(rs.getString(2)));
                    return 1;
                })
                .list();
        return statuses;
    }

    /**
     * When the scheduled check should measure the product again: the next instant at which time
     * passing may change a status; null forgets the product until observations arrive.
     */
    void scheduleCheck(String productId, @Nullable Instant dueAt) {
        if (dueAt == null) {
            jdbc.sql("delete from sla_check where product_id = :id")
                    .param("id", productId)
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into sla_check (product_id, due_at) values (:id, :due)
                        on conflict (product_id) do update set due_at = excluded.due_at
                        """).param("id", productId).param("due", Timestamp.from(dueAt)).update();
    }

    /**
     * The products the check measures again at {@code now}: those whose next change is due, and
     * those with something measured whose product or output ports' contracts changed since the
     * previous check ({@code changedSince}; null = every product with something measured).
     */
    List<String> productsToCheck(Instant now, @Nullable Instant changedSince) {
        if (changedSince == null) {
            return jdbc.sql("select product_id from sla_check order by product_id")
                    .query(String.class)
                    .list();
        }
        return jdbc.sql("""
                        select product_id from sla_check where due_at <= :now
                        union
                        select c.product_id from sla_check c join data_product p on p.id = c.product_id
                         where p.updated_at > :since
                        union
                        select c.product_id from sla_check c
                          join product_output_port port on port.product_id = c.product_id
                          join data_contract contract on contract.id = port.contract_id
                         where contract.updated_at > :since
                        """)
                .param("now", Timestamp.from(now))
                .param("since", Timestamp.from(changedSince))
                .query(String.class)
                .list();
    }

    /** Deletes up to {@code limit} observations made before {@code cutoff}; answers how many. */
    int deleteObservationsBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        delete from sla_observation where ctid = any (array(
                            select ctid from sla_observation where at < :cutoff limit :limit))
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }

    private static PortSla portSla(ResultSet rs) throws SQLException {
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

    private static Observation observation(ResultSet rs) throws SQLException {
        Object succeeded = rs.getObject(5);
        return new Observation(
                rs.getString(1),
                rs.getString(2),
                ObservationKind.fromWire(rs.getString(3)).orElseThrow(),
                rs.getTimestamp(4).toInstant(),
                succeeded == null ? null : (Boolean) succeeded,
                rs.getString(6),
                rs.getString(7));
    }
}

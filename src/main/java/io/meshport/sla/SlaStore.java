package io.meshport.sla;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.CatalogReadModel.PortSla;
import io.meshport.lineage.LineageReadModel;
import io.meshport.openlineage.RunState;
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
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SLA tables (V0005, V0008, V0023): observations (with where each came from), the runs that
 * wrote each port, the last status per objective and when to check again. What a product promises (its ports and their contracts' SLA properties) and what it reads
 * come from the catalog's and lineage's read models, each a batch for many products and with no
 * signed-in caller needed by the scheduled check (docs/decisions/0018-module-data-ownership.md).
 */
@Component
class SlaStore {

    private final JdbcClient jdbc;
    private final CatalogReadModel catalog;
    private final LineageReadModel lineage;

    SlaStore(JdbcClient jdbc, CatalogReadModel catalog, LineageReadModel lineage) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.lineage = lineage;
    }

    /** {@code productId} consumes {@code contractId}, which {@code upstreamId} provides (one hop). */
    record Input(String productId, String upstreamId, String upstreamName, String contractId) {}

    /**
     * The direct inputs of the products, from lineage (which keeps its edges in step with the
     * catalog), with the providing product's name: a fixed number of statements for many products.
     */
    List<Input> directInputs(Collection<String> productIds) {
        List<LineageReadModel.Link> links = lineage.into(productIds);
        Map<String, CatalogReadModel.Product> providers = catalog.products(
                links.stream().map(LineageReadModel.Link::upstreamId).toList());
        List<Input> inputs = new ArrayList<>();
        for (LineageReadModel.Link link : links) {
            CatalogReadModel.Product provider = providers.get(link.upstreamId());
            if (provider != null) {
                inputs.add(new Input(link.downstreamId(), link.upstreamId(), provider.name(), link.contractId()));
            }
        }
        return inputs;
    }

    /** Objective statuses are remembered under (product, port, objective); port "" = product-wide. */
    record ObjectiveKey(String outputPort, String objective) {}

    boolean productExists(String productId) {
        return catalog.product(productId).isPresent();
    }

    /** The names of the product's output ports, each once, in name order. */
    List<String> outputPorts(String productId) {
        return catalog.outputPorts(productId).stream()
                .map(CatalogReadModel.Port::name)
                .distinct()
                .sorted()
                .toList();
    }

    /** The SLA properties of the products' output ports (a port in several versions once, its newest). */
    List<PortSla> slaProperties(Collection<String> productIds) {
        return catalog.slaProperties(productIds);
    }

    /** The SLA properties of the ports of these products that provide one of these contracts. */
    List<PortSla> slaProperties(Collection<String> productIds, Collection<String> contractIds) {
        return catalog.slaProperties(productIds, contractIds);
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

    void insert(String productId, Observation observation, Instant recordedAt, ObservationOrigin origin) {
        insert(productId, observation, recordedAt, origin, "");
    }

    /** Stores the observation unless its id is stored already (whatever its content): whether it was new. */
    boolean insertIfNew(String productId, Observation observation, Instant recordedAt, ObservationOrigin origin) {
        return insert(productId, observation, recordedAt, origin, "on conflict (product_id, id) do nothing") > 0;
    }

    private int insert(
            String productId,
            Observation observation,
            Instant recordedAt,
            ObservationOrigin origin,
            String onConflict) {
        return jdbc.sql("""
                        insert into sla_observation
                          (product_id, id, output_port, kind, at, succeeded, check_name, detail, recorded_at, recorded_by,
                           source, job, run_id)
                        values (:product, :id, :port, :kind, :at, :outcome, :check, :detail, :recordedAt, :recordedBy,
                                :source, :job, :runId)
                        """ + onConflict)
                .param("product", productId)
                .param("id", observation.id())
                .param("port", observation.outputPort())
                .param("kind", observation.kind().wireName())
                .param("at", Timestamp.from(observation.at()))
                .param("outcome", observation.outcome())
                .param("check", observation.check())
                .param("detail", observation.detail())
                .param("recordedAt", Timestamp.from(recordedAt))
                .param("recordedBy", origin.recordedBy())
                .param("source", origin.source().wireName())
                .param("job", origin.job())
                .param("runId", origin.runId())
                .update();
    }

    /** The product's newest observations with where each came from, newest first. */
    List<ObservedEntry> recentObservations(String productId, Instant since, int limit) {
        return jdbc.sql("""
                        select id, output_port, kind, at, succeeded, check_name, detail, source, job, run_id, recorded_by
                          from sla_observation where product_id = :id and at >= :since
                         order by at desc, id limit :limit
                        """)
                .param("id", productId)
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, row) -> new ObservedEntry(
                        observation(rs),
                        new ObservationOrigin(
                                ObservationOrigin.Source.fromWire(rs.getString(8)),
                                rs.getString(9),
                                rs.getString(10),
                                rs.getString(11))))
                .list();
    }

    /** Records that a run ended having written the port; false when this run's end was already recorded. */
    boolean insertRun(PipelineRun run, Instant recordedAt) {
        return jdbc.sql("""
                        insert into sla_pipeline_run
                          (product_id, output_port, run_id, job, state, at, recorded_at, reported_by)
                        values (:product, :port, :run, :job, :state, :at, :recordedAt, :by)
                        on conflict (product_id, output_port, run_id, state) do nothing
                        """)
                        .param("product", run.productId())
                        .param("port", run.outputPort())
                        .param("run", run.runId())
                        .param("job", run.job())
                        .param("state", run.state().name())
                        .param("at", Timestamp.from(run.at()))
                        .param("recordedAt", Timestamp.from(recordedAt))
                        .param("by", run.reportedBy())
                        .update()
                > 0;
    }

    /** The product's newest ended runs at or after {@code since}, newest first. */
    List<PipelineRun> recentRuns(String productId, Instant since, int limit) {
        return jdbc.sql("""
                        select product_id, output_port, run_id, job, state, at, reported_by
                          from sla_pipeline_run where product_id = :id and at >= :since
                         order by at desc, output_port, run_id limit :limit
                        """)
                .param("id", productId)
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, row) -> new PipelineRun(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        RunState.valueOf(rs.getString(5)),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7)))
                .list();
    }

    /** Deletes up to {@code limit} runs that ended before {@code cutoff}; answers how many. */
    int deleteRunsBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        delete from sla_pipeline_run where ctid = any (array(
                            select ctid from sla_pipeline_run where at < :cutoff limit :limit))
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
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
        Set<String> changed = catalog.changedSince(changedSince);
        return jdbc.sql("""
                        select product_id from sla_check
                         where due_at <= :now or product_id = any (cast(:changed as text[]))
                         order by product_id
                        """)
                .param("now", Timestamp.from(now))
                .param("changed", changed.toArray(String[]::new))
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

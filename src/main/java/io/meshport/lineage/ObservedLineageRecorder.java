package io.meshport.lineage;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.openlineage.PortDataset;
import io.meshport.openlineage.RunObserved;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps what pipeline runs show of how products derive from each other (V0022): every product a
 * run wrote is observed, and every port of another product it read is an observed edge into it.
 * Listens in the ingesting transaction, so an event is stored with its lineage or not at all.
 * Events may arrive out of order: first and last observation only ever widen, and the last job,
 * run and contract are those of the newest event (docs/decisions/0031-observed-lineage.md).
 */
@Component
class ObservedLineageRecorder {

    private final JdbcClient jdbc;
    private final CatalogReadModel catalog;

    ObservedLineageRecorder(JdbcClient jdbc, CatalogReadModel catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** An observed edge's key with what the event says of it. */
    private record Seen(
            String upstream,
            String downstream,
            String port,
            @Nullable String contractId) {}

    @EventListener
    void on(RunObserved run) {
        // Sorted, so that concurrent ingests lock rows in one order (no deadlock between them).
        TreeSet<String> written = new TreeSet<>();
        run.outputs().forEach(output -> written.add(output.productId()));
        if (written.isEmpty()) {
            return; // a run that wrote nothing of the catalog (yet) shows no lineage
        }
        // A product deleted since the ingest looked its datasets up is no lineage (and no row to
        // refer to). One deleted at this very moment fails the insert's foreign key: the ingest
        // tries again, without it.
        TreeSet<String> named = new TreeSet<>(written);
        run.inputs().forEach(input -> named.add(input.productId()));
        java.util.Set<String> stored = catalog.products(named).keySet();
        written.retainAll(stored);
        if (written.isEmpty()) {
            return;
        }
        Map<String, Seen> edges = new TreeMap<>();
        for (String downstream : written) {
            for (PortDataset input : run.inputs()) {
                if (!stored.contains(input.productId())) {
                    continue;
                }
                if (input.productId().equals(downstream)) {
                    continue; // a product reading its own port (an incremental load) is no edge
                }
                Seen seen = new Seen(input.productId(), downstream, input.outputPort(), input.contractId());
                edges.putIfAbsent(seen.upstream() + "\u0000" + seen.downstream() + "\u0000" + seen.port(), seen);
            }
        }
        Timestamp at = Timestamp.from(run.eventTime());
        String job = run.job();
        jdbc.sql("""
                        insert into lineage_observed_product as p (product_id, first_observed_at, last_observed_at, last_job)
                        select id, :at, :at, :job from unnest(cast(:ids as text[])) as ids(id)
                        on conflict (product_id) do update set
                            first_observed_at = least(p.first_observed_at, excluded.first_observed_at),
                            last_observed_at = greatest(p.last_observed_at, excluded.last_observed_at),
                            last_job = case when excluded.last_observed_at >= p.last_observed_at
                                            then excluded.last_job else p.last_job end
                        """)
                .param("at", at)
                .param("job", job)
                .param("ids", written.toArray(String[]::new))
                .update();
        if (edges.isEmpty()) {
            return;
        }
        List<Seen> rows = new ArrayList<>(edges.values());
        rows.sort(Comparator.comparing(Seen::upstream)
                .thenComparing(Seen::downstream)
                .thenComparing(Seen::port));
        jdbc.sql("""
                        insert into lineage_observed_edge as e (upstream_id, downstream_id, upstream_port, contract_id,
                                                                first_observed_at, last_observed_at, last_job, last_run_id)
                        select r.upstream_id, r.downstream_id, r.upstream_port, r.contract_id, :at, :at, :job, :run
                          from unnest(cast(:up as text[]), cast(:down as text[]), cast(:port as text[]),
                                      cast(:contract as text[])) as r(upstream_id, downstream_id, upstream_port, contract_id)
                        on conflict (upstream_id, downstream_id, upstream_port) do update set
                            first_observed_at = least(e.first_observed_at, excluded.first_observed_at),
                            last_observed_at = greatest(e.last_observed_at, excluded.last_observed_at),
                            contract_id = case when excluded.last_observed_at >= e.last_observed_at
                                               then excluded.contract_id else e.contract_id end,
                            last_job = case when excluded.last_observed_at >= e.last_observed_at
                                            then excluded.last_job else e.last_job end,
                            last_run_id = case when excluded.last_observed_at >= e.last_observed_at
                                               then excluded.last_run_id else e.last_run_id end
                        """)
                .param("at", at)
                .param("job", job)
                .param("run", run.runId())
                .param("up", rows.stream().map(Seen::upstream).toArray(String[]::new))
                .param("down", rows.stream().map(Seen::downstream).toArray(String[]::new))
                .param("port", rows.stream().map(Seen::port).toArray(String[]::new))
                .param("contract", rows.stream().map(Seen::contractId).toArray(String[]::new))
                .update();
    }
}

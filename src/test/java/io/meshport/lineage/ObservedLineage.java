package io.meshport.lineage;

import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes observed lineage (V0022) as the provenance listener of {@code openlineage.RunObserved}
 * would, for tests of what is read from it: a test seam, plain SQL into lineage's own tables.
 * Later writes of the same edge or product keep the first observation and move the last.
 */
public final class ObservedLineage {

    private final JdbcClient jdbc;

    public ObservedLineage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs were seen writing the product at {@code at}. */
    public ObservedLineage product(String productId, Instant at) {
        jdbc.sql("""
                        insert into lineage_observed_product (product_id, first_observed_at, last_observed_at, last_job)
                        values (:id, :at, :at, 'test-job')
                        on conflict (product_id) do update
                           set first_observed_at = least(lineage_observed_product.first_observed_at, excluded.first_observed_at),
                               last_observed_at = greatest(lineage_observed_product.last_observed_at, excluded.last_observed_at)
                        """).param("id", productId).param("at", Timestamp.from(at)).update();
        return this;
    }

    /** A run read the upstream's port (offering the contract, or none) and wrote the downstream at {@code at}. */
    public ObservedLineage edge(
            String upstreamId, String downstreamId, String upstreamPort, @Nullable String contractId, Instant at) {
        jdbc.sql("""
                        insert into lineage_observed_edge (upstream_id, downstream_id, upstream_port, contract_id,
                                                           first_observed_at, last_observed_at, last_job, last_run_id)
                        values (:up, :down, :port, :contract, :at, :at, 'test-job', gen_random_uuid()::text)
                        on conflict (upstream_id, downstream_id, upstream_port) do update
                           set contract_id = excluded.contract_id,
                               first_observed_at = least(lineage_observed_edge.first_observed_at, excluded.first_observed_at),
                               last_observed_at = greatest(lineage_observed_edge.last_observed_at, excluded.last_observed_at)
                        """)
                .param("up", upstreamId)
                .param("down", downstreamId)
                .param("port", upstreamPort)
                .param("contract", contractId)
                .param("at", Timestamp.from(at))
                .update();
        return product(downstreamId, at);
    }
}

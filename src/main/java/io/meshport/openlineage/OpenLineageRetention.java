package io.meshport.openlineage;

import io.meshport.openlineage.LineageEvent.JobName;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes what the OpenLineage tables (V0020) hold beyond the retention window ({@link
 * EventRetention}): every {@code meshport.openlineage.retention-interval}, on one node ({@code
 * openlineage-retention} lock), each step in batches of its own transaction so that no statement
 * holds many rows locked for long, in this order:
 *
 * <ol>
 *   <li>events whose eventTime is before the window;
 *   <li>runs whose latest event is before it (so none of their events is left);
 *   <li>which-job-touched-which-dataset rows last seen before it, unless a run kept shows it;
 *   <li>jobs last seen before it that no run, event or dataset row kept refers to;
 *   <li>datasets last seen before it that nothing kept refers to.
 * </ol>
 *
 * Runs, jobs and datasets are deleted under the advisory locks the ingest takes on them, so an
 * ingest naming one waits for the delete or the delete sees what the ingest wrote. What other
 * modules derived from the events (observed edges, pipeline runs, observations) is theirs and is
 * left alone (docs/decisions/0034-openlineage-retention.md).
 */
@Component
class OpenLineageRetention {

    private static final Logger log = LoggerFactory.getLogger(OpenLineageRetention.class);

    /** Rows one statement deletes at most: events and dataset rows, which nothing cascades from. */
    static final int BATCH = 5_000;

    /** Runs, jobs and datasets one transaction deletes at most, each also an advisory lock held. */
    static final int LOCKED_BATCH = 500;

    /** What one round deleted, and the largest batch one statement deleted. */
    record Swept(long events, long runs, long jobDatasets, long jobs, long datasets, int batches, int largestBatch) {

        long total() {
            return events + runs + jobDatasets + jobs + datasets;
        }
    }

    private final JdbcClient jdbc;
    private final OpenLineageStore store;
    private final EventRetention retention;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final int batch;
    private final int lockedBatch;

    @org.springframework.beans.factory.annotation.Autowired
    OpenLineageRetention(
            JdbcClient jdbc,
            OpenLineageStore store,
            EventRetention retention,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this(jdbc, store, retention, clock, transactionManager, BATCH, LOCKED_BATCH);
    }

    /** With the batch sizes given: tests bound them small. */
    OpenLineageRetention(
            JdbcClient jdbc,
            OpenLineageStore store,
            EventRetention retention,
            Clock clock,
            PlatformTransactionManager transactionManager,
            int batch,
            int lockedBatch) {
        this.jdbc = jdbc;
        this.store = store;
        this.retention = retention;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.batch = batch;
        this.lockedBatch = lockedBatch;
    }

    @Scheduled(
            initialDelayString = "${meshport.openlineage.retention-delay:PT10M}",
            fixedDelayString = "${meshport.openlineage.retention-interval:PT1H}")
    @SchedulerLock(
            name = "openlineage-retention",
            lockAtLeastFor = "${meshport.openlineage.retention-interval:PT1H}",
            lockAtMostFor = "P1D")
    void runScheduled() {
        deleteExpired();
    }

    /** One round, for the window as the clock says now. */
    Swept deleteExpired() {
        return deleteBefore(retention.cutoff(clock.instant()));
    }

    /** Deletes everything before {@code cutoff} that nothing kept refers to. */
    Swept deleteBefore(Instant cutoff) {
        Counter counter = new Counter();
        Timestamp before = Timestamp.from(cutoff);
        long events = counter.repeat(
                batch,
                () -> unlocked(jdbc.sql("""
                        delete from openlineage_event
                         where id in (select id from openlineage_event where event_time < :cutoff limit :batch)
                        """)
                        .param("cutoff", before)
                        .param("batch", batch)
                        .update()));
        long runs = counter.repeat(lockedBatch, () -> deleteRuns(before));
        long jobDatasets = counter.repeat(
                batch,
                () -> unlocked(jdbc.sql("""
                        delete from openlineage_job_dataset
                         where (dataset_id, job_id, direction) in (
                               select jd.dataset_id, jd.job_id, jd.direction from openlineage_job_dataset jd
                                where jd.last_seen_at < :cutoff
                                  and not exists (select 1 from openlineage_run_dataset rd
                                                    join openlineage_run r on r.run_id = rd.run_id
                                                   where rd.dataset_id = jd.dataset_id and rd.direction = jd.direction
                                                     and r.job_id = jd.job_id)
                                limit :batch)
                           and last_seen_at < :cutoff
                        """)
                        .param("cutoff", before)
                        .param("batch", batch)
                        .update()));
        long jobs = counter.repeat(lockedBatch, () -> deleteJobs(before));
        long datasets = counter.repeat(lockedBatch, () -> deleteDatasets(before));
        Swept swept = new Swept(events, runs, jobDatasets, jobs, datasets, counter.batches, counter.largest);
        if (swept.total() > 0) {
            log.info(
                    "OpenLineage retention deleted {} events, {} runs, {} job datasets, {} jobs and {} datasets"
                            + " last seen before {}",
                    events,
                    runs,
                    jobDatasets,
                    jobs,
                    datasets,
                    cutoff);
        }
        return swept;
    }

    private Batch deleteRuns(Timestamp cutoff) {
        return inTransaction(() -> {
            List<UUID> runs = jdbc.sql("""
                            select r.run_id from openlineage_run r
                             where r.last_event_at < :cutoff
                               and not exists (select 1 from openlineage_event e
                                                where e.kind = 'run' and e.run_id = r.run_id)
                             limit :batch
                            """)
                    .param("cutoff", cutoff)
                    .param("batch", lockedBatch)
                    .query(UUID.class)
                    .list();
            if (runs.isEmpty()) {
                return new Batch(0, 0);
            }
            store.lockInOrder(runs.stream().map(OpenLineageStore::lockName).toList());
            // Again under the locks: an ingest may have written the run since it was chosen.
            int deleted = jdbc.sql("""
                            delete from openlineage_run r
                             where r.run_id = any (cast(:ids as uuid[])) and r.last_event_at < :cutoff
                               and not exists (select 1 from openlineage_event e
                                                where e.kind = 'run' and e.run_id = r.run_id)
                            """)
                    .param("ids", runs.toArray(UUID[]::new))
                    .param("cutoff", cutoff)
                    .update();
            return new Batch(runs.size(), deleted);
        });
    }

    private static final String JOB_UNUSED = """
               j.last_seen_at < :cutoff
               and not exists (select 1 from openlineage_run r where r.job_id = j.id)
               and not exists (select 1 from openlineage_event e where e.job_id = j.id)
               and not exists (select 1 from openlineage_job_dataset jd where jd.job_id = j.id)
            """;

    private Batch deleteJobs(Timestamp cutoff) {
        return deleteUnused("openlineage_job j", JOB_UNUSED, cutoff, JobName::new, OpenLineageStore::lockName);
    }

    private static final String DATASET_UNUSED = """
               d.last_seen_at < :cutoff
               and not exists (select 1 from openlineage_event e where e.dataset_id = d.id)
               and not exists (select 1 from openlineage_run_dataset rd where rd.dataset_id = d.id)
               and not exists (select 1 from openlineage_job_dataset jd where jd.dataset_id = d.id)
            """;

    private Batch deleteDatasets(Timestamp cutoff) {
        return deleteUnused(
                "openlineage_dataset d", DATASET_UNUSED, cutoff, DatasetName::new, OpenLineageStore::lockName);
    }

    /**
     * One batch of the jobs or datasets ({@code table} with its alias, as {@code unused} refers to
     * it) that nothing kept refers to: chosen, locked as the ingest locks them, and deleted only if
     * still unused under the locks (an ingest may have named one since it was chosen).
     */
    private <N> Batch deleteUnused(
            String table,
            String unused,
            Timestamp cutoff,
            BiFunction<String, String, N> name,
            Function<N, String> lockName) {
        String alias = table.substring(table.lastIndexOf(' ') + 1);
        return inTransaction(() -> {
            List<Named<N>> chosen = jdbc.sql("select " + alias + ".id, " + alias + ".namespace, " + alias
                            + ".name from " + table + " where" + unused + " limit :batch")
                    .param("cutoff", cutoff)
                    .param("batch", lockedBatch)
                    .query((rs, row) -> new Named<>(rs.getLong(1), name.apply(rs.getString(2), rs.getString(3))))
                    .list();
            if (chosen.isEmpty()) {
                return new Batch(0, 0);
            }
            store.lockInOrder(chosen.stream().map(n -> lockName.apply(n.name())).toList());
            int deleted = jdbc.sql("delete from " + table + " where " + alias + ".id = any (cast(:ids as bigint[])) and"
                            + unused)
                    .param("ids", chosen.stream().map(Named::id).toArray(Long[]::new))
                    .param("cutoff", cutoff)
                    .update();
            return new Batch(chosen.size(), deleted);
        });
    }

    /** A batch of one statement, which deletes what it chooses. */
    private static Batch unlocked(int deleted) {
        return new Batch(deleted, deleted);
    }

    /** A locked batch, in a transaction of its own. */
    private Batch inTransaction(java.util.function.Supplier<Batch> work) {
        Batch done = transactions.execute(status -> work.get());
        return done == null ? new Batch(0, 0) : done;
    }

    private record Batch(int chosen, int deleted) {}

    private record Named<T>(long id, T name) {}

    /**
     * Repeats a batch while batches come back full (and deleted something: a batch whose rows an
     * ingest took back meanwhile chose more than it deleted); counts the rows and the batches.
     */
    private static final class Counter {

        int batches;
        int largest;

        long repeat(int size, java.util.function.Supplier<Batch> batch) {
            long total = 0;
            Batch done;
            do {
                done = batch.get();
                if (done.deleted() > 0) {
                    batches++;
                    largest = Math.max(largest, done.deleted());
                }
                total += done.deleted();
            } while (done.chosen() >= size && done.deleted() > 0);
            return total;
        }
    }
}

package io.meshport.openlineage;

import io.meshport.openlineage.LineageEvent.JobName;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The module's tables (V0020): jobs, runs, datasets, which jobs and runs touched which datasets,
 * and the event log that makes a replayed event change nothing. Times are the events' own
 * {@code eventTime}s, except {@code received_at}.
 */
@Repository
class OpenLineageStore {

    enum Kind {
        RUN,
        DATASET,
        JOB;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    enum Direction {
        INPUT,
        OUTPUT;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An event for the event log; exactly one of runId/jobId/datasetId combinations per kind. */
    record StoredEvent(
            Kind kind,
            @Nullable UUID runId,
            @Nullable String eventType,
            @Nullable Long jobId,
            @Nullable Long datasetId,
            Instant eventTime,
            Instant receivedAt,
            String reportedBy,
            int bodyBytes,
            @Nullable String body) {}

    private final JdbcClient jdbc;

    OpenLineageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The job's id; a new job is first and last seen at {@code at}, a known one is left as it is. */
    /**
     * Takes a transaction-scoped advisory lock for each key, smallest first. Every ingest takes the
     * locks of everything it will write (datasets, jobs, runs, products) this way before writing
     * any row, so two ingests naming the same things wait for each other in one order instead of
     * deadlocking on rows locked in the order of their events.
     */
    /** The most locks one ingest takes one by one; a larger one locks out every other ingest. */
    static final int MAX_LOCKS = 1_000;

    private static final String WHOLE_INGEST = "\u0000every ingest";

    void lockInOrder(Collection<String> things) {
        long[] keys = things.stream()
                .mapToLong(OpenLineageStore::lockKey)
                .distinct()
                .sorted()
                .toArray();
        if (keys.length > MAX_LOCKS) {
            // PostgreSQL's lock table holds only so many locks (max_locks_per_transaction per
            // connection, shared): a request naming thousands of things takes the one ingest-wide
            // lock alone instead, which every other ingest holds shared (below), first.
            jdbc.sql("select pg_advisory_xact_lock(:key)")
                    .param("key", lockKey(WHOLE_INGEST))
                    .query()
                    .singleValue();
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock_shared(:key)")
                .param("key", lockKey(WHOLE_INGEST))
                .query()
                .singleValue();
        if (keys.length > 0) {
            // unnest returns the array's order, and the projection runs row by row in it.
            jdbc.sql("select count(pg_advisory_xact_lock(k)) from unnest(cast(:keys as bigint[])) as u(k)")
                    .param("keys", java.util.Arrays.stream(keys).boxed().toArray(Long[]::new))
                    .query()
                    .singleValue();
        }
    }

    /** The name {@link #lockInOrder} locks a dataset by: ingest and retention lock alike. */
    static String lockName(DatasetName dataset) {
        return "dataset:" + dataset.namespace() + "\u0000" + dataset.name();
    }

    /** The name a job is locked by. */
    static String lockName(JobName job) {
        return "job:" + job.namespace() + "\u0000" + job.name();
    }

    /** The name a run is locked by. */
    static String lockName(UUID runId) {
        return "run:" + runId;
    }

    /** A stable 64-bit key for a thing's name (the first bytes of its SHA-256): the same on every node. */
    private static long lockKey(String thing) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("openlineage:" + thing).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(digest).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    long job(JobName job, Instant at) {
        return jdbc.sql("""
                        with inserted as (
                            insert into openlineage_job (namespace, name, first_seen_at, last_seen_at)
                            values (:namespace, :name, :at, :at)
                            on conflict (namespace, name) do nothing
                            returning id)
                        select id from inserted
                        union all
                        select id from openlineage_job where namespace = :namespace and name = :name
                        limit 1
                        """)
                .param("namespace", job.namespace())
                .param("name", job.name())
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .optional()
                // Another transaction inserted it since this statement's snapshot: read it now.
                .orElseGet(
                        () -> jdbc.sql("select id from openlineage_job where namespace = :namespace and name = :name")
                                .param("namespace", job.namespace())
                                .param("name", job.name())
                                .query(Long.class)
                                .single());
    }

    /**
     * The jobs' ids, in one statement for a whole batch: a new job is first and last seen at the
     * time given for it (that of the first event naming it), a known one is left as it is.
     */
    Map<JobName, Long> jobs(Map<JobName, Instant> firstNamedAt) {
        Map<JobName, Long> ids = new HashMap<>();
        if (firstNamedAt.isEmpty()) {
            return ids;
        }
        List<JobName> jobs = List.copyOf(firstNamedAt.keySet());
        jdbc.sql("""
                        with given (namespace, name, at) as (
                            select * from unnest(cast(:namespaces as text[]), cast(:names as text[]),
                                                 cast(:ats as timestamptz[]))),
                        inserted as (
                            insert into openlineage_job (namespace, name, first_seen_at, last_seen_at)
                            select namespace, name, at, at from given
                            on conflict (namespace, name) do nothing
                            returning id, namespace, name)
                        select id, namespace, name from inserted
                        union all
                        select j.id, j.namespace, j.name
                          from openlineage_job j join given g on g.namespace = j.namespace and g.name = j.name
                        """)
                .param("namespaces", jobs.stream().map(JobName::namespace).toArray(String[]::new))
                .param("names", jobs.stream().map(JobName::name).toArray(String[]::new))
                // As text: PostgreSQL reads ISO-8601 instants, and arrays of text pass as they are.
                .param(
                        "ats",
                        jobs.stream()
                                .map(job -> firstNamedAt.get(job).toString())
                                .toArray(String[]::new))
                .query((rs, row) -> ids.put(new JobName(rs.getString(2), rs.getString(3)), rs.getLong(1)))
                .list();
        for (JobName job : jobs) {
            // Another transaction inserted it since this statement's snapshot: read it now.
            ids.computeIfAbsent(job, missing -> job(missing, firstNamedAt.get(missing)));
        }
        return ids;
    }

    /** The dataset's id, as {@link #job(JobName, Instant)}. */
    long dataset(DatasetName dataset, Instant at) {
        return jdbc.sql("""
                        with inserted as (
                            insert into openlineage_dataset (namespace, name, first_seen_at, last_seen_at)
                            values (:namespace, :name, :at, :at)
                            on conflict (namespace, name) do nothing
                            returning id)
                        select id from inserted
                        union all
                        select id from openlineage_dataset where namespace = :namespace and name = :name
                        limit 1
                        """)
                .param("namespace", dataset.namespace())
                .param("name", dataset.name())
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .optional()
                // Another transaction inserted it since this statement's snapshot: read it now.
                .orElseGet(() -> jdbc.sql(
                                "select id from openlineage_dataset where namespace = :namespace and name = :name")
                        .param("namespace", dataset.namespace())
                        .param("name", dataset.name())
                        .query(Long.class)
                        .single());
    }

    /** Stores the event unless it is stored already (a replay): whether it was new. */
    boolean insertEvent(StoredEvent event) {
        return !jdbc.sql("""
                        insert into openlineage_event
                          (kind, run_id, event_type, job_id, dataset_id, event_time, received_at, reported_by,
                           body_bytes, body)
                        values (:kind, :run, :type, :job, :dataset, :time, :received, :by, :bytes, cast(:body as jsonb))
                        on conflict do nothing
                        returning id
                        """)
                .param("kind", event.kind().column())
                .param("run", event.runId(), java.sql.Types.OTHER)
                .param("type", event.eventType(), java.sql.Types.VARCHAR)
                .param("job", event.jobId(), java.sql.Types.BIGINT)
                .param("dataset", event.datasetId(), java.sql.Types.BIGINT)
                .param("time", Timestamp.from(event.eventTime()))
                .param("received", Timestamp.from(event.receivedAt()))
                .param("by", event.reportedBy())
                .param("bytes", event.bodyBytes())
                .param("body", event.body(), java.sql.Types.VARCHAR)
                .query(Long.class)
                .list()
                .isEmpty();
    }

    void touchJob(long jobId, Instant at) {
        jdbc.sql("""
                        update openlineage_job
                           set first_seen_at = least(first_seen_at, :at), last_seen_at = greatest(last_seen_at, :at)
                         where id = :id
                        """).param("id", jobId).param("at", Timestamp.from(at)).update();
    }

    void touchDataset(long datasetId, Instant at) {
        jdbc.sql("""
                        update openlineage_dataset
                           set first_seen_at = least(first_seen_at, :at), last_seen_at = greatest(last_seen_at, :at)
                         where id = :id
                        """).param("id", datasetId).param("at", Timestamp.from(at)).update();
    }

    /** The datasets' ids, in one statement; each is seen at {@code at} (first/last seen widened). */
    Map<DatasetName, Long> datasets(Collection<DatasetName> datasets, Instant at) {
        Map<DatasetName, Long> ids = new HashMap<>();
        if (datasets.isEmpty()) {
            return ids;
        }
        // In one order, so that concurrent batches naming the same datasets lock them alike.
        java.util.SortedSet<DatasetName> sorted = new java.util.TreeSet<>(
                java.util.Comparator.comparing(DatasetName::namespace).thenComparing(DatasetName::name));
        sorted.addAll(datasets);
        List<DatasetName> distinct = List.copyOf(sorted);
        jdbc.sql("""
                        insert into openlineage_dataset (namespace, name, first_seen_at, last_seen_at)
                        select namespace, name, :at, :at
                          from unnest(cast(:namespaces as text[]), cast(:names as text[])) as given (namespace, name)
                        on conflict (namespace, name) do update
                           set first_seen_at = least(openlineage_dataset.first_seen_at, excluded.first_seen_at),
                               last_seen_at = greatest(openlineage_dataset.last_seen_at, excluded.last_seen_at)
                        returning id, namespace, name
                        """)
                .param(
                        "namespaces",
                        distinct.stream().map(DatasetName::namespace).toArray(String[]::new))
                .param("names", distinct.stream().map(DatasetName::name).toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .query((rs, row) -> {
                    ids.put(new DatasetName(rs.getString("namespace"), rs.getString("name")), rs.getLong("id"));
                    return null;
                })
                .list();
        return ids;
    }

    /** The job read or wrote these datasets at {@code at}. */
    void jobDatasets(long jobId, Direction direction, Collection<Long> datasetIds, Instant at) {
        if (datasetIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into openlineage_job_dataset (dataset_id, job_id, direction, first_seen_at, last_seen_at)
                        select distinct id, :job, :direction, cast(:at as timestamptz), cast(:at as timestamptz)
                          from unnest(cast(:ids as bigint[])) as given (id)
                        on conflict (dataset_id, job_id, direction) do update
                           set first_seen_at = least(openlineage_job_dataset.first_seen_at, excluded.first_seen_at),
                               last_seen_at = greatest(openlineage_job_dataset.last_seen_at, excluded.last_seen_at)
                        """)
                .param("job", jobId)
                .param("direction", direction.column())
                .param("ids", datasetIds.toArray(Long[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * A new run event at {@code at}, in one statement: the job and the datasets are seen then (first
     * and last seen widened), the run's state is that of its latest event by event time, and the
     * run and its job read {@code inputs} and wrote {@code outputs}. One statement instead of one per
     * table: an ingest's time goes mostly to round trips to the database. Its parts write different
     * tables, and the foreign keys are checked when the whole statement is done.
     */
    void storeRun(
            UUID runId,
            long jobId,
            RunState state,
            Instant at,
            Collection<DatasetName> inputs,
            Collection<DatasetName> outputs,
            String reportedBy,
            Instant receivedAt) {
        Timestamp time = Timestamp.from(at);
        boolean ended = state == RunState.COMPLETE || state == RunState.ABORT || state == RunState.FAIL;
        jdbc.sql("""
                        with given (direction, namespace, name) as (
                            select 'input', * from unnest(cast(:inNamespaces as text[]), cast(:inNames as text[]))
                            union all
                            select 'output', * from unnest(cast(:outNamespaces as text[]), cast(:outNames as text[]))),
                        job as (
                            update openlineage_job
                               set first_seen_at = least(first_seen_at, :at), last_seen_at = greatest(last_seen_at, :at)
                             where id = :job),
                        run as (
                            insert into openlineage_run
                              (run_id, job_id, state, started_at, ended_at, last_event_at, reported_by, received_at)
                            values (:run, :job, :state, :started, :ended, :at, :by, :received)
                            on conflict (run_id) do update set
                              state = case when excluded.last_event_at >= openlineage_run.last_event_at
                                           then excluded.state else openlineage_run.state end,
                              reported_by = case when excluded.last_event_at >= openlineage_run.last_event_at
                                           then excluded.reported_by else openlineage_run.reported_by end,
                              started_at = least(openlineage_run.started_at, excluded.started_at),
                              ended_at = greatest(openlineage_run.ended_at, excluded.ended_at),
                              last_event_at = greatest(openlineage_run.last_event_at, excluded.last_event_at),
                              received_at = excluded.received_at),
                        dataset as (
                            insert into openlineage_dataset (namespace, name, first_seen_at, last_seen_at)
                            select distinct namespace, name, cast(:at as timestamptz), cast(:at as timestamptz) from given
                            on conflict (namespace, name) do update
                               set first_seen_at = least(openlineage_dataset.first_seen_at, excluded.first_seen_at),
                                   last_seen_at = greatest(openlineage_dataset.last_seen_at, excluded.last_seen_at)
                            returning id, namespace, name),
                        run_dataset as (
                            insert into openlineage_run_dataset (run_id, direction, dataset_id, first_seen_at)
                            select distinct cast(:run as uuid), g.direction, d.id, cast(:at as timestamptz)
                              from given g join dataset d on d.namespace = g.namespace and d.name = g.name
                            on conflict (run_id, direction, dataset_id) do update
                               set first_seen_at = least(openlineage_run_dataset.first_seen_at, excluded.first_seen_at)),
                        job_dataset as (
                            insert into openlineage_job_dataset (dataset_id, job_id, direction, first_seen_at, last_seen_at)
                            select distinct d.id, cast(:job as bigint), g.direction, cast(:at as timestamptz),
                                   cast(:at as timestamptz)
                              from given g join dataset d on d.namespace = g.namespace and d.name = g.name
                            on conflict (dataset_id, job_id, direction) do update
                               set first_seen_at = least(openlineage_job_dataset.first_seen_at, excluded.first_seen_at),
                                   last_seen_at = greatest(openlineage_job_dataset.last_seen_at, excluded.last_seen_at))
                        select count(*) from dataset
                        """)
                .param(
                        "inNamespaces",
                        inputs.stream().map(DatasetName::namespace).toArray(String[]::new))
                .param("inNames", inputs.stream().map(DatasetName::name).toArray(String[]::new))
                .param(
                        "outNamespaces",
                        outputs.stream().map(DatasetName::namespace).toArray(String[]::new))
                .param("outNames", outputs.stream().map(DatasetName::name).toArray(String[]::new))
                .param("run", runId)
                .param("job", jobId)
                .param("state", state.name())
                .param("started", state == RunState.START ? time : null, java.sql.Types.TIMESTAMP)
                .param("ended", ended ? time : null, java.sql.Types.TIMESTAMP)
                .param("at", time)
                .param("by", reportedBy)
                .param("received", Timestamp.from(receivedAt))
                .query(Long.class)
                .single();
    }

    /** Everything the run read and wrote so far, over all its events. */
    Map<Direction, List<DatasetName>> runDatasets(UUID runId) {
        Map<Direction, List<DatasetName>> found = new HashMap<>();
        found.put(Direction.INPUT, new ArrayList<>());
        found.put(Direction.OUTPUT, new ArrayList<>());
        jdbc.sql("""
                        select rd.direction, d.namespace, d.name
                          from openlineage_run_dataset rd join openlineage_dataset d on d.id = rd.dataset_id
                         where rd.run_id = :run
                         order by d.namespace, d.name
                        """)
                .param("run", runId)
                .query((rs, row) -> found.get(
                                Direction.valueOf(rs.getString("direction").toUpperCase(java.util.Locale.ROOT)))
                        .add(new DatasetName(rs.getString("namespace"), rs.getString("name"))))
                .list();
        return found;
    }
}

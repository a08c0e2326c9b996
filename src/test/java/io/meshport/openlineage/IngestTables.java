package io.meshport.openlineage;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ingest's tables (V0020, the ingest branch) for tests of what reads them: created here as
 * that migration has them until both branches are merged, after which {@link #ensure} changes
 * nothing; and rows in them as the ingest writes them.
 */
public final class IngestTables {

    private final JdbcClient jdbc;

    public IngestTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
        ensure();
    }

    private void ensure() {
        jdbc.sql("""
                        create table if not exists openlineage_job (
                            id bigint generated always as identity primary key, namespace text not null,
                            name text not null, first_seen_at timestamptz not null, last_seen_at timestamptz not null,
                            unique (namespace, name));
                        create table if not exists openlineage_dataset (
                            id bigint generated always as identity primary key, namespace text not null,
                            name text not null, first_seen_at timestamptz not null, last_seen_at timestamptz not null,
                            unique (namespace, name));
                        create table if not exists openlineage_job_dataset (
                            dataset_id bigint not null references openlineage_dataset (id) on delete cascade,
                            job_id bigint not null references openlineage_job (id) on delete cascade,
                            direction text not null check (direction in ('input', 'output')),
                            first_seen_at timestamptz not null, last_seen_at timestamptz not null,
                            primary key (dataset_id, job_id, direction));
                        """).update();
    }

    /** A dataset events named, first and last seen at these times; its id. */
    public long dataset(String namespace, String name, Instant first, Instant last) {
        return jdbc.sql("""
                        insert into openlineage_dataset (namespace, name, first_seen_at, last_seen_at)
                        values (:namespace, :name, :first, :last) returning id
                        """)
                .param("namespace", namespace)
                .param("name", name)
                .param("first", Timestamp.from(first))
                .param("last", Timestamp.from(last))
                .query(Long.class)
                .single();
    }

    /** The job {@code namespace/name} read ({@code input}) or wrote ({@code output}) the dataset. */
    public void touches(String namespace, String job, long dataset, String direction) {
        long jobId = jdbc.sql("""
                        insert into openlineage_job (namespace, name, first_seen_at, last_seen_at)
                        values (:namespace, :name, now(), now())
                        on conflict (namespace, name) do update set last_seen_at = excluded.last_seen_at
                        returning id
                        """)
                .param("namespace", namespace)
                .param("name", job)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into openlineage_job_dataset (dataset_id, job_id, direction, first_seen_at, last_seen_at)
                        values (:dataset, :job, :direction, now(), now())
                        """)
                .param("dataset", dataset)
                .param("job", jobId)
                .param("direction", direction)
                .update();
    }
}

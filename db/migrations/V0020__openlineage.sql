-- OpenLineage events as pipelines post them (POST /api/v1/lineage): the jobs, runs and datasets they
-- name, each event once (a replay changes nothing), and what each run read and wrote so far. Owned by
-- the openlineage module. See docs/decisions/0029-openlineage-ingest.md.

-- A job (namespace + name, as the event names it), and the event times it was first and last seen at.
create table openlineage_job (
    id            bigint generated always as identity primary key,
    namespace     text        not null,
    name          text        not null,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    unique (namespace, name)
);

-- A run of a job. state is the eventType of its latest event by event time (OTHER when an event has
-- none); started_at the time of its START, ended_at of its COMPLETE, ABORT or FAIL; last_event_at the
-- latest eventTime of its events; reported_by who sent its latest event (user name, client id or API
-- key name). The job is the one its first event named.
create table openlineage_run (
    run_id        uuid        not null primary key,
    job_id        bigint      not null references openlineage_job (id) on delete cascade,
    state         text        not null check (state in ('START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER')),
    started_at    timestamptz,
    ended_at      timestamptz,
    last_event_at timestamptz not null,
    reported_by   text        not null,
    received_at   timestamptz not null
);
create index openlineage_run_job_idx on openlineage_run (job_id, last_event_at desc);
create index openlineage_run_last_event_idx on openlineage_run (last_event_at desc);

-- A dataset (namespace + name, as events name it) and the event times it was first and last seen at.
create table openlineage_dataset (
    id            bigint generated always as identity primary key,
    namespace     text        not null,
    name          text        not null,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    unique (namespace, name)
);
create index openlineage_dataset_last_seen_idx on openlineage_dataset (last_seen_at desc);

-- Which jobs touched which datasets, as input or output (run events and job events), and when.
create table openlineage_job_dataset (
    dataset_id    bigint      not null references openlineage_dataset (id) on delete cascade,
    job_id        bigint      not null references openlineage_job (id) on delete cascade,
    direction     text        not null check (direction in ('input', 'output')),
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    primary key (dataset_id, job_id, direction)
);
create index openlineage_job_dataset_job_idx on openlineage_job_dataset (job_id, dataset_id);

-- What a run read and wrote, accumulated over its events (inputs at START, outputs at COMPLETE, ...):
-- first_seen_at is the eventTime of the first of its events that named the dataset so.
create table openlineage_run_dataset (
    run_id        uuid        not null references openlineage_run (run_id) on delete cascade,
    direction     text        not null check (direction in ('input', 'output')),
    dataset_id    bigint      not null references openlineage_dataset (id) on delete cascade,
    first_seen_at timestamptz not null,
    primary key (run_id, direction, dataset_id)
);
create index openlineage_run_dataset_dataset_idx on openlineage_run_dataset (dataset_id);

-- Every event stored, once. The same event again is a replay and changes nothing: a run event is the
-- same when run id, eventType and eventTime are; a dataset event when dataset and eventTime are; a job
-- event when job and eventTime are. body is the event as received (as jsonb) when it is at most 64 KiB
-- of JSON, else null (body_bytes says how large it was): for a "last events" view and debugging.
create table openlineage_event (
    id          bigint generated always as identity primary key,
    kind        text        not null check (kind in ('run', 'dataset', 'job')),
    run_id      uuid,
    event_type  text,
    job_id      bigint references openlineage_job (id) on delete cascade,
    dataset_id  bigint references openlineage_dataset (id) on delete cascade,
    event_time  timestamptz not null,
    received_at timestamptz not null,
    reported_by text        not null,
    body_bytes  integer     not null,
    body        jsonb,
    check ((kind = 'run' and run_id is not null and job_id is not null)
        or (kind = 'dataset' and dataset_id is not null and run_id is null)
        or (kind = 'job' and job_id is not null and run_id is null))
);
create unique index openlineage_event_run_key on openlineage_event (run_id, event_type, event_time) nulls not distinct
    where kind = 'run';
create unique index openlineage_event_dataset_key on openlineage_event (dataset_id, event_time) where kind = 'dataset';
create unique index openlineage_event_job_key on openlineage_event (job_id, event_time) where kind = 'job';
create index openlineage_event_received_idx on openlineage_event (received_at desc);

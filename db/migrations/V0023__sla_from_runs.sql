-- Service levels measured from pipeline runs (OpenLineage events, V0020): where each observation came
-- from, and the runs that wrote each output port, failed ones included, for the SLA tab.
-- See docs/decisions/0033-sla-from-runs.md.

-- 'api': posted to POST /api/v1/data-products/{id}/observations (recorded_by is the sender);
-- 'openlineage': derived from a run event (recorded_by is who sent the event; job and run_id name the run).
alter table sla_observation
    add column source text not null default 'api'
        constraint sla_observation_source_check check (source in ('api', 'openlineage')),
    add column job    text,
    add column run_id text,
    add constraint sla_observation_run_check check (source = 'api' or (job is not null and run_id is not null));

-- A run that ended (COMPLETE, FAIL or ABORT) having written a dataset of an output port. One row per
-- (product, port, run, state): a replayed or repeated end of the same run records nothing twice, the
-- first event time wins. A COMPLETE row is also an 'updated' observation; FAIL and ABORT rows are not.
create table sla_pipeline_run (
    product_id  text        not null references data_product (id) on delete cascade,
    output_port text        not null,
    run_id      text        not null,
    job         text        not null,
    state       text        not null
        constraint sla_pipeline_run_state_check check (state in ('COMPLETE', 'FAIL', 'ABORT')),
    at          timestamptz not null,
    recorded_at timestamptz not null,
    reported_by text        not null,
    primary key (product_id, output_port, run_id, state)
);
create index sla_pipeline_run_product_at_idx on sla_pipeline_run (product_id, at desc);
create index sla_pipeline_run_at_idx on sla_pipeline_run (at);

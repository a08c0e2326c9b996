-- Observed lineage: what pipeline runs (OpenLineage events, V0020) showed of how products derive from
-- each other, kept apart from the declared edges (lineage_edge, V0004) so that neither overwrites the
-- other. See docs/decisions/0031-observed-lineage.md.

-- A run read a dataset of an output port of upstream_id and wrote a dataset of an output port of
-- downstream_id. One row per (upstream, downstream, upstream port); contract_id is the contract that
-- port offered when last observed (null when it offers none): a declared edge with the same
-- (upstream, downstream, contract) is the same edge, seen both ways.
create table lineage_observed_edge (
    upstream_id       text        not null references data_product (id) on delete cascade,
    downstream_id     text        not null references data_product (id) on delete cascade,
    upstream_port     text        not null,
    contract_id       text,
    first_observed_at timestamptz not null,
    last_observed_at  timestamptz not null,
    last_job          text        not null,
    last_run_id       text        not null,
    primary key (upstream_id, downstream_id, upstream_port)
);
create index lineage_observed_edge_downstream_idx on lineage_observed_edge (downstream_id, upstream_id);

-- The products whose outputs runs were seen writing, and since when: drift is only judged for a product
-- whose pipelines report (a declared input is "never observed" only once its consumer is observed at all).
create table lineage_observed_product (
    product_id        text        not null primary key references data_product (id) on delete cascade,
    first_observed_at timestamptz not null,
    last_observed_at  timestamptz not null,
    last_job          text        not null
);

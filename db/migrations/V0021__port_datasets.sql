-- Which output port each OpenLineage dataset is (docs/decisions/0030-dataset-naming.md): derived from the
-- catalog, rewritten in the transaction of every product or contract write, so that the ingest resolves the
-- datasets of an event in one look-up. A port's datasets come from its contract (servers + physical names,
-- named as the OpenLineage naming specification says) or from its explicit mapping (customProperties
-- 'openlineageDatasets'). A dataset may be more than one port (two products naming the same table).
create table port_dataset (
    namespace   text not null,
    name        text not null,
    product_id  text not null references data_product (id) on delete cascade,
    output_port text not null,
    contract_id text,
    team        text not null,
    source      text not null check (source in ('contract', 'mapping')),
    primary key (namespace, name, product_id, output_port)
);
create index port_dataset_product_idx on port_dataset (product_id);

-- The naming rules the rows were last filled with for the whole catalog: the start-up backfill runs (on one
-- node, under a lock) only when the current rules have no row here, i.e. once, and again when the rules change.
create table port_dataset_rules (
    rules_version integer     not null primary key,
    filled_at     timestamptz not null,
    products      integer     not null
);

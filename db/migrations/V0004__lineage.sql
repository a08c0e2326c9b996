-- Lineage follows from the documents: B derives from A when B consumes (an input port, or an output
-- port's inputContracts) a contract that an output port of A provides. See docs/decisions/0006-lineage.md.

-- What each product consumes, one row per (product, contract), whether or not anything provides it
-- yet: an input nobody provides is "unresolved", and resolves as soon as a provider appears.
create table lineage_input (
    product_id  text not null references data_product (id) on delete cascade,
    contract_id text not null,
    primary key (product_id, contract_id)
);
-- Who consumes a contract: read when a product starts (or stops) providing it.
create index lineage_input_contract_idx on lineage_input (contract_id, product_id);

-- The resolved edges, materialised so that a walk costs one index range per hop. Maintained by the
-- lineage module in the transaction of every product write; a deleted product's rows go with it.
create table lineage_edge (
    upstream_id   text not null references data_product (id) on delete cascade,
    downstream_id text not null references data_product (id) on delete cascade,
    contract_id   text not null,
    primary key (upstream_id, downstream_id, contract_id)
);
-- The primary key walks downstream; this walks upstream. Both cover every column (index-only scans).
create index lineage_edge_downstream_idx on lineage_edge (downstream_id, upstream_id, contract_id);

-- Backfill from the ports already stored.
insert into lineage_input (product_id, contract_id)
select product_id, contract_id from product_input_port where contract_id <> ''
union
select port.product_id, consumed.id
  from product_output_port port, unnest(port.input_contracts) as consumed(id)
 where consumed.id <> '';

insert into lineage_edge (upstream_id, downstream_id, contract_id)
select distinct provider.product_id, consumer.product_id, consumer.contract_id
  from lineage_input consumer
  join product_output_port provider on provider.contract_id = consumer.contract_id;

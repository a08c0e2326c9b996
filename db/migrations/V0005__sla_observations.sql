-- Service levels measured: what pipelines observe about their products, and the last status
-- computed per objective (so that a breach is announced once, and lists read one table).

-- One observation as a pipeline sent it. The id is the client's, unique per product, so that a
-- retried batch records nothing twice. output_port null = about the whole product.
create table sla_observation (
    product_id  text        not null references data_product (id) on delete cascade,
    id          text        not null,
    output_port text,
    kind        text        not null
        constraint sla_observation_kind_check check (kind in ('updated', 'availability', 'quality')),
    at          timestamptz not null,
    succeeded   boolean,
    check_name  text,
    detail      text,
    recorded_at timestamptz not null,
    recorded_by text        not null,
    primary key (product_id, id)
);
create index sla_observation_product_at_idx on sla_observation (product_id, at);

-- The 30-day status last computed for each objective: objective is the property as declared
-- (availability, latency, ...) or 'quality' for the product's checks; output_port '' = product-wide.
create table sla_objective_status (
    product_id  text        not null references data_product (id) on delete cascade,
    output_port text        not null,
    objective   text        not null,
    status      text        not null
        constraint sla_objective_status_check check (status in ('NO_DATA', 'MET', 'AT_RISK', 'BREACHED')),
    changed_at  timestamptz not null,
    primary key (product_id, output_port, objective)
);

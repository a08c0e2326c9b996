-- Documents are kept exactly as published (source, in its format) so that export returns what
-- was imported, comments and key order included; `document` (jsonb) is the same content for queries.
alter table data_product
    add column source        text,
    add column source_format text,
    add column tags          text[] not null default '{}';
update data_product set source = document::text, source_format = 'json' where source is null;
alter table data_product
    alter column source set not null,
    alter column source_format set not null,
    add constraint data_product_source_format_check check (source_format in ('json', 'yaml'));

create index data_product_tags_idx on data_product using gin (tags);

-- Output ports: name + version is the key within a product. A port's contract (schema, SLA) is
-- the data contract its contract_id names; input_contracts lists what the port is built from.
create table product_output_port (
    product_id      text    not null references data_product (id) on delete cascade,
    position        integer not null,
    name            text    not null,
    version         text    not null,
    type            text,
    description     text,
    contract_id     text,
    input_contracts text[]  not null default '{}',
    primary key (product_id, position),
    constraint product_output_port_name_version_key unique (product_id, name, version)
);
create index product_output_port_contract_idx on product_output_port (contract_id);

-- Input ports name the contract they consume; it may not be in the catalog yet (unresolved).
create table product_input_port (
    product_id  text    not null references data_product (id) on delete cascade,
    position    integer not null,
    name        text    not null,
    version     text    not null,
    contract_id text    not null,
    primary key (product_id, position)
);
create index product_input_port_contract_idx on product_input_port (contract_id);

-- A data contract: the ODCS document plus what the portal queries.
create table data_contract (
    id            text        primary key,
    api_version   text        not null,
    name          text,
    version       text        not null,
    status        text        not null,
    domain        text,
    data_product  text,
    owner_team    text        not null,
    source        text        not null,
    source_format text        not null
        constraint data_contract_source_format_check check (source_format in ('json', 'yaml')),
    document      jsonb       not null,
    lock_version  bigint      not null default 0,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    updated_by    bigint      references app_user (id)
);
create index data_contract_owner_team_idx on data_contract (owner_team);

create table contract_sla_property (
    contract_id text    not null references data_contract (id) on delete cascade,
    position    integer not null,
    property    text    not null,
    value       text,
    value_ext   text,
    unit        text,
    element     text,
    driver      text,
    primary key (contract_id, position)
);

create table contract_schema_field (
    contract_id    text    not null references data_contract (id) on delete cascade,
    position       integer not null,
    object_name    text,
    name           text    not null,
    logical_type   text,
    physical_type  text,
    required       boolean not null default false,
    primary_key    boolean not null default false,
    classification text,
    description    text,
    primary key (contract_id, position)
);

-- Every change: who (issuer + subject through app_user, and the name shown then), when, what,
-- and the document before and after. Rows are never updated or deleted.
create table change_record (
    id              bigint generated always as identity primary key,
    subject_type    text        not null
        constraint change_record_subject_type_check check (subject_type in ('product', 'contract')),
    subject_id      text        not null,
    revision        bigint      not null,
    action          text        not null,
    summary         text        not null,
    actor_id        bigint      not null references app_user (id),
    actor_name      text        not null,
    changed_at      timestamptz not null,
    previous_source text,
    new_source      text
);
create index change_record_subject_idx on change_record (subject_type, subject_id, id desc);

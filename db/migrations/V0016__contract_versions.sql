-- Every version of a data contract: one row per distinct version label, with the document as it
-- was last published under that label (a later revision of the same label replaces the row; the
-- change_record history keeps every revision), who published it, and how it differs from the
-- version before it: the semantic changes and whether any of them breaks consumers
-- (docs/decisions/0022-contract-versions.md).
create table contract_version (
    contract_id       text        not null references data_contract (id) on delete cascade,
    version           text        not null,
    revision          bigint      not null,
    published_at      timestamptz not null,
    published_by      bigint      references app_user (id),
    published_by_name text        not null,
    previous_version  text,
    breaking          boolean     not null default false,
    changes           jsonb       not null default '[]',
    source            text        not null,
    source_format     text        not null
        constraint contract_version_source_format_check check (source_format in ('json', 'yaml')),
    document          jsonb       not null,
    primary key (contract_id, version)
);
create index contract_version_published_idx on contract_version (contract_id, published_at desc);

-- The contracts stored before versions were kept: their current document is their one version.
insert into contract_version (contract_id, version, revision, published_at, published_by, published_by_name,
                              previous_version, breaking, changes, source, source_format, document)
select c.id, c.version, c.lock_version, c.updated_at, c.updated_by, coalesce(u.display_name, 'unknown'),
       null, false, '[]', c.source, c.source_format, c.document
  from data_contract c
  left join app_user u on u.id = c.updated_by;

-- People who have signed in (or called the API), keyed by who vouches for them
-- (issuer) and their stable id there (subject). User names are for display only:
-- Keycloak's subject is a UUID, other providers use the user name.
create table app_user (
    id           bigint generated always as identity primary key,
    issuer       text        not null,
    subject      text        not null,
    username     text        not null,
    display_name text        not null,
    teams        text[]      not null default '{}',
    first_seen   timestamptz not null,
    last_seen    timestamptz not null,
    constraint app_user_issuer_subject_key unique (issuer, subject)
);

-- A data product: the ODPS document as it was published, plus the columns the
-- portal queries. The document is the source of truth; the columns are derived
-- from it on every write.
create table data_product (
    id           text        primary key,
    api_version  text        not null,
    name         text        not null,
    version      text,
    status       text        not null
        constraint data_product_status_check
        check (status in ('proposed', 'draft', 'active', 'deprecated', 'retired')),
    domain       text,
    owner_team   text        not null,
    purpose      text,
    document     jsonb       not null,
    lock_version bigint      not null default 0,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    updated_by   bigint      references app_user (id)
);

create index data_product_domain_idx on data_product (domain);
create index data_product_owner_team_idx on data_product (owner_team);
create index data_product_status_idx on data_product (status);
create index data_product_name_idx on data_product (lower(name), id);

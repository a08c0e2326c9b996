-- Federated computational governance: global policies as CEL rules, their results per product
-- with the history of each result, exemptions with an expiry, a daily compliance record for the
-- charts over time, and each product's trust score with its explanation
-- (docs/decisions/0026-governance-policies.md).
create table policy (
    id           text        primary key,
    title        text        not null,
    description  text        not null default '',
    severity     text        not null
        constraint policy_severity_check check (severity in ('low', 'medium', 'high', 'critical')),
    mode         text        not null
        constraint policy_mode_check check (mode in ('advisory', 'enforced')),
    -- when an enforced policy refuses a change: on every publish, or only when a product becomes active
    enforce_on   text        not null default 'publish'
        constraint policy_enforce_on_check check (enforce_on in ('publish', 'activation')),
    scope        jsonb       not null default '{}'::jsonb,
    rule         text        not null,
    -- where in the product's document a violation points (a JSON pointer), and what it tells the owner
    path         text,
    message      text,
    enabled      boolean     not null default true,
    built_in     boolean     not null default false,
    retired_at   timestamptz,
    lock_version bigint      not null default 0,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    updated_by   bigint      references app_user (id),
    updated_by_name text     not null
);

-- Every change of a policy: who, when, what (the definition before and after). Never updated.
create table policy_change (
    id          bigint      generated always as identity primary key,
    policy_id   text        not null references policy (id),
    revision    bigint      not null,
    action      text        not null,
    summary     text        not null,
    actor_id    bigint      references app_user (id),
    actor_name  text        not null,
    changed_at  timestamptz not null,
    before      jsonb,
    after       jsonb       not null
);
create index policy_change_policy_idx on policy_change (policy_id, id);

-- A product excused from a policy until a date, with the reason and who granted it.
create table policy_exemption (
    id              bigint      generated always as identity primary key,
    policy_id       text        not null references policy (id),
    product_id      text        not null references data_product (id) on delete cascade,
    reason          text        not null,
    granted_by      bigint      references app_user (id),
    granted_by_name text        not null,
    granted_at      timestamptz not null,
    expires_at      timestamptz not null,
    revoked_at      timestamptz,
    revoked_by_name text
);
create unique index policy_exemption_open_idx on policy_exemption (policy_id, product_id) where revoked_at is null;
create index policy_exemption_expiry_idx on policy_exemption (expires_at) where revoked_at is null;

-- The current result of each enabled policy for each product in its scope.
create table policy_result (
    policy_id     text        not null references policy (id),
    product_id    text        not null references data_product (id) on delete cascade,
    passed        boolean     not null,
    -- passed only because an exemption covers it
    exempt_until  timestamptz,
    message       text,
    evaluated_at  timestamptz not null,
    -- since when the result is what it is
    since         timestamptz not null,
    primary key (policy_id, product_id)
);
create index policy_result_product_idx on policy_result (product_id);
create index policy_result_failing_idx on policy_result (policy_id) where not passed;

-- Every change of a result (kept, violated, exempted), with why. Never updated.
create table policy_result_change (
    id          bigint      generated always as identity primary key,
    policy_id   text        not null references policy (id),
    product_id  text        not null,
    passed      boolean     not null,
    exempt      boolean     not null default false,
    message     text,
    -- what caused the evaluation: publish, contract, upstream, policy, exemption, sweep
    cause       text        not null,
    changed_at  timestamptz not null
);
create index policy_result_change_product_idx on policy_result_change (product_id, id);
create index policy_result_change_policy_idx on policy_result_change (policy_id, id);

-- Compliance per domain and team, once a day: what the charts over time draw.
create table compliance_day (
    day         date    not null,
    domain      text    not null,
    team        text    not null,
    products    integer not null,
    compliant   integer not null,
    violations  integer not null,
    primary key (day, domain, team)
);

-- Each product's trust score and the points it is made of.
create table product_trust (
    product_id   text        primary key references data_product (id) on delete cascade,
    score        smallint    not null constraint product_trust_score_check check (score between 0 and 100),
    points       jsonb       not null,
    evaluated_at timestamptz not null
);

-- What Explore filters and sorts by, on the product's row so that the search index carries it.
alter table data_product add column trust_score integer;
alter table data_product add column policy_violations integer not null default 0;

-- Team API keys (identity; docs/decisions/0028-api-keys.md). A key acts for one team. Its secret
-- is never stored: only the SHA-256 digest, by which a presented key is looked up, and a short
-- visible prefix that lets a person recognise the key in a list and in a secret store.
create table api_key (
    id              uuid        primary key,
    name            text        not null constraint api_key_name_check check (char_length(name) between 1 and 64),
    team            text        not null constraint api_key_team_check check (char_length(team) between 1 and 255),
    secret_hash     bytea       not null constraint api_key_secret_hash_check check (octet_length(secret_hash) = 32),
    prefix          text        not null,
    created_at      timestamptz not null,
    created_by      bigint      not null references app_user (id),
    created_by_name text        not null,
    expires_at      timestamptz,
    -- written at most about once a minute per key, not on every request
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_by      bigint      references app_user (id),
    revoked_by_name text,
    constraint api_key_secret_hash_key unique (secret_hash),
    constraint api_key_revoked_check check ((revoked_at is null) = (revoked_by_name is null)),
    constraint api_key_expiry_check check (expires_at is null or expires_at > created_at)
);
-- A name names one key of a team among those not revoked (compared ignoring case); a revoked
-- key's name may be given again.
create unique index api_key_team_name_key on api_key (team, lower(name)) where revoked_at is null;
create index api_key_team_idx on api_key (team, created_at desc);

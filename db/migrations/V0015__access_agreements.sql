-- Data usage agreements: one consumer (a team, optionally one of its products) and one output port
-- of a product, pinned to the version of the port's contract current when it was asked for.
-- Approval (status) and provisioning (whether anybody really granted the access) are kept apart:
-- approving is not having access (docs/decisions/0021-access-agreements.md).
create table access_agreement (
    id                        uuid        primary key,
    product_id                text        not null,
    output_port               text        not null,
    output_port_version       text        not null,
    contract_id               text,
    contract_version          text,
    provider_team             text        not null,
    consumer_team             text        not null,
    consumer_product          text,
    purpose                   text        not null,
    starts_on                 date        not null,
    ends_on                   date,
    status                    text        not null
        constraint access_agreement_status_check
            check (status in ('requested', 'approved', 'rejected', 'cancelled', 'revoked', 'expired')),
    provisioning              text
        constraint access_agreement_provisioning_check check (provisioning in ('pending', 'granted', 'failed')),
    provisioning_message      text,
    provisioning_reported_at  timestamptz,
    requested_by              bigint      not null references app_user (id),
    requested_by_name         text        not null,
    requested_at              timestamptz not null,
    decided_by                bigint      references app_user (id),
    decided_by_name           text,
    decided_at                timestamptz,
    decision_comment          text,
    automatic                 boolean     not null default false,
    -- a breaking contract version the consumer has not consented to yet
    reconsent_version         text,
    renewal_of                uuid        references access_agreement (id),
    renewal_noticed_at        timestamptz,
    lock_version              bigint      not null default 0,
    updated_at                timestamptz not null,
    constraint access_agreement_dates_check check (ends_on is null or ends_on >= starts_on)
);
create index access_agreement_product_idx on access_agreement (product_id, output_port);
create index access_agreement_provider_idx on access_agreement (provider_team, status);
create index access_agreement_consumer_idx on access_agreement (consumer_team, status);
create index access_agreement_contract_idx on access_agreement (contract_id) where status = 'approved';
create index access_agreement_ends_idx on access_agreement (ends_on) where status in ('requested', 'approved');

-- Every step of an agreement: who, when, from which state to which, and why. Never updated.
create table access_agreement_change (
    id           bigint      generated always as identity primary key,
    agreement_id uuid        not null references access_agreement (id) on delete cascade,
    action       text        not null,
    from_status  text,
    to_status    text        not null,
    provisioning text,
    comment      text,
    actor_id     bigint      references app_user (id),
    actor_name   text        not null,
    changed_at   timestamptz not null
);
create index access_agreement_change_agreement_idx on access_agreement_change (agreement_id, id);

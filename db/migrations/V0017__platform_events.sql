-- The platform's event feed (GET /api/v1/events; docs/decisions/0023-platform-events.md): one
-- CloudEvent per step of an agreement, product published/deprecated/retired and contract version,
-- written in the transaction of the change it announces, so a refused change leaves none.
-- Positions are taken just before commit, by one transaction at a time (an advisory lock held until
-- commit): they follow commit order, so a poller that has read a position has seen every event
-- below it, and an event committed later always sorts after it. Rolled-back transactions leave gaps.
create table platform_event (
    position     bigint      generated always as identity primary key,
    id           uuid        not null constraint platform_event_id_key unique,
    type         text        not null,
    source       text        not null,
    subject      text        not null,
    occurred_at  timestamptz not null,
    -- json, not jsonb: kept as written, so a platform reading it with curl sees the keys in order
    data         json        not null,
    -- the teams that may read it (besides governance); null: every signed-in caller
    readers      text[],
    constraint platform_event_readers_check check (readers is null or cardinality(readers) > 0)
);

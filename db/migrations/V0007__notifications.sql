-- Notifications are stored per owning team: team membership comes from the identity
-- provider's token, so the portal cannot know ahead of time which users a team has.
create table notification (
    id          bigint generated always as identity primary key,
    team        text        not null,
    kind        text        not null,
    product_id  text        not null,
    message     text        not null,
    link        text        not null,
    created_at  timestamptz not null,
    -- The same event (a status change, a review due date, ...) is stored once however often
    -- it is delivered.
    dedup_key   text        not null,
    constraint notification_dedup_key_key unique (dedup_key)
);

create index notification_team_created_idx on notification (team, created_at desc, id desc);

-- Read state is per user: one team member reading a notification leaves it unread for the others.
create table notification_read (
    notification_id bigint      not null references notification (id) on delete cascade,
    user_id         bigint      not null references app_user (id) on delete cascade,
    read_at         timestamptz not null,
    primary key (notification_id, user_id)
);

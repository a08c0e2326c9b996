-- Scheduled work runs on one node at a time (decision 0016): ShedLock's table, in the shape its
-- JDBC provider expects. One row per job name, kept after a run; the node that runs a job holds
-- it until lock_until. The times are written and compared by PostgreSQL itself, in UTC
-- (`timezone('utc', current_timestamp)`, the provider's "database time"), so they are plain
-- timestamps and the nodes' clocks and time zones never enter.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

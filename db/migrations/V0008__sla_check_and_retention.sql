-- The scheduled SLA check measures again only the products whose status time passing may change
-- next (due_at, computed at each measurement), instead of every product observed in 30 days; and
-- old observations are deleted after a retention period, which scans observations by time.
create table sla_check (
    product_id text        not null primary key references data_product (id) on delete cascade,
    due_at     timestamptz not null
);
create index sla_check_due_idx on sla_check (due_at);

create index sla_observation_at_idx on sla_observation (at);

-- What the check looked at until now is due at once: the first check computes each one's next time.
insert into sla_check (product_id, due_at)
select product_id, now() from sla_observation where at >= now() - interval '30 days'
union
select product_id, now() from sla_objective_status where status <> 'NO_DATA';

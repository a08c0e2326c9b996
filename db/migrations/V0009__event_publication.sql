-- Spring Modulith's event publication registry (JDBC, schema version 2, as spring-modulith-events-jdbc
-- 2.1 expects it for PostgreSQL): every event a listener must still handle is stored in the writing
-- transaction and marked done when the listener has finished, so that a listener that fails, or a
-- restart in between, loses nothing; incomplete ones are submitted again. Completed rows are deleted.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

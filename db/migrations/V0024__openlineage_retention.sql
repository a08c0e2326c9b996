-- Retention of the OpenLineage tables (V0020): events older than meshport.openlineage.retention are deleted in
-- bounded batches, then the runs, job datasets, jobs and datasets nothing kept refers to any more. These
-- indexes let each batch find its rows, and each "is it still referred to?" check (and the foreign keys'
-- cascades) answer, without reading a whole table. See docs/decisions/0034-openlineage-retention.md.
create index openlineage_event_time_idx on openlineage_event (event_time);
create index openlineage_event_job_idx on openlineage_event (job_id);
create index openlineage_event_dataset_idx on openlineage_event (dataset_id) where dataset_id is not null;
create index openlineage_job_dataset_last_seen_idx on openlineage_job_dataset (last_seen_at);
create index openlineage_job_last_seen_idx on openlineage_job (last_seen_at);

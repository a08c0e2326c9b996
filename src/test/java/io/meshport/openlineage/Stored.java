package io.meshport.openlineage;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the ingest stored of a test's namespace, read from the module's tables. */
record Stored(JdbcClient jdbc) {

    /** Events stored whose job or dataset is in the namespace (or under it: {@code ns.*}). */
    long events(String namespace) {
        return jdbc.sql("""
                        select count(*) from openlineage_event e
                          left join openlineage_job j on j.id = e.job_id
                          left join openlineage_dataset d on d.id = e.dataset_id
                         where j.namespace like :ns or d.namespace like :ns
                        """).param("ns", namespace + "%").query(Long.class).single();
    }

    long jobs(String namespace) {
        return count("select count(*) from openlineage_job where namespace like :ns", namespace);
    }

    long datasets(String namespace) {
        return count("select count(*) from openlineage_dataset where namespace like :ns", namespace);
    }

    long runs(String namespace) {
        return count(
                "select count(*) from openlineage_run r join openlineage_job j on j.id = r.job_id where j.namespace like :ns",
                namespace);
    }

    String state(UUID runId) {
        return jdbc.sql("select state from openlineage_run where run_id = :id")
                .param("id", runId)
                .query(String.class)
                .single();
    }

    /** The run's datasets as {@code direction:name}, sorted. */
    List<String> runDatasets(UUID runId) {
        return jdbc.sql("""
                        select rd.direction || ':' || d.name from openlineage_run_dataset rd
                          join openlineage_dataset d on d.id = rd.dataset_id
                         where rd.run_id = :id order by 1
                        """).param("id", runId).query(String.class).list();
    }

    /** The jobs that touched datasets of the namespace, as {@code job:direction:dataset}, sorted. */
    List<String> jobDatasets(String namespace) {
        return jdbc.sql("""
                        select j.name || ':' || jd.direction || ':' || d.name from openlineage_job_dataset jd
                          join openlineage_job j on j.id = jd.job_id
                          join openlineage_dataset d on d.id = jd.dataset_id
                         where d.namespace like :ns order by 1
                        """).param("ns", namespace + "%").query(String.class).list();
    }

    private long count(String sql, String namespace) {
        return jdbc.sql(sql).param("ns", namespace + "%").query(Long.class).single();
    }
}

package io.meshport.openlineage;

import io.meshport.system.StorableText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Seen, not in the catalog": the datasets pipeline events named (V0020) that no output port is
 * (V0021), with the jobs that read and write them, for governance to turn into products. Every
 * signed-in user may read it: dataset and job names are what the lineage graph shows everyone,
 * and a team that finds its own pipeline's table here is the one to start its product.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class SeenDatasets {

    /** The most job names listed per direction; {@code readers}/{@code writers} count them all. */
    public static final int JOBS_SHOWN = 10;

    /**
     * A dataset events named that no port maps.
     *
     * @param readBy up to {@link #JOBS_SHOWN} jobs ({@code namespace/name}) that read it, by name
     * @param readers how many jobs read it
     */
    public record Seen(
            DatasetName dataset,
            Instant firstSeen,
            Instant lastSeen,
            List<String> readBy,
            int readers,
            List<String> writtenBy,
            int writers) {

        public Seen {
            readBy = List.copyOf(readBy);
            writtenBy = List.copyOf(writtenBy);
        }
    }

    private static final String UNMAPPED = """
              from openlineage_dataset d
             where not exists (select 1 from port_dataset p where p.namespace = d.namespace and p.name = d.name)
               and (lower(d.namespace) like :pattern or lower(d.name) like :pattern
                    or lower(d.namespace || '/' || d.name) like :pattern)
            """;

    private final JdbcClient jdbc;

    SeenDatasets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of them, the most recently seen first, narrowed to those whose namespace or name
     * contains {@code filter} (ignoring case).
     */
    public List<Seen> list(String filter, int offset, int limit) {
        String pattern = pattern(filter);
        if (pattern == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select d.namespace, d.name, d.first_seen_at, d.last_seen_at,
                               array(select j.namespace || '/' || j.name from openlineage_job_dataset jd
                                       join openlineage_job j on j.id = jd.job_id
                                      where jd.dataset_id = d.id and jd.direction = 'input'
                                      order by j.namespace, j.name limit :shown),
                               (select count(*) from openlineage_job_dataset jd
                                 where jd.dataset_id = d.id and jd.direction = 'input'),
                               array(select j.namespace || '/' || j.name from openlineage_job_dataset jd
                                       join openlineage_job j on j.id = jd.job_id
                                      where jd.dataset_id = d.id and jd.direction = 'output'
                                      order by j.namespace, j.name limit :shown),
                               (select count(*) from openlineage_job_dataset jd
                                 where jd.dataset_id = d.id and jd.direction = 'output')
                        """ + UNMAPPED + """
                         order by d.last_seen_at desc, d.id desc
                         limit :limit offset :offset
                        """)
                .param("pattern", pattern)
                .param("shown", JOBS_SHOWN)
                .param("limit", Math.max(0, limit))
                .param("offset", Math.max(0, offset))
                .query((rs, row) -> new Seen(
                        new DatasetName(rs.getString(1), rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(),
                        List.of((String[]) rs.getArray(5).getArray()),
                        rs.getInt(6),
                        List.of((String[]) rs.getArray(7).getArray()),
                        rs.getInt(8)))
                .list();
    }

    /** How many there are for the filter. */
    public int count(String filter) {
        String pattern = pattern(filter);
        if (pattern == null) {
            return 0;
        }
        return jdbc.sql("select count(*)" + UNMAPPED)
                .param("pattern", pattern)
                .query(Integer.class)
                .single();
    }

    /** A LIKE pattern for the filter; null for one that cannot be stored (NUL), which matches nothing. */
    private static @org.jspecify.annotations.Nullable String pattern(String filter) {
        String pattern = "%"
                + filter.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return StorableText.problem(pattern) == null ? pattern : null;
    }
}

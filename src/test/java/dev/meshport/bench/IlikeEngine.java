package dev.meshport.bench;

import io.meshport.search.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simplest catalog search: {@code ILIKE '%text%'} over name, purpose and details of the
 * product table, in name order, plus a count. No index helps it; it has no ranking and no typos.
 */
final class IlikeEngine implements SearchEngine {

    private final JdbcTemplate jdbc;
    private final int latencyRuns;
    private final int judgedRuns;

    IlikeEngine(DataSource dataSource, int latencyRuns, int judgedRuns) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.latencyRuns = latencyRuns;
        this.judgedRuns = judgedRuns;
    }

    @Override
    public String name() {
        return "ILIKE";
    }

    @Override
    public int latencyRuns() {
        return latencyRuns;
    }

    @Override
    public int judgedRuns() {
        return judgedRuns;
    }

    @Override
    public Answer search(SearchRequest request, int offset, int limit) {
        String pattern =
                "%" + request.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        StringBuilder where = new StringBuilder(
                " where (name ilike ? or purpose ilike ? or search_text ilike ?) and status <> 'retired'"
                        + " and (status not in ('draft', 'proposed') or owner_team = '"
                        + PostgresFtsEngine.CALLER_TEAM + "')");
        List<Object> arguments = new ArrayList<>(List.of(pattern, pattern, pattern));
        PostgresFtsEngine.facetFilters(request, where, arguments, "");
        List<Object> page = new ArrayList<>(arguments);
        page.add(limit);
        page.add(offset);
        List<String> ids = jdbc.queryForList(
                "select id from data_product" + where + " order by name limit ? offset ?",
                String.class,
                page.toArray());
        Long total = jdbc.queryForObject("select count(*) from data_product" + where, Long.class, arguments.toArray());
        return new Answer(ids, total == null ? 0 : total);
    }
}

package dev.meshport.bench;

import io.meshport.search.SearchRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a team would build on PostgreSQL instead of Lucene: a weighted {@code tsvector} (name A,
 * tags B, purpose C, details D) under a GIN index, ranked by {@code ts_rank}, plus a count; and
 * {@code pg_trgm} for typos. Built by the benchmark in a schema of its own ({@value #SCHEMA}), as a
 * copy of the product table taken after the bulk load; the product's migrations know nothing of it.
 *
 * <p>A query runs as a chain, each step only when the one before found nothing:
 *
 * <ol>
 *   <li>every word ({@code websearch_to_tsquery}), as Meshport asks;
 *   <li>with {@code pg_trgm}: every word, each replaced by the most similar word of the catalog's
 *       word list (trigram GIN index, the pattern of PostgreSQL's pg_trgm documentation);
 *   <li>any of those words ({@code |}), ranked by {@code ts_rank}: a partial match;
 *   <li>with {@code pg_trgm}: names similar to the whole text ({@code %}, trigram GIN index on names,
 *       by {@code similarity}).
 * </ol>
 *
 * It computes no facets and no highlights.
 */
final class PostgresFtsEngine implements SearchEngine {

    static final String SCHEMA = "bench_baseline";

    /** The benchmark's caller belongs to this team: its drafts are shown, other teams' are not. */
    static final String CALLER_TEAM = "sales";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final JdbcTemplate jdbc;
    private final boolean trigrams;

    private PostgresFtsEngine(JdbcTemplate jdbc, boolean trigrams) {
        this.jdbc = jdbc;
        this.trigrams = trigrams;
    }

    /**
     * Creates the baseline's schema, table and indexes from the product table as it is now.
     *
     * @param report where to say what was built and how long it took
     */
    static PostgresFtsEngine build(DataSource dataSource, java.util.Map<String, String> report) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long started = System.nanoTime();
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
        jdbc.execute("create schema " + SCHEMA);
        boolean trigrams;
        try {
            jdbc.execute("create extension pg_trgm schema " + SCHEMA);
            trigrams = true;
        } catch (RuntimeException e) {
            trigrams = false;
            report.put("pg_trgm", "NOT available (" + e.getMessage() + "): the baseline has no typo steps");
        }
        jdbc.execute("create table " + SCHEMA + ".product as select id, name, status, domain, owner_team,"
                + " setweight(to_tsvector('english', name), 'A')"
                + " || setweight(to_tsvector('english', array_to_string(tags, ' ')), 'B')"
                + " || setweight(to_tsvector('english', coalesce(purpose, '')), 'C')"
                + " || setweight(to_tsvector('english', search_text), 'D') as document"
                + " from public.data_product");
        jdbc.execute("alter table " + SCHEMA + ".product add primary key (id)");
        jdbc.execute("create index on " + SCHEMA + ".product using gin (document)");
        jdbc.execute("create index on " + SCHEMA + ".product (domain, status)");
        if (trigrams) {
            jdbc.execute("create index on " + SCHEMA + ".product using gin (name " + SCHEMA + ".gin_trgm_ops)");
            jdbc.execute("create table " + SCHEMA + ".word as select word from ts_stat('select to_tsvector(''simple'',"
                    + " name || '' '' || array_to_string(tags, '' '') || '' '' || coalesce(purpose, '''') || '' '' ||"
                    + " search_text) from public.data_product')");
            jdbc.execute("create index on " + SCHEMA + ".word using gin (word " + SCHEMA + ".gin_trgm_ops)");
        }
        jdbc.execute("analyze " + SCHEMA + ".product");
        if (trigrams) {
            jdbc.execute("analyze " + SCHEMA + ".word");
            String version =
                    jdbc.queryForObject("select extversion from pg_extension where extname = 'pg_trgm'", String.class);
            Long words = jdbc.queryForObject("select count(*) from " + SCHEMA + ".word", Long.class);
            report.put("pg_trgm", "available (" + version + "), word list of " + words + " words");
        }
        report.put(
                "baseline build",
                String.format("%.1f s (copy, tsvector, GIN indexes, word list)", BenchmarkSupport.seconds(started)));
        return new PostgresFtsEngine(jdbc, trigrams);
    }

    @Override
    public String name() {
        return trigrams ? "PostgreSQL FTS + pg_trgm" : "PostgreSQL FTS";
    }

    @Override
    public int latencyRuns() {
        return Integer.MAX_VALUE;
    }

    @Override
    public int judgedRuns() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Answer search(SearchRequest request, int offset, int limit) {
        String text = request.text();
        if (text.isBlank()) {
            return page(null, request, offset, limit);
        }
        Answer every = page("websearch_to_tsquery('english', ?)", List.of(text), request, offset, limit);
        if (every.total() > 0) {
            return every;
        }
        List<String> words = words(text);
        if (words.isEmpty()) {
            return every;
        }
        List<String> corrected = trigrams ? corrected(words) : words;
        if (!corrected.equals(words)) {
            Answer correctedEvery =
                    page("to_tsquery('english', ?)", List.of(String.join(" & ", corrected)), request, offset, limit);
            if (correctedEvery.total() > 0) {
                return correctedEvery;
            }
        }
        if (corrected.size() > 1) {
            Answer any =
                    page("to_tsquery('english', ?)", List.of(String.join(" | ", corrected)), request, offset, limit);
            if (any.total() > 0) {
                return any;
            }
        }
        return trigrams ? similarNames(text, request, offset, limit) : every;
    }

    private Answer page(String query, SearchRequest request, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where " + visible());
        List<Object> arguments = new ArrayList<>();
        facetFilters(request, where, arguments, "p.");
        List<Object> page = new ArrayList<>(arguments);
        page.add(limit);
        page.add(offset);
        List<String> ids = jdbc.queryForList(
                "select p.id from " + SCHEMA + ".product p" + where + " order by p.name limit ? offset ?",
                String.class,
                page.toArray());
        return new Answer(ids, count(" from " + SCHEMA + ".product p" + where, arguments));
    }

    private Answer page(String tsquery, List<Object> queryArguments, SearchRequest request, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where p.document @@ q.query and " + visible());
        List<Object> arguments = new ArrayList<>(queryArguments);
        facetFilters(request, where, arguments, "p.");
        String from = " from " + SCHEMA + ".product p, (select " + tsquery + " as query) q";
        List<Object> page = new ArrayList<>(arguments);
        page.add(limit);
        page.add(offset);
        List<String> ids = jdbc.queryForList(
                "select p.id" + from + where + " order by ts_rank(p.document, q.query) desc, p.name limit ? offset ?",
                String.class,
                page.toArray());
        return new Answer(ids, count(from + where, arguments));
    }

    private Answer similarNames(String text, SearchRequest request, int offset, int limit) {
        String similar = " p.name operator(" + SCHEMA + ".%) ? and ";
        StringBuilder where = new StringBuilder(" where" + similar + visible());
        List<Object> arguments = new ArrayList<>(List.of(text));
        facetFilters(request, where, arguments, "p.");
        List<Object> page = new ArrayList<>();
        page.add(text);
        page.addAll(arguments);
        page.add(limit);
        page.add(offset);
        List<String> ids = jdbc.queryForList(
                "select p.id from (select p.id, p.name, " + SCHEMA + ".similarity(p.name, ?) as similarity from "
                        + SCHEMA + ".product p" + where + ") p order by p.similarity desc, p.name limit ? offset ?",
                String.class,
                page.toArray());
        return new Answer(ids, count(" from " + SCHEMA + ".product p" + where, arguments));
    }

    /** Each word replaced by the most similar word of the catalog (itself when the catalog holds it). */
    private List<String> corrected(List<String> words) {
        List<String> corrected = new ArrayList<>(words.size());
        for (String word : words) {
            List<String> nearest = jdbc.queryForList(
                    "select word from " + SCHEMA + ".word where word operator(" + SCHEMA + ".%) ? order by " + SCHEMA
                            + ".similarity(word, ?) desc, word limit 1",
                    String.class,
                    word,
                    word);
            corrected.add(nearest.isEmpty() ? word : nearest.getFirst());
        }
        return corrected;
    }

    private long count(String fromWhere, List<Object> arguments) {
        Long total = jdbc.queryForObject("select count(*)" + fromWhere, Long.class, arguments.toArray());
        return total == null ? 0 : total;
    }

    private static List<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return List.copyOf(words);
    }

    /** Meshport's default for its caller: retired hidden, other teams' work in progress hidden. */
    private static String visible() {
        return "p.status <> 'retired' and (p.status not in ('draft', 'proposed') or p.owner_team = '" + CALLER_TEAM
                + "')";
    }

    /** The request's domain, status and team filters as SQL, for the product table or this copy. */
    static void facetFilters(SearchRequest request, StringBuilder where, List<Object> arguments, String alias) {
        if (!request.domains().isEmpty()) {
            where.append(" and ").append(alias).append("domain = any(?::text[])");
            arguments.add(array(request.domains()));
        }
        if (!request.statuses().isEmpty()) {
            where.append(" and ").append(alias).append("status = any(?::text[])");
            arguments.add(array(request.statuses()));
        }
        if (!request.teams().isEmpty()) {
            where.append(" and ").append(alias).append("owner_team = any(?::text[])");
            arguments.add(array(request.teams()));
        }
        if (!request.tags().isEmpty() || !request.portTypes().isEmpty()) {
            throw new IllegalArgumentException("the baselines filter by domain, status and team only");
        }
    }

    private static String array(Set<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}

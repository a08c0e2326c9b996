package dev.meshport.bench;

import io.meshport.search.SearchRequest;
import java.util.List;

/**
 * One thing the search benchmark measures: Meshport on a backend, or a baseline a team would
 * build instead. Each answers the same requests with one page of product ids in its own order
 * and the total it would show.
 */
interface SearchEngine {

    /** The column heading in the benchmark's tables. */
    String name();

    /** How many of a kind's queries to time: slow baselines are given fewer. */
    int latencyRuns();

    /** How many of a kind's judged queries to rank: slow baselines are given fewer. */
    int judgedRuns();

    Answer search(SearchRequest request, int offset, int limit);

    /** @param ids the page, best first */
    record Answer(List<String> ids, long total) {}
}

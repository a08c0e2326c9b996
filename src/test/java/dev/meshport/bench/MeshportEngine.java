package dev.meshport.bench;

import io.meshport.search.CatalogSearch;
import io.meshport.search.SearchRequest;
import io.meshport.search.SearchResults;

/**
 * Meshport's own search through its service, as Explore and the API call it: hits with
 * highlights, the total and every facet's counts. The caller must be signed in on this thread
 * ({@link BenchmarkSupport#asAdmin}).
 */
record MeshportEngine(String name, CatalogSearch search) implements SearchEngine {

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
        SearchResults results = search.search(request, offset, limit);
        return new Answer(results.items().stream().map(SearchResults.Hit::id).toList(), results.total());
    }
}

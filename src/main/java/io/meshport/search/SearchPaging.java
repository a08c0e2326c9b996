package io.meshport.search;

import io.meshport.catalog.CatalogWritten;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one search has learnt about a result list, kept for the pages that follow: its total and
 * facet counts, and bookmarks (the sort key of the last product of each page served). A later
 * page starts after the nearest bookmark instead of collecting every product before it, so
 * paging on stays as fast at product 50,000 as at product 20 (keyset paging behind an offset).
 *
 * <p>Everything is forgotten when the catalog changes (after each commit of a {@link
 * CatalogWritten} write) and after {@link #MAX_AGE} in any case, so a bookmark
 * never places a page more than a moment's worth of concurrent writes away from where an
 * offset would.
 */
@Component
class SearchPaging {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    // Bounds the memory: at most 64 result lists of 4,096 bookmarks (a few MiB in all).
    private static final int MAX_RESULT_LISTS = 64;
    private static final int MAX_BOOKMARKS = 4096;

    /** A result list: the request, and the caller's teams when the request filters by them. */
    record Key(SearchRequest request, Set<String> teams) {}

    /** The sort values of one product, in sort order: what the next page starts after. */
    record SortKey(List<Object> values) {}

    /** Total and facets of a result list, as its first full search computed them. */
    record Summary(
            long total,
            Map<String, List<SearchResults.FacetCount>> facets,
            @Nullable String suggestion,
            long hiddenRetired) {}

    record Bookmark(int offset, SortKey after) {}

    private static final class ResultList {
        final long generation;
        final Instant created;
        final TreeMap<Integer, SortKey> bookmarks = new TreeMap<>();

        @Nullable
        Summary summary;

        ResultList(long generation, Instant created) {
            this.generation = generation;
            this.created = created;
        }
    }

    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Key, ResultList> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ResultList> eldest) {
            return size() > MAX_RESULT_LISTS;
        }
    };

    SearchPaging(Clock clock) {
        this.clock = clock;
    }

    void catalogChanged() {
        generation.incrementAndGet();
    }

    /**
     * A write to the catalog shifts result lists once it commits. A plain listener that waits for
     * the commit itself, rather than a transactional event listener, which Spring Modulith would
     * record in its event publication table on every write.
     */
    @EventListener
    void catalogWritten(CatalogWritten write) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            catalogChanged();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                catalogChanged();
            }
        });
    }

    /** The bookmark nearest before {@code offset}, if any page before it has been served. */
    synchronized @Nullable Bookmark nearest(Key key, int offset) {
        ResultList entry = current(key);
        var floor = entry == null ? null : entry.bookmarks.floorEntry(offset);
        return floor == null ? null : new Bookmark(floor.getKey(), floor.getValue());
    }

    synchronized @Nullable Summary summary(Key key) {
        ResultList entry = current(key);
        return entry == null ? null : entry.summary;
    }

    /** Records that the product at {@code offset - 1} sorts as {@code last}. */
    synchronized void bookmark(Key key, long generationSeen, int offset, SortKey last) {
        ResultList entry = entry(key, generationSeen);
        if (entry == null) {
            return;
        }
        if (entry.bookmarks.size() >= MAX_BOOKMARKS) {
            // Keep every other bookmark: the list stays covered, with gaps of two pages at most.
            boolean drop = false;
            for (var iterator = entry.bookmarks.keySet().iterator(); iterator.hasNext(); drop = !drop) {
                iterator.next();
                if (drop) {
                    iterator.remove();
                }
            }
        }
        entry.bookmarks.put(offset, last);
    }

    synchronized void summary(Key key, long generationSeen, Summary summary) {
        ResultList entry = entry(key, generationSeen);
        if (entry != null) {
            entry.summary = summary;
        }
    }

    /** Read before a search: results are kept only if the catalog did not change meanwhile. */
    long generation() {
        return generation.get();
    }

    private @Nullable ResultList current(Key key) {
        ResultList entry = entries.get(key);
        if (entry != null && (entry.generation != generation.get() || expired(entry))) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    private @Nullable ResultList entry(Key key, long generationSeen) {
        if (generationSeen != generation.get()) {
            return null;
        }
        ResultList entry = current(key);
        if (entry == null) {
            entry = new ResultList(generationSeen, clock.instant());
            entries.put(key, entry);
        }
        return entry;
    }

    private boolean expired(ResultList entry) {
        return entry.created.plus(MAX_AGE).isBefore(clock.instant());
    }
}

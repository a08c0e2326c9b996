package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bookmarks stay bounded yet keep covering a long result list; writes and age forget them. What
 * the portal keeps in memory, whichever backend holds the index: no portal is started, so there
 * is no OpenSearch variant; paging on the cluster is {@code SearchPagingOnOpenSearchTest}.
 */
class SearchPagingBookmarksTest {

    static final SearchPaging.Key BROWSE = new SearchPaging.Key(SearchRequest.text(""), Set.of());

    MutableClock clock = new MutableClock();
    SearchPaging paging = new SearchPaging(clock);

    @Test
    void a_very_long_walk_keeps_bookmarks_near_every_page_without_growing_without_bound() {
        long generation = paging.generation();
        for (int offset = 20; offset <= 200_000; offset += 20) {
            paging.bookmark(BROWSE, generation, offset, new SearchPaging.SortKey(List.of("name " + offset, "id")));
        }
        for (int offset : new int[] {25, 50_010, 123_456, 199_999}) {
            SearchPaging.Bookmark nearest = paging.nearest(BROWSE, offset);
            assertThat(nearest).isNotNull();
            assertThat(offset - nearest.offset()).isBetween(0, 20 * 64);
        }
        assertThat(paging.nearest(BROWSE, 200_000).offset()).isEqualTo(200_000);
    }

    @Test
    void a_committed_write_or_age_forgets_what_was_learnt() {
        paging.bookmark(BROWSE, paging.generation(), 20, new SearchPaging.SortKey(List.of("a", "a")));
        assertThat(paging.nearest(BROWSE, 40)).isNotNull();

        paging.catalogChanged();
        assertThat(paging.nearest(BROWSE, 40)).isNull();

        paging.bookmark(BROWSE, paging.generation(), 20, new SearchPaging.SortKey(List.of("a", "a")));
        clock.advance(SearchPaging.MAX_AGE.plusSeconds(1));
        assertThat(paging.nearest(BROWSE, 40)).isNull();
    }

    @Test
    void what_was_read_before_a_write_is_not_kept_after_it() {
        long before = paging.generation();
        paging.catalogChanged();
        paging.bookmark(BROWSE, before, 20, new SearchPaging.SortKey(List.of("a", "a")));
        assertThat(paging.nearest(BROWSE, 40)).isNull();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Paging on starts after the last product of the previous page (keyset paging) rather than
 * counting from the start; it must serve exactly what offsets would, in the same order, and
 * follow writes at once.
 */
@MeshportTest
class SearchPagingTest {

    @Autowired
    CatalogSearch search;

    @Autowired
    CatalogService catalog;

    @ParameterizedTest
    @EnumSource(value = SearchRequest.Sort.class)
    void paging_on_serves_what_one_long_page_holds_in_the_same_order(SearchRequest.Sort sort) {
        SearchRequest browse =
                new SearchRequest("", Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, true, true, sort);
        List<String> all = ids(browse, 0, 1000);
        assertThat(all).hasSizeGreaterThan(20).doesNotHaveDuplicates();

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 4) {
            int from = offset;
            SearchResults page = RunAs.user("dave", List.of(), () -> search.search(browse, from, 4));
            assertThat(page.total()).isEqualTo(all.size());
            page.items().forEach(hit -> paged.add(hit.id()));
        }
        assertThat(paged).isEqualTo(all);
    }

    /**
     * A page after a bookmark first looks only at the names a little past it, and at all of them
     * when too few of those are found (a filter that finds products far apart in name order).
     */
    @ParameterizedTest
    @CsvSource({"sales,,", ",deprecated,", ",,finance", "marketing,active,", ",draft,"})
    void paging_on_with_filters_serves_what_one_long_page_holds(String domain, String status, String tag) {
        SearchRequest browse = new SearchRequest(
                "",
                domain == null ? Set.of() : Set.of(domain),
                Set.of(),
                status == null ? Set.of() : Set.of(status),
                tag == null ? Set.of() : Set.of(tag),
                Set.of(),
                false,
                false,
                true,
                SearchRequest.Sort.NAME);
        List<String> all = ids(browse, 0, 1000);
        assertThat(all).isNotEmpty();

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size() + 2; offset += 2) {
            paged.addAll(ids(browse, offset, 2));
        }
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void a_jump_and_a_page_after_a_bookmark_match_the_offsets() {
        SearchRequest browse = new SearchRequest(
                "", Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false, true, SearchRequest.Sort.NAME);
        List<String> all = ids(browse, 0, 1000);

        assertThat(ids(browse, 13, 3)).isEqualTo(all.subList(13, 16));
        // A bookmark now stands at 16: a later page counts from there.
        assertThat(ids(browse, 18, 2)).isEqualTo(all.subList(18, 20));
        assertThat(ids(browse, 16, 5)).isEqualTo(all.subList(16, 21));
    }

    @Test
    void a_write_moves_later_pages_as_offsets_would() {
        SearchRequest browse = new SearchRequest(
                "", Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false, true, SearchRequest.Sort.NAME);
        List<String> before = ids(browse, 0, 1000);
        ids(browse, 0, 5);
        List<String> secondPageBefore = ids(browse, 5, 5);
        assertThat(secondPageBefore).isEqualTo(before.subList(5, 10));

        String id = "aaa-paging-" + System.nanoTime();
        RunAs.user(
                "alice",
                List.of("sales"),
                () -> catalog.publishProduct(
                        id,
                        TestDocuments.product(id, "sales", "draft")
                                .replace("name: Product " + id, "name: !!! Aaaa " + id),
                        DocumentFormat.YAML,
                        null,
                        null));
        try {
            List<String> after = ids(browse, 0, 1000);
            assertThat(after.getFirst()).isEqualTo(id);
            assertThat(ids(browse, 5, 5)).isEqualTo(after.subList(5, 10)).isNotEqualTo(secondPageBefore);
        } finally {
            RunAs.user("alice", List.of("sales"), () -> {
                catalog.deleteProduct(id, null);
                return null;
            });
        }
    }

    private List<String> ids(SearchRequest request, int offset, int limit) {
        return RunAs.user("dave", List.of(), () -> search.hits(request, offset, limit)).stream()
                .map(SearchResults.Hit::id)
                .toList();
    }
}

package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * When no product holds every word of a question, the products that hold most of them, marked
 * partial; their total, facets, pages and count agree with what is shown (docs/decisions/0020).
 */
@MeshportTest
class PartialMatchTest {

    @Value("${local.server.port}")
    int port;

    /** The API of the portal this class runs against (on Lucene, or in a subclass on OpenSearch). */
    Api api(String user) {
        return Api.as(user).on(port);
    }

    /** No product holds "money", "bank" and "accounts" together; Treasury Cash Positions holds two. */
    static final String QUESTION = "money in our bank accounts";

    @Autowired
    CatalogSearch search;

    @Test
    void a_question_no_product_holds_in_full_finds_the_products_with_most_of_its_words() {
        SearchResults results = dave(SearchRequest.text(QUESTION), 0, 10);
        assertThat(results.partial()).isTrue();
        assertThat(results.total()).isPositive();
        assertThat(results.suggestion()).as("something was found").isNull();
        assertThat(results.items().stream().limit(3).map(SearchResults.Hit::id)).contains("cash-positions");
    }

    @ParameterizedTest
    @EnumSource(SearchRequest.Sort.class)
    void total_facets_pages_and_count_are_those_of_the_partial_result(SearchRequest.Sort sort) {
        SearchRequest request =
                new SearchRequest(QUESTION, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false, sort);
        SearchResults all = dave(request, 0, 1000);
        assertThat(all.partial()).isTrue();
        assertThat(all.items()).hasSize((int) all.total());
        assertThat(all.facets().get("status").stream()
                        .mapToLong(SearchResults.FacetCount::count)
                        .sum())
                .as("every product shown counted once under its status")
                .isEqualTo(all.total());
        assertThat(RunAs.user("dave", List.of(), () -> search.count(request))).isEqualTo(all.total());

        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.total(); offset += 2) {
            SearchResults page = dave(request, offset, 2);
            assertThat(page.partial()).isTrue();
            assertThat(page.total()).isEqualTo(all.total());
            page.items().forEach(hit -> paged.add(hit.id()));
        }
        List<String> ids = all.items().stream().map(SearchResults.Hit::id).toList();
        assertThat(paged).isEqualTo(ids);
        // As a lazily scrolled list asks for them: hits only, after the first page's summary.
        List<String> scrolled = new ArrayList<>();
        for (int offset = 0; offset < all.total(); offset += 2) {
            int from = offset;
            RunAs.user("dave", List.of(), () -> search.hits(request, from, 2)).forEach(hit -> scrolled.add(hit.id()));
        }
        assertThat(scrolled).isEqualTo(ids);
    }

    @Test
    void hits_alone_find_the_partial_result_without_a_first_page() {
        // A question no other test asks, so that no summary of it is known.
        String question = "bank accounts money " + System.nanoTime();
        SearchRequest request = SearchRequest.text(question);
        List<SearchResults.Hit> hits = RunAs.user("dave", List.of(), () -> search.hits(request, 0, 5));
        assertThat(hits).extracting(SearchResults.Hit::id).contains("cash-positions");
    }

    @Test
    void a_query_every_word_of_which_is_found_is_not_partial() {
        SearchResults results = dave(SearchRequest.text("general ledger accounting"), 0, 10);
        assertThat(results.partial()).isFalse();
        assertThat(results.items()).first().extracting(SearchResults.Hit::id).isEqualTo("general-ledger");
        assertThat(dave(SearchRequest.text("stock trades"), 0, 10).partial()).isFalse();
    }

    @Test
    void exact_names_stay_first_and_two_words_must_both_be_found() {
        assertThat(dave(SearchRequest.text("Treasury Cash Positions"), 0, 5).items())
                .first()
                .extracting(SearchResults.Hit::id)
                .isEqualTo("cash-positions");
        SearchResults two = dave(SearchRequest.text("stock qwzxv"), 0, 5);
        assertThat(two.total()).isZero();
        assertThat(two.partial()).isFalse();
    }

    @Test
    void when_even_most_words_find_nothing_a_spelling_is_offered() {
        SearchResults results = dave(SearchRequest.text("ledgerrr qwzxv zzkkq"), 0, 5);
        assertThat(results.total()).isZero();
        assertThat(results.partial()).as("nothing shown, nothing partial").isFalse();
        assertThat(results.suggestion()).isEqualTo("General Ledger");
    }

    @Test
    void the_api_says_when_a_result_is_partial() {
        JsonNode partial = api("dave")
                .get(
                        "/api/v1/data-products?size=5&q=" + URLEncoder.encode(QUESTION, StandardCharsets.UTF_8),
                        "application/json")
                .json();
        assertThat(partial.path("partial").asBoolean()).isTrue();
        assertThat(partial.path("total").asLong()).isPositive();
        JsonNode exact = api("dave")
                .get("/api/v1/data-products?size=5&q=ledger", "application/json")
                .json();
        assertThat(exact.path("partial").isBoolean()).isTrue();
        assertThat(exact.path("partial").asBoolean()).isFalse();
    }

    private SearchResults dave(SearchRequest request, int offset, int limit) {
        return RunAs.user("dave", List.of(), () -> search.search(request, offset, limit));
    }
}

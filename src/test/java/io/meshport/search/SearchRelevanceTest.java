package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.catalog.ProductStatus;
import io.meshport.testing.Api;
import io.meshport.testing.LuceneOnly;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The relevance suite, over the demo catalog: what a person types, and the product that must
 * come back where they would look for it. On the embedded Lucene index; {@link
 * SearchRelevanceOnOpenSearchTest} runs the same tests on OpenSearch.
 */
@MeshportTest
class SearchRelevanceTest {

    @Value("${local.server.port}")
    int port;

    /** The API of the portal this class runs against (on Lucene, or in a subclass on OpenSearch). */
    Api api(String user) {
        return Api.as(user).on(port);
    }

    @Autowired
    CatalogSearch search;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogService catalog;

    /** Exact names and ids: that product first. */
    @ParameterizedTest(name = "\"{0}\" finds {1} first")
    @CsvSource({
        "Stock Trades, stock-trades",
        "stock trades, stock-trades",
        "stock-trades, stock-trades",
        "stock_trades, stock-trades",
        "StockTrades, stock-trades",
        "stocktrades, stock-trades",
        "Customer 360, customer-360",
        "customer-360, customer-360",
        "Users, users",
        "General Ledger, general-ledger",
        "Churn Prediction, churn-prediction",
        "Page Views, page-views",
        "Shipments, shipments",
        "Inventory Levels, inventory-levels",
        "trending-stocks, trending-stocks",
        "Treasury Cash Positions, cash-positions",
    })
    void an_exact_name_or_id_comes_first(String query, String expected) {
        assertThat(ids(query)).first().isEqualTo(expected);
    }

    /** One typo: the product within the top three. */
    @ParameterizedTest(name = "\"{0}\" has {1} in the top 3")
    @CsvSource({
        "stock trdes, stock-trades",
        "genral ledger, general-ledger",
        "shipmetns, shipments",
        "churn predicton, churn-prediction",
        "inventroy levels, inventory-levels",
        "custmer 360, customer-360",
        "carier tracking, carrier-tracking",
        // A typo in a tag.
        "clikstream, page-views",
        "advertsing, marketing-campaigns",
        "fulfilmnet, shipments",
    })
    void one_typo_still_finds_it(String query, String expected) {
        assertThat(ids(query).stream().limit(3)).contains(expected);
    }

    /** Words and prefixes: the product within the top three. */
    @ParameterizedTest(name = "\"{0}\" has {1} in the top 3")
    @CsvSource({
        "stock tr, stock-trades",
        "ledg, general-ledger",
        "treasury, cash-positions",
        "churn, churn-prediction",
        "revenue analytics, revenue-analytics",
        "supply chain, supply-chain-optimisation",
    })
    void words_and_prefixes_find_it(String query, String expected) {
        assertThat(ids(query).stream().limit(3)).contains(expected);
    }

    @Test
    void a_hidden_retired_product_is_offered_when_nothing_else_matches() {
        String id = "retired-lookup-" + System.nanoTime();
        RunAs.user(
                "alice",
                List.of("sales"),
                () -> catalog.publishProduct(
                        id, TestDocuments.product(id, "sales", "retired"), DocumentFormat.YAML, null, null));

        SearchResults hidden = RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text(id), 0, 10));
        assertThat(hidden.total()).isZero();
        assertThat(hidden.hiddenRetired()).isEqualTo(1);
        assertThat(hidden.suggestion())
                .as("the broader filter instead of a spelling")
                .isNull();

        SearchRequest activeOnly = SearchRequest.text(id).withStatuses(Set.of("active"));
        assertThat(RunAs.user("dave", List.of(), () -> search.search(activeOnly, 0, 10))
                        .hiddenRetired())
                .as("a status filter decides; showing retired products would not change it")
                .isZero();

        SearchRequest withRetired = SearchRequest.text(id).includingRetired();
        SearchResults shown = RunAs.user("dave", List.of(), () -> search.search(withRetired, 0, 10));
        assertThat(shown.items()).first().extracting(SearchResults.Hit::id).isEqualTo(id);
        assertThat(shown.hiddenRetired()).isZero();
    }

    @Test
    void every_word_must_be_found_so_more_words_narrow_the_results() {
        assertThat(ids("stock")).contains("stock-trades");
        assertThat(ids("stock qwzxv")).isEmpty();
        assertThat(ids("the stock")).as("stop words are not required").contains("stock-trades");
    }

    @Test
    void active_products_rank_above_deprecated_ones_for_the_same_words() {
        List<String> revenue = ids("revenue");
        assertThat(revenue).contains("revenue-analytics", "monthly-revenue-extract");
        assertThat(revenue.indexOf("revenue-analytics")).isLessThan(revenue.indexOf("monthly-revenue-extract"));
    }

    @Test
    void facet_counts_equal_counts_computed_from_the_database() {
        // dave is in no team: other teams' drafts and proposals are neither found nor counted.
        SearchResults results = RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text(""), 0, 10));
        Map<String, Long> domains = results.facets().get("domain").stream()
                .collect(Collectors.toMap(SearchResults.FacetCount::value, SearchResults.FacetCount::count));
        Map<String, Long> expected = jdbc
                .sql("select domain, count(*) from data_product where status not in ('retired', 'draft', 'proposed')"
                        + " and domain is not null group by domain")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(domains).isEqualTo(expected);

        Map<String, Long> teams = results.facets().get("team").stream()
                .collect(Collectors.toMap(SearchResults.FacetCount::value, SearchResults.FacetCount::count));
        Map<String, Long> expectedTeams = jdbc
                .sql("select owner_team, count(*) from data_product"
                        + " where status not in ('retired', 'draft', 'proposed') group by owner_team")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(teams).isEqualTo(expectedTeams);
        assertThat(results.total())
                .isEqualTo(expectedTeams.values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    @Test
    void facets_combine_and_counts_follow_the_query() {
        SearchRequest financeRevenue = new SearchRequest(
                "revenue",
                Set.of("finance"),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                false,
                false,
                SearchRequest.Sort.RELEVANCE);
        SearchResults results = RunAs.user("dave", List.of(), () -> search.search(financeRevenue, 0, 50));
        assertThat(results.items()).isNotEmpty().allMatch(hit -> "finance".equals(hit.domain()));
        long activeCount = results.facets().get("status").stream()
                .filter(c -> c.value().equals("active"))
                .mapToLong(SearchResults.FacetCount::count)
                .sum();
        assertThat(activeCount)
                .isEqualTo(results.items().stream()
                        .filter(h -> h.status() == ProductStatus.ACTIVE)
                        .count());
        // The domain facet ignores its own filter, so other domains stay visible with their counts:
        // exactly those of the same query without it.
        assertThat(results.facets().get("domain"))
                .extracting(SearchResults.FacetCount::value)
                .contains("sales");
        SearchResults anyDomain =
                RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text("revenue"), 0, 1));
        assertThat(results.facets().get("domain")).isEqualTo(anyDomain.facets().get("domain"));
    }

    @Test
    void matches_are_highlighted_and_html_in_a_product_is_escaped() {
        String id = "html-escape-" + System.nanoTime();
        String yaml = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: "<b>Quokka</b> <img src=x onerror=alert(1)> feed"
                status: draft
                team:
                  name: sales
                description:
                  purpose: "Quokka sightings <script>alert('purpose')</script> & <i>counts</i> per park"
                """.formatted(id);
        RunAs.user("alice", List.of("sales"), () -> catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null));

        SearchResults results =
                RunAs.user("alice", List.of("sales"), () -> search.search(SearchRequest.text("quokka"), 0, 5));
        SearchResults.Hit hit = results.items().stream()
                .filter(h -> h.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the product holding HTML is not found: " + results.items()));
        assertThat(hit.highlight()).contains("<mark>Quokka</mark>");
        assertEscapedText(hit.highlight());

        // The API hands out the same snippet; a client may put it into a page as it is.
        Api.Response api = api("alice").get("/api/v1/data-products?q=quokka&size=5", "application/json");
        assertThat(api.status()).isEqualTo(200);
        JsonNode item = null;
        for (JsonNode candidate : api.json().path("items")) {
            if (candidate.path("id").asString().equals(id)) {
                item = candidate;
            }
        }
        assertThat(item).as("the product in the API's results").isNotNull();
        assertThat(item.path("highlight").asString()).contains("<mark>Quokka</mark>");
        assertEscapedText(item.path("highlight").asString());
    }

    /** Only {@code <mark>} is markup; the document's own {@code <}, {@code >} and {@code &} are escaped. */
    private static void assertEscapedText(String highlight) {
        String outsideMarks = highlight.replace("<mark>", "").replace("</mark>", "");
        assertThat(outsideMarks).as(highlight).doesNotContain("<", ">");
        assertThat(outsideMarks.replaceAll("&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);", ""))
                .as("a bare & in " + highlight)
                .doesNotContain("&");
        assertThat(outsideMarks)
                .as("the HTML of the document is in it, as text")
                .contains("&lt;");
    }

    /** Punctuation alone names nothing: no operator, wildcard or error. */
    @ParameterizedTest
    @ValueSource(strings = {"\"(*?~:\\", "*", "~", "%", "?", "\u0000"})
    void punctuation_alone_finds_nothing(String query) {
        SearchResults results = RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text(query), 0, 5));
        assertThat(results.total()).isZero();
        assertThat(results.items()).isEmpty();
    }

    /** Query syntax and injection attempts are words to look for, never operators that widen the search. */
    @ParameterizedTest
    @ValueSource(strings = {"' OR 1=1; --", "<script>alert(1)</script>", "title:stock AND (", "stock OR *", "*:*"})
    void odd_input_is_taken_as_words_never_as_query_syntax(String query) {
        long everything = RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text(""), 0, 1))
                .total();
        SearchResults results = RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text(query), 0, 5));
        assertThat(everything).isGreaterThan(5);
        assertThat(results.total()).as("not every product").isLessThan(everything);
        assertThat(results.items()).hasSize((int) Math.min(results.total(), 5));
    }

    /** One long compound name, as a person pastes it from a schema or a table list. */
    @ParameterizedTest(name = "\"{0}\" finds the product of that name first")
    @ValueSource(
            strings = {
                "customer_order_line_item_sku_quantity_price_discount",
                "CustomerLifetimeValueByAcquisitionChannelAndRegion",
                "a,b,c,d,e,f,g,h,i,j,k",
            })
    void a_long_compound_name_finds_what_it_names(String name) {
        String id = "compound-" + System.nanoTime();
        String yaml = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: "%s"
                status: deprecated
                team:
                  name: sales
                """.formatted(id, name);
        RunAs.user("alice", List.of("sales"), () -> catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null));

        assertThat(ids(name)).first().isEqualTo(id);
        assertThat(ids(name.replaceAll("[_,]", " "))).first().isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa,bb,cc,dd,ee,ff,gg,hh",
                "OneTwoThreeFourFiveSixSevenEightNineTenElevenTwelveThirteenFourteenFifteen",
                "one_two three-four FiveSix seven,eight nine_ten eleven-twelve ThirteenFourteen fifteen,sixteen",
            })
    void compounds_of_many_parts_are_answered(String query) {
        SearchResults results = RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text(query), 0, 5));
        assertThat(results.items()).isEmpty();
        String repeated = (query + " ").repeat(SearchRequest.MAX_TEXT / (query.length() + 1));
        RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text(repeated), 0, 5));
    }

    // The clause limit lowered is this JVM's (IndexSearcher's static), which a cluster never sees;
    // SearchRelevanceOnOpenSearchTest lowers the cluster's own (indices.query.bool.max_clause_count)
    // to the same numbers, with the same outcome.
    @Test
    @LuceneOnly("lowers Lucene's IndexSearcher.setMaxClauseCount in this JVM, which a cluster never sees")
    void a_query_past_the_clause_limit_all_the_same_is_answered_leaner_or_with_nothing() {
        int limit = IndexSearcher.getMaxClauseCount();
        try {
            // Low enough for the full query of two words, not for the lean one.
            IndexSearcher.setMaxClauseCount(12);
            assertThat(ids("stock trades")).first().isEqualTo("stock-trades");
            // Low enough for neither: nothing found, never an error.
            IndexSearcher.setMaxClauseCount(2);
            assertThat(ids("stock trades")).isEmpty();
            assertThat(RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text("stock trades"), 0, 5))
                            .facets())
                    .containsKeys("domain", "team", "status", "tag", "portType");
        } finally {
            IndexSearcher.setMaxClauseCount(limit);
        }
    }

    @Test
    void an_overlong_query_is_refused_with_a_message() {
        assertThatThrownBy(() -> RunAs.user(
                        "dave", List.of(), () -> search.search(SearchRequest.text("x".repeat(10_000)), 0, 5)))
                .isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("Query too long");
    }

    @Test
    void a_query_that_finds_nothing_offers_a_correction() {
        SearchResults results =
                RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text("ledgerrr"), 0, 5));
        assertThat(results.total()).isZero();
        assertThat(results.suggestion()).isEqualTo("General Ledger");
        SearchResults html =
                RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text("<zzqx>ledgerrr</zzqx>"), 0, 5));
        assertThat(html.total()).isZero();
        assertThat(html.suggestion()).isEqualTo("General Ledger");
    }

    List<String> ids(String query) {
        return RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text(query), 0, 10)).items().stream()
                .map(SearchResults.Hit::id)
                .toList();
    }
}

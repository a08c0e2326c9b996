package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.governance.EnforceOn;
import io.meshport.governance.GovernanceService;
import io.meshport.governance.PolicyDefinition;
import io.meshport.governance.PolicyMode;
import io.meshport.governance.PolicyScope;
import io.meshport.governance.Severity;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Search by governance's standing: whether a product violates a policy (a facet and a filter),
 * its trust score (a filter and an order), both in every item. The products are this test's own,
 * tagged with its own tag; their standing is recorded as governance records it ({@link
 * CatalogService#recordStanding}), or by a policy scoped to that tag and retired afterwards.
 */
@MeshportTest
class SearchByStandingTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    CatalogService catalog;

    @Autowired
    GovernanceService governance;

    private final String tag = "standing-" + UUID.randomUUID().toString().substring(0, 8);
    private final String policyId = "purpose-" + tag;

    /** The API of the portal this class runs against (on Lucene, or in a subclass on OpenSearch). */
    Api api(String user) {
        return Api.as(user).on(port);
    }

    @AfterEach
    void retirePolicy() {
        asCarol(() -> {
            if (governance.policy(policyId).filter(p -> p.retiredAt() == null).isPresent()) {
                governance.retire(policyId);
            }
            return null;
        });
    }

    @Test
    void a_standing_recorded_alone_is_searchable_at_once_and_leaves_the_revision_as_it_was() {
        String id = publish("Alder", "Alder trees along the river, counted each spring by the rangers.");
        String etag = api("alice")
                .get("/api/v1/data-products/" + id, "application/json")
                .header("ETag");

        catalog.recordStanding(id, 42, 3);

        JsonNode found = search("tag=" + tag);
        assertThat(found.path("items").path(0).path("trustScore").asInt()).isEqualTo(42);
        assertThat(found.path("items").path(0).path("policyViolations").asInt()).isEqualTo(3);
        assertThat(facet(found)).containsExactly("true=1", "false=0");
        assertThat(ids(search("tag=" + tag + "&violating=true"))).containsExactly(id);

        catalog.recordStanding(id, 88, 0);

        found = search("tag=" + tag);
        assertThat(found.path("items").path(0).path("trustScore").asInt()).isEqualTo(88);
        assertThat(found.path("items").path(0).path("policyViolations").asInt()).isZero();
        assertThat(facet(found)).containsExactly("true=0", "false=1");
        assertThat(ids(search("tag=" + tag + "&violating=true"))).isEmpty();
        assertThat(ids(search("tag=" + tag + "&minTrust=88"))).containsExactly(id);
        // Not a change of the product: an owner's stale-save check still takes the revision it saw.
        assertThat(api("alice")
                        .get("/api/v1/data-products/" + id, "application/json")
                        .header("ETag"))
                .isEqualTo(etag);
    }

    @Test
    void violating_true_finds_the_products_that_violate_a_policy_and_the_facet_counts_both_values() {
        Catalog products = sixProducts();

        JsonNode violating = search("tag=" + tag + "&violating=true");
        assertThat(ids(violating)).containsExactlyInAnyOrder(products.alder, products.elm);
        assertThat(violating.path("total").asLong()).isEqualTo(2);
        // A facet's counts ignore its own filter, so the other value stays offered.
        assertThat(facet(violating)).containsExactly("true=2", "false=4");

        JsonNode keeping = search("tag=" + tag + "&violating=false");
        assertThat(ids(keeping))
                .containsExactlyInAnyOrder(products.birch, products.cedar, products.dogwood, products.fir);
        assertThat(ids(search("tag=" + tag + "&violating=true&violating=false")))
                .hasSize(6);
        // The other filters count the facet.
        assertThat(facet(search("tag=" + tag + "&minTrust=50"))).containsExactly("true=1", "false=2");
        for (JsonNode item : violating.path("items")) {
            assertThat(item.path("policyViolations").asInt()).isPositive();
        }
    }

    @Test
    void min_trust_keeps_the_products_scored_at_least_that_and_never_one_not_yet_evaluated() {
        Catalog products = sixProducts();

        assertThat(ids(search("tag=" + tag + "&minTrust=60")))
                .containsExactlyInAnyOrder(products.alder, products.birch, products.cedar);
        assertThat(ids(search("tag=" + tag + "&minTrust=95"))).containsExactly(products.birch);
        assertThat(ids(search("tag=" + tag + "&minTrust=0")))
                .containsExactlyInAnyOrder(products.alder, products.birch, products.cedar, products.elm);
        assertThat(ids(search("tag=" + tag + "&minTrust=100"))).isEmpty();
        assertThat(ids(search("tag=" + tag + "&minTrust=50&violating=true"))).containsExactly(products.alder);
        assertThat(ids(search("tag=" + tag + "&minTrust="))).hasSize(6);
    }

    @Test
    void sort_by_trust_puts_the_highest_score_first_ties_by_name_and_products_not_yet_evaluated_last() {
        Catalog products = sixProducts();
        List<String> expected =
                List.of(products.birch, products.alder, products.cedar, products.elm, products.dogwood, products.fir);

        JsonNode sorted = search("tag=" + tag + "&sort=trust");
        assertThat(ids(sorted)).containsExactlyElementsOf(expected);
        assertThat(sorted.path("items").path(0).path("trustScore").asInt()).isEqualTo(95);
        assertThat(sorted.path("items").path(5).path("trustScore").isNull()).isTrue();
        assertThat(ids(search("tag=" + tag + "&sort=TRUST&violating=true")))
                .containsExactly(products.alder, products.elm);

        // Page by page, each page after the one before: every page starts after the last product
        // of the page before it, through equal scores and through the products with none.
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 6; page++) {
            paged.addAll(ids(search("tag=" + tag + "&sort=trust&size=1&page=" + page)));
        }
        assertThat(paged).containsExactlyElementsOf(expected);
        List<String> pairs = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            pairs.addAll(ids(search("tag=" + tag + "&sort=trust&size=2&page=" + page)));
        }
        assertThat(pairs).containsExactlyElementsOf(expected);
    }

    @Test
    void a_page_after_a_change_of_standing_follows_the_new_order_and_counts() {
        String hazel = publish("Hazel", "Hazelnut yields per orchard.");
        String holly = publish("Holly", "Holly berries per hedge.");
        String hornbeam = publish("Hornbeam", "Hornbeam hedges per park.");
        standing(hazel, 90, 0);
        standing(holly, 80, 0);
        standing(hornbeam, 70, 0);
        assertThat(ids(search("tag=" + tag + "&sort=trust&size=1&page=0"))).containsExactly(hazel);

        standing(hazel, 10, 1);

        // The next page is not placed after what the first page showed before the change.
        JsonNode second = search("tag=" + tag + "&sort=trust&size=1&page=1");
        assertThat(ids(second)).containsExactly(hornbeam);
        assertThat(facet(second)).containsExactly("true=1", "false=2");
    }

    @Test
    void the_service_sorts_and_filters_as_the_api_does() {
        Catalog products = sixProducts();
        SearchRequest request = new SearchRequest(
                "",
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(tag),
                Set.of(),
                false,
                false,
                false,
                SearchRequest.Sort.TRUST,
                Set.of("false"),
                60);
        SearchResults results = RunAs.user("dave", List.of(), () -> search.search(request, 0, 10));
        assertThat(results.items()).extracting(SearchResults.Hit::id).containsExactly(products.birch, products.cedar);
        assertThat(results.items()).extracting(SearchResults.Hit::trustScore).containsExactly(95, 60);
        assertThat(results.facets().get("violating"))
                .extracting(count -> count.value() + "=" + count.count())
                .containsExactly("true=1", "false=2");
    }

    @Autowired
    CatalogSearch search;

    @Test
    void a_policy_that_a_product_breaks_makes_it_a_violating_one_in_search() {
        String keeps = publish("Juniper", "Juniper berries harvested per valley, weighed at the cooperative.");
        String breaks = publish("Larch", "Larches.");
        // Counted from what the products violate already (policies other features enable for all).
        JsonNode before = search("tag=" + tag + "&sort=name");
        assertThat(ids(before)).containsExactly(keeps, breaks);

        asCarol(() -> governance.save(policyId, purposePolicy(), null));

        JsonNode after = search("tag=" + tag + "&sort=name");
        assertThat(violations(after, 1)).isEqualTo(violations(before, 1) + 1);
        assertThat(violations(after, 0)).isEqualTo(violations(before, 0));
        assertThat(ids(search("tag=" + tag + "&violating=true"))).contains(breaks);
        assertThat(facet(after).getFirst()).isNotEqualTo("true=0");
        // Keeping the policy scores higher than breaking it.
        assertThat(trust(after, 0)).isGreaterThan(trust(after, 1));
        assertThat(ids(search("tag=" + tag + "&sort=trust"))).containsExactly(keeps, breaks);
    }

    private static int violations(JsonNode results, int item) {
        return results.path("items").path(item).path("policyViolations").asInt();
    }

    private static int trust(JsonNode results, int item) {
        JsonNode score = results.path("items").path(item).path("trustScore");
        assertThat(score.isInt()).as("a trust score: " + score).isTrue();
        return score.asInt();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "minTrust=abc | /minTrust | whole number from 0 to 100",
                "minTrust=-1 | /minTrust | whole number from 0 to 100",
                "minTrust=101 | /minTrust | whole number from 0 to 100",
                "minTrust=50.5 | /minTrust | whole number from 0 to 100",
                "minTrust=99999999999 | /minTrust | whole number from 0 to 100",
                "minTrust=%E2%88%9E | /minTrust | whole number from 0 to 100",
                "sort=nonsense | /sort | relevance, name, updated or trust",
                "violating=maybe | /violating | true or false",
                "violating=true&violating=perhaps | /violating | true or false",
                "violating=%E2%9C%93 | /violating | true or false"
            })
    void a_bad_standing_parameter_gets_a_problem_that_names_it(String parameters, String pointer, String message) {
        Api.Response response = api("dave").get("/api/v1/data-products?" + parameters, "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = response.json().path("errors").path(0);
        assertThat(error.path("pointer").asString()).isEqualTo(pointer);
        assertThat(error.path("message").asString()).contains(message);
    }

    @Test
    void a_huge_bad_value_is_not_repeated_whole_in_the_problem() {
        String huge = "x".repeat(5_000);
        Api.Response response =
                api("dave").get("/api/v1/data-products?violating=" + huge + "&minTrust=1", "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).hasSizeLessThan(2_000);
    }

    @Test
    void the_search_itself_refuses_a_bound_outside_0_to_100_and_an_unknown_violating_value() {
        SearchRequest plain = SearchRequest.text("");
        assertThatThrownBy(() -> plain.withStanding(Set.of(), 101))
                .isInstanceOf(InvalidSearchException.class)
                .hasMessage("Bad minTrust");
        assertThatThrownBy(() -> plain.withStanding(Set.of("yes"), null))
                .isInstanceOf(InvalidSearchException.class)
                .hasMessage("Bad violating filter");
        assertThat(plain.withStanding(Set.of(" TRUE "), 0).violating()).containsExactly("true");
    }

    /** Six products of this test's tag and their standing. */
    private record Catalog(String alder, String birch, String cedar, String dogwood, String elm, String fir) {}

    private Catalog sixProducts() {
        Catalog products = new Catalog(
                publish("Alder", "Alder trees along the river."),
                publish("Birch", "Birch bark samples per forest plot."),
                publish("Cedar", "Cedar growth rings measured each year."),
                publish("Dogwood", "Dogwood flowering dates per garden."),
                publish("Elm", "Elm disease reports per county."),
                publish("Fir", "Fir seedlings planted per hillside."));
        standing(products.alder, 60, 1);
        standing(products.birch, 95, 0);
        standing(products.cedar, 60, 0);
        standing(products.dogwood, null, 0);
        standing(products.elm, 30, 2);
        standing(products.fir, null, 0);
        return products;
    }

    private void standing(String id, @Nullable Integer trust, int violations) {
        catalog.recordStanding(id, trust, violations);
    }

    /** A deprecated product (everyone sees it; no contract needed) of team sales, with this test's tag. */
    private String publish(String name, String purpose) {
        String id = name.toLowerCase(java.util.Locale.ROOT) + "-" + tag;
        String yaml = """
                apiVersion: v1.0.0
                kind: DataProduct
                id: %s
                name: %s %s
                status: deprecated
                tags: [%s]
                description:
                  purpose: "%s"
                team:
                  name: sales
                """.formatted(id, name, tag, tag, purpose);
        RunAs.user("alice", List.of("sales"), () -> catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null));
        return id;
    }

    private JsonNode search(String parameters) {
        Api.Response response = api("dave").get("/api/v1/data-products?" + parameters, "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    private static List<String> facet(JsonNode results) {
        List<String> counts = new ArrayList<>();
        results.path("facets")
                .path("violating")
                .forEach(count -> counts.add(count.path("value").asString() + "="
                        + count.path("count").asLong()));
        return counts;
    }

    private PolicyDefinition purposePolicy() {
        return new PolicyDefinition(
                "Purpose of substance " + tag,
                "A consumer decides from the purpose.",
                Severity.HIGH,
                PolicyMode.ADVISORY,
                EnforceOn.PUBLISH,
                new PolicyScope(List.of(), List.of(), List.of(tag), List.of()),
                "has(product.description) && has(product.description.purpose)"
                        + " && size(product.description.purpose.trim()) >= 40",
                "/description/purpose",
                "Say in 40 characters or more what the product is for.",
                true);
    }

    private static <T> T asCarol(Supplier<T> work) {
        return RunAs.user("carol", List.of("finance", "mesh-admins"), work);
    }
}

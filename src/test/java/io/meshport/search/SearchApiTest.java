package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

@MeshportTest
class SearchApiTest {

    @Value("${local.server.port}")
    int port;

    /** The API of the portal this class runs against (on Lucene, or in a subclass on OpenSearch). */
    Api api(String user) {
        return Api.as(user).on(port);
    }

    @Autowired
    CatalogService catalog;

    @Test
    void a_highlight_shows_a_markdown_purpose_as_escaped_text_with_the_matches_marked() {
        String id = "markdown-purpose-" + System.nanoTime();
        String yaml = TestDocuments.product(id, "sales", "deprecated")
                + "description:\n  purpose: \"# Heading\\n\\nTotals of **orders and zwiebelkuchen** per"
                + " _region_, <b>not</b> bold.\"\n";
        RunAs.user("alice", List.of("sales"), () -> catalog.publishProduct(id, yaml, DocumentFormat.YAML, null, null));

        JsonNode hit = api("dave")
                .get("/api/v1/data-products?q=zwiebelkuchen", "application/json")
                .json()
                .path("items")
                .path(0);
        assertThat(hit.path("id").asString()).isEqualTo(id);
        assertThat(hit.path("highlight").asString())
                .isEqualTo("Heading: Totals of orders and <mark>zwiebelkuchen</mark> per region,"
                        + " &lt;b&gt;not&lt;&#x2F;b&gt; bold.");
    }

    @Test
    void search_answers_in_the_shape_of_the_contract() {
        Api.Response response = api("dave").get("/api/v1/data-products?q=ledger&size=5", "application/json");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("total").asLong()).isPositive();
        JsonNode first = body.path("items").path(0);
        assertThat(first.path("id").asString()).isEqualTo("general-ledger");
        for (String field : new String[] {"id", "name", "domain", "team", "status", "purpose", "highlight"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.path("status").asString()).isEqualTo("active");
        for (String facet : new String[] {"domain", "team", "status", "tag"}) {
            assertThat(body.path("facets").path(facet).isArray()).as(facet).isTrue();
        }
        assertThat(body.path("facets").path("domain").path(0).has("value")).isTrue();
        assertThat(body.path("facets").path("domain").path(0).has("count")).isTrue();
    }

    @Test
    void filters_and_paging_work_together() {
        JsonNode page0 = api("dave")
                .get("/api/v1/data-products?domain=finance&size=2&page=0", "application/json")
                .json();
        JsonNode page1 = api("dave")
                .get("/api/v1/data-products?domain=finance&size=2&page=1", "application/json")
                .json();
        assertThat(page0.path("items").size()).isEqualTo(2);
        assertThat(page0.path("items").path(0).path("id").asString())
                .isNotEqualTo(page1.path("items").path(0).path("id").asString());
        page0.path("items")
                .forEach(item -> assertThat(item.path("domain").asString()).isEqualTo("finance"));
        JsonNode two = api("dave")
                .get("/api/v1/data-products?domain=finance&domain=trading&size=100", "application/json")
                .json();
        two.path("items")
                .forEach(item -> assertThat(item.path("domain").asString()).isIn("finance", "trading"));
        assertThat(two.path("total").asLong()).isGreaterThan(page0.path("total").asLong());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "size=20&page=600", // past a cluster's default result window of 10,000
                "size=100&page=100000", // the deepest page the API accepts
                "q=customer&size=20&page=600",
                "sort=updated&size=20&page=600"
            })
    void a_page_far_past_the_end_is_an_empty_page(String parameters) {
        var response = api("dave").get("/api/v1/data-products?" + parameters, "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("items").size()).isZero();
        assertThat(response.json().path("total").asLong()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "size=0", "size=1000", "page=abc", "sort=sideways", "size=1e9"})
    void bad_parameters_get_a_problem_not_a_server_error(String parameter) {
        Api.Response response = api("dave").get("/api/v1/data-products?" + parameter, "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"(*?~:\\",
                "' OR 1=1; --",
                "<script>alert(1)</script>",
                "%",
                "stock AND (",
                "",
                "customer_order_line_item_sku_quantity_price_discount",
                "CustomerLifetimeValueByAcquisitionChannelAndRegion",
                "a,b,c,d,e,f,g,h,i,j,k"
            })
    void odd_queries_are_answered(String query) {
        Api.Response response = api("dave")
                .get("/api/v1/data-products?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "application/json");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void a_10000_character_query_is_refused_with_a_message() {
        Api.Response response = api("dave").get("/api/v1/data-products?q=" + "x".repeat(10_000), "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("at most 500 characters");
    }
}

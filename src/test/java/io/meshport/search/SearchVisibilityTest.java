package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A catalog, not a workshop: other teams' draft and proposed products are found only when asked
 * for; a team's own stay visible to its members. Over the demo catalog: Sales Pipeline Forecast is
 * a draft of sales (alice's team), Retention Offers a proposal of marketing (bob's).
 */
@MeshportTest
class SearchVisibilityTest {

    @Value("${local.server.port}")
    int port;

    /** The API of the portal this class runs against (on Lucene, or in a subclass on OpenSearch). */
    Api api(String user) {
        return Api.as(user).on(port);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CatalogSearch search;

    @Test
    void other_teams_drafts_are_found_only_when_asked_for() {
        SearchRequest pipeline = SearchRequest.text("sales pipeline forecast");
        assertThat(ids("dave", List.of(), pipeline)).doesNotContain("sales-pipeline-forecast");
        assertThat(ids("dave", List.of(), pipeline.includingOtherTeamsDrafts()))
                .first()
                .isEqualTo("sales-pipeline-forecast");
        assertThat(ids("bob", List.of("marketing"), pipeline)).doesNotContain("sales-pipeline-forecast");
    }

    @Test
    void a_teams_own_drafts_and_proposals_stay_visible_to_its_members() {
        assertThat(ids("alice", List.of("sales"), SearchRequest.text("sales pipeline forecast")))
                .first()
                .isEqualTo("sales-pipeline-forecast");
        assertThat(ids("bob", List.of("marketing"), SearchRequest.text("retention offers")))
                .first()
                .isEqualTo("retention-offers");
        assertThat(ids("alice", List.of("sales"), SearchRequest.text("retention offers")))
                .doesNotContain("retention-offers");
    }

    @Test
    void a_status_filter_naming_draft_asks_for_drafts() {
        // Words of the demo products' names narrow the lists: other test classes in this JVM
        // publish drafts of their own, more than a page of them.
        SearchRequest drafts = SearchRequest.text("sales pipeline forecast").withStatuses(Set.of("draft"));
        assertThat(ids("dave", List.of(), drafts)).contains("sales-pipeline-forecast");
        SearchRequest retentionDrafts = SearchRequest.text("retention offers").withStatuses(Set.of("draft"));
        assertThat(ids("dave", List.of(), retentionDrafts)).doesNotContain("retention-offers");
        SearchRequest proposals = SearchRequest.text("retention offers").withStatuses(Set.of("proposed"));
        assertThat(ids("dave", List.of(), proposals)).contains("retention-offers");
    }

    @Test
    void facet_counts_follow_the_same_rule() {
        // Other test classes in this JVM publish drafts of their own: count what the database holds.
        long drafts = unfinished("draft", null);
        long proposals = unfinished("proposed", null);
        long salesUnfinished = unfinished("draft", "sales") + unfinished("proposed", "sales");

        SearchResults hidden = RunAs.user("dave", List.of(), () -> search.search(SearchRequest.text(""), 0, 1));
        assertThat(count(hidden, "status", "draft")).isZero();
        assertThat(count(hidden, "status", "proposed")).isZero();

        SearchResults own = RunAs.user("alice", List.of("sales"), () -> search.search(SearchRequest.text(""), 0, 1));
        assertThat(count(own, "status", "draft")).isPositive();
        assertThat(count(own, "status", "draft") + count(own, "status", "proposed"))
                .isEqualTo(salesUnfinished);
        assertThat(own.total()).isEqualTo(hidden.total() + salesUnfinished);

        SearchResults all = RunAs.user(
                "dave", List.of(), () -> search.search(SearchRequest.text("").includingOtherTeamsDrafts(), 0, 1));
        assertThat(count(all, "status", "draft")).isEqualTo(drafts);
        assertThat(count(all, "status", "proposed")).isEqualTo(proposals).isPositive();
        assertThat(all.total()).isEqualTo(hidden.total() + drafts + proposals);
    }

    private long unfinished(String status, String team) {
        Long n = jdbc.queryForObject(
                "select count(*) from data_product where status = ? and (cast(? as text) is null or owner_team = ?)",
                Long.class,
                status,
                team,
                team);
        return n == null ? 0 : n;
    }

    @Test
    void the_api_shows_other_teams_drafts_when_asked() {
        assertThat(apiIds("dave", "q=sales+pipeline+forecast")).doesNotContain("sales-pipeline-forecast");
        assertThat(apiIds("dave", "q=sales+pipeline+forecast&otherTeamsDrafts=true"))
                .first()
                .isEqualTo("sales-pipeline-forecast");
        assertThat(apiIds("dave", "status=draft&q=sales+pipeline+forecast")).contains("sales-pipeline-forecast");
        assertThat(apiIds("alice", "q=sales+pipeline+forecast")).first().isEqualTo("sales-pipeline-forecast");
    }

    private List<String> ids(String user, List<String> teams, SearchRequest request) {
        return RunAs.user(user, teams, () -> search.search(request, 0, 50)).items().stream()
                .map(SearchResults.Hit::id)
                .toList();
    }

    private static long count(SearchResults results, String facet, String value) {
        return results.facets().get(facet).stream()
                .filter(c -> c.value().equals(value))
                .mapToLong(SearchResults.FacetCount::count)
                .sum();
    }

    private List<String> apiIds(String user, String query) {
        Api.Response response = api(user).get("/api/v1/data-products?size=100&" + query, "application/json");
        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().path("items");
        List<String> ids = new java.util.ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}

package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what, through the API and through the service: alice (sales), bob (marketing),
 * carol (finance + mesh-admins, governance), dave (no team). Nobody gets what the rules refuse.
 */
@MeshportTest
class OwnershipTest {

    static final AtomicInteger NEXT = new AtomicInteger();
    static final Map<String, List<String>> TEAMS = Map.of(
            "alice", List.of("sales"),
            "bob", List.of("marketing"),
            "carol", List.of("finance", "mesh-admins"),
            "dave", List.of());

    @Autowired
    CatalogService catalog;

    // ------------------------------------------------------------------ through the API

    @Test
    void create_needs_membership_of_the_named_team() {
        assertThat(apiCreate("alice", "sales")).isEqualTo(201);
        assertThat(apiCreate("bob", "sales")).isEqualTo(403);
        assertThat(apiCreate("dave", "sales")).isEqualTo(403);
        assertThat(apiCreate("carol", "sales"))
                .as("governance may set any team")
                .isEqualTo(201);
        assertThat(apiCreate("carol", "finance")).isEqualTo(201);
    }

    @Test
    void without_a_team_the_callers_only_team_owns_it_and_otherwise_it_is_refused_with_400() {
        String aliceOwns = newId();
        assertThat(Api.as("alice")
                        .put(path(aliceOwns), TestDocuments.product(aliceOwns, null, "draft"), "application/yaml")
                        .status())
                .isEqualTo(201);
        assertThat(catalogAs("dave", () -> catalog.find(aliceOwns))
                        .orElseThrow()
                        .ownerTeam())
                .isEqualTo("sales");

        String carolMustSay = newId();
        Api.Response carol = Api.as("carol")
                .put(path(carolMustSay), TestDocuments.product(carolMustSay, null, "draft"), "application/yaml");
        assertThat(carol.status()).isEqualTo(400);
        assertThat(carol.pointers()).containsExactly("/team/name");
        assertThat(Api.as("carol")
                        .put(
                                path(carolMustSay) + "?team=finance",
                                TestDocuments.product(carolMustSay, null, "draft"),
                                "application/yaml")
                        .status())
                .isEqualTo(201);

        String daveHasNone = newId();
        assertThat(Api.as("dave")
                        .put(path(daveHasNone), TestDocuments.product(daveHasNone, null, "draft"), "application/yaml")
                        .status())
                .isEqualTo(400);
        assertThat(Api.as("dave")
                        .put(
                                path(daveHasNone) + "?team=sales",
                                TestDocuments.product(daveHasNone, null, "draft"),
                                "application/yaml")
                        .status())
                .as("a client-sent owner is not trusted")
                .isEqualTo(403);
    }

    @Test
    void replace_needs_membership_of_the_current_owning_team() {
        String id = created("alice", "sales");
        String changed = TestDocuments.product(id, "sales", "draft").replace("name: Product", "name: Renamed Product");
        assertThat(Api.as("bob").put(path(id), changed, "application/yaml").status())
                .isEqualTo(403);
        assertThat(Api.as("dave").put(path(id), changed, "application/yaml").status())
                .isEqualTo(403);
        assertThat(Api.as("alice").put(path(id), changed, "application/yaml").status())
                .isEqualTo(200);
        assertThat(Api.as("carol").put(path(id), changed, "application/yaml").status())
                .isEqualTo(200);
    }

    @Test
    void moving_a_product_needs_membership_of_both_teams() {
        String id = created("alice", "sales");
        String toMarketing = TestDocuments.product(id, "marketing", "draft");
        assertThat(Api.as("alice")
                        .put(path(id), toMarketing, "application/yaml")
                        .status())
                .as("alice is not in marketing")
                .isEqualTo(403);
        assertThat(Api.as("bob").put(path(id), toMarketing, "application/yaml").status())
                .as("bob is not in sales, which owns it now")
                .isEqualTo(403);
        assertThat(Api.as("carol")
                        .put(path(id), toMarketing, "application/yaml")
                        .status())
                .isEqualTo(200);
        assertThat(Api.as("bob")
                        .put(path(id), toMarketing.replace("name: Product", "name: Bob's"), "application/yaml")
                        .status())
                .as("now bob's team owns it")
                .isEqualTo(200);
        assertThat(Api.as("alice")
                        .put(path(id), TestDocuments.product(id, "sales", "draft"), "application/yaml")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void delete_is_for_owners_and_only_before_a_product_goes_live() {
        String id = created("alice", "sales");
        assertThat(Api.as("bob").delete(path(id)).status()).isEqualTo(403);
        assertThat(Api.as("dave").delete(path(id)).status()).isEqualTo(403);
        assertThat(Api.as("alice").delete(path(id)).status()).isEqualTo(204);
        assertThat(Api.as("alice").get(path(id), "application/json").status()).isEqualTo(404);

        String deprecated = created("alice", "sales");
        assertThat(Api.as("alice")
                        .put(
                                path(deprecated),
                                TestDocuments.product(deprecated, "sales", "deprecated"),
                                "application/yaml")
                        .status())
                .isEqualTo(200);
        Api.Response refused = Api.as("carol").delete(path(deprecated));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("deprecated");
    }

    @Test
    void a_product_others_consume_cannot_be_deleted() {
        String upstream = newId();
        String contract = upstream + "-contract";
        assertThat(Api.as("alice")
                        .put(
                                path(upstream),
                                TestDocuments.product(upstream, "sales", "draft")
                                        + "outputPorts:\n  - {name: out, version: 1.0.0, contractId: " + contract
                                        + "}\n",
                                "application/yaml")
                        .status())
                .isEqualTo(201);
        String downstream = newId();
        assertThat(Api.as("bob")
                        .put(
                                path(downstream),
                                TestDocuments.product(downstream, "marketing", "draft")
                                        + "inputPorts:\n  - {name: in, version: 1.0.0, contractId: " + contract + "}\n",
                                "application/yaml")
                        .status())
                .isEqualTo(201);
        Api.Response refused = Api.as("alice").delete(path(upstream));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains(downstream);
    }

    @Test
    void status_changes_follow_ownership_too() {
        String id = created("alice", "sales");
        String deprecated = TestDocuments.product(id, "sales", "deprecated");
        assertThat(Api.as("bob").put(path(id), deprecated, "application/yaml").status())
                .isEqualTo(403);
        assertThat(Api.as("dave").put(path(id), deprecated, "application/yaml").status())
                .isEqualTo(403);
        assertThat(Api.as("alice").put(path(id), deprecated, "application/yaml").status())
                .isEqualTo(200);
    }

    @Test
    void contracts_follow_the_same_rules() {
        String id = newId() + "-contract";
        String contract = StandardsRoundTripTest.contractWithSla(id);
        assertThat(Api.as("bob")
                        .put("/api/v1/data-contracts/" + id, contract, "application/yaml")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as("alice")
                        .put("/api/v1/data-contracts/" + id, contract, "application/yaml")
                        .status())
                .isEqualTo(201);
        assertThat(Api.as("bob")
                        .put("/api/v1/data-contracts/" + id, contract, "application/yaml")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as("sales-ci")
                        .put("/api/v1/data-contracts/" + id, contract, "application/yaml")
                        .status())
                .as("the sales pipeline acts for sales")
                .isEqualTo(200);
    }

    // ------------------------------------------------------------------ through the service

    @Test
    void the_service_refuses_exactly_what_the_api_refuses() {
        String id = newId();
        assertThatThrownBy(() -> catalogAs("bob", () -> publish(id, "sales", "draft")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogAs("dave", () -> publish(id, "sales", "draft")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catalogAs("alice", () -> publish(id, "sales", "draft")).created())
                .isTrue();
        assertThatThrownBy(() -> catalogAs("bob", () -> publish(id, "sales", "deprecated")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogAs("alice", () -> publish(id, "marketing", "draft")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogAs("bob", () -> {
                    catalog.deleteProduct(id, null);
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catalogAs("carol", () -> publish(id, "marketing", "draft")).created())
                .isFalse();
        assertThat(catalogAs("dave", () -> catalog.find(id)).orElseThrow().ownerTeam())
                .isEqualTo("marketing");
        assertThat(catalogAs("bob", () -> catalog.mayEdit(id))).isTrue();
        assertThat(catalogAs("alice", () -> catalog.mayEdit(id))).isFalse();
    }

    @Test
    void every_change_is_recorded_with_who_when_and_the_previous_version() {
        String id = created("alice", "sales");
        assertThat(Api.as("carol")
                        .put(path(id), TestDocuments.product(id, "sales", "deprecated"), "application/yaml")
                        .status())
                .isEqualTo(200);
        List<ChangeEntry> history = catalogAs("dave", () -> catalog.history(id));
        assertThat(history).hasSize(2);
        assertThat(history.get(0).actorName()).isEqualTo("Carol Castillo");
        assertThat(history.get(0).summary()).contains("status draft → deprecated");
        assertThat(history.get(0).previousSource()).contains("status: draft");
        assertThat(history.get(0).newSource()).contains("status: deprecated");
        assertThat(history.get(1).actorName()).isEqualTo("Alice Andersen");
        assertThat(history.get(1).action()).isEqualTo("created");
        assertThat(history.get(1).previousSource()).isNull();
    }

    // ------------------------------------------------------------------ helpers

    private int apiCreate(String user, String team) {
        String id = newId();
        return Api.as(user)
                .put(path(id), TestDocuments.product(id, team, "draft"), "application/yaml")
                .status();
    }

    private String created(String user, String team) {
        String id = newId();
        Api.Response response =
                Api.as(user).put(path(id), TestDocuments.product(id, team, "draft"), "application/yaml");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return id;
    }

    private Published publish(String id, String team, String status) {
        return catalog.publishProduct(id, TestDocuments.product(id, team, status), DocumentFormat.YAML, null, null);
    }

    private <T> T catalogAs(String user, java.util.function.Supplier<T> work) {
        return RunAs.user(user, TEAMS.get(user), work);
    }

    static String newId() {
        return "ownership-" + NEXT.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    static String path(String id) {
        return "/api/v1/data-products/" + id;
    }
}

package io.meshport.access;

import static io.meshport.access.AccessDecisionMatrixTest.Action.APPROVE;
import static io.meshport.access.AccessDecisionMatrixTest.Action.CANCEL;
import static io.meshport.access.AccessDecisionMatrixTest.Action.READ;
import static io.meshport.access.AccessDecisionMatrixTest.Action.REJECT;
import static io.meshport.access.AccessDecisionMatrixTest.Action.REPORT_PROVISIONING;
import static io.meshport.access.AccessDecisionMatrixTest.Action.REQUEST;
import static io.meshport.access.AccessDecisionMatrixTest.Action.REVOKE;
import static io.meshport.access.AccessDecisionMatrixTest.Outcome.ALLOWED;
import static io.meshport.access.AccessDecisionMatrixTest.Outcome.FORBIDDEN;
import static io.meshport.access.AccessDecisionMatrixTest.Outcome.INVISIBLE;
import static io.meshport.access.AccessDecisionMatrixTest.Outcome.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.catalog.CatalogService;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with an access request to a port of a sales product, as one table read
 * through the service and through the API alike: the rule the UI and the API share.
 */
@MeshportTest
class AccessDecisionMatrixTest {

    enum Action {
        REQUEST,
        APPROVE,
        REJECT,
        REVOKE,
        CANCEL,
        REPORT_PROVISIONING,
        READ
    }

    enum Outcome {
        /** done (200/201) */
        ALLOWED,
        /** 403: the caller sees the request but may not take the step */
        FORBIDDEN,
        /** 404: for the caller the request does not exist */
        INVISIBLE,
        /** 400: the request itself is wrong (a team asking for its own product) */
        REFUSED
    }

    /**
     * @param askedBy who asked (for every action but REQUEST): bob for marketing, carol for finance
     * @param actor who then tries the action
     */
    record Rule(Action action, @Nullable String askedBy, String actor, Outcome outcome) {

        @Override
        public String toString() {
            return actor + " " + action.name().toLowerCase().replace('_', ' ')
                    + (askedBy == null ? "" : " (asked by " + askedBy + ")") + ": "
                    + outcome.name().toLowerCase();
        }
    }

    /** alice: sales (owns the product) · bob: marketing · carol: finance + governance · dave: no team. */
    static Stream<Rule> rules() {
        return Stream.of(
                // A member of another team asks; the owning team does not ask for its own; no team, no request.
                rule(REQUEST, null, "alice", REFUSED),
                rule(REQUEST, null, "bob", ALLOWED),
                rule(REQUEST, null, "carol", ALLOWED),
                rule(REQUEST, null, "dave", FORBIDDEN),
                // The providing team or governance decides; never the asking team, not even as governance.
                rule(APPROVE, "bob", "alice", ALLOWED),
                rule(APPROVE, "bob", "bob", FORBIDDEN),
                rule(APPROVE, "bob", "carol", ALLOWED),
                rule(APPROVE, "bob", "dave", INVISIBLE),
                rule(APPROVE, "carol", "carol", FORBIDDEN),
                rule(APPROVE, "carol", "alice", ALLOWED),
                rule(REJECT, "bob", "alice", ALLOWED),
                rule(REJECT, "bob", "bob", FORBIDDEN),
                rule(REJECT, "bob", "carol", ALLOWED),
                rule(REJECT, "bob", "dave", INVISIBLE),
                rule(REJECT, "carol", "carol", FORBIDDEN),
                rule(REJECT, "carol", "alice", ALLOWED),
                // The provider (or governance) ends an agreement and reports its provisioning.
                rule(REVOKE, "bob", "alice", ALLOWED),
                rule(REVOKE, "bob", "bob", FORBIDDEN),
                rule(REVOKE, "bob", "carol", ALLOWED),
                rule(REVOKE, "bob", "dave", INVISIBLE),
                rule(REPORT_PROVISIONING, "bob", "alice", ALLOWED),
                rule(REPORT_PROVISIONING, "bob", "sales-ci", ALLOWED),
                rule(REPORT_PROVISIONING, "bob", "bob", FORBIDDEN),
                rule(REPORT_PROVISIONING, "bob", "marketing-ci", FORBIDDEN),
                rule(REPORT_PROVISIONING, "bob", "carol", ALLOWED),
                rule(REPORT_PROVISIONING, "bob", "dave", INVISIBLE),
                // Only the consumer withdraws its request.
                rule(CANCEL, "bob", "alice", FORBIDDEN),
                rule(CANCEL, "bob", "bob", ALLOWED),
                rule(CANCEL, "bob", "carol", FORBIDDEN),
                rule(CANCEL, "bob", "dave", INVISIBLE),
                // The two teams and governance see it; nobody else.
                rule(READ, "bob", "alice", ALLOWED),
                rule(READ, "bob", "bob", ALLOWED),
                rule(READ, "bob", "carol", ALLOWED),
                rule(READ, "bob", "dave", INVISIBLE),
                rule(READ, "carol", "bob", INVISIBLE));
    }

    private static Rule rule(Action action, @Nullable String askedBy, String actor, Outcome outcome) {
        return new Rule(action, askedBy, actor, outcome);
    }

    private static final Map<String, List<String>> GROUPS = Map.of(
            "alice", List.of("sales"),
            "bob", List.of("marketing"),
            "carol", List.of("finance", "mesh-admins"),
            "dave", List.of(),
            "sales-ci", List.of("sales"),
            "marketing-ci", List.of("marketing"));

    /** The team each asks for. */
    private static final Map<String, String> TEAM =
            Map.of("alice", "sales", "bob", "marketing", "carol", "finance", "dave", "marketing");

    @Autowired
    CatalogService catalog;

    @Autowired
    AccessService access;

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void through_the_service(Rule rule) {
        String product = AccessTestProduct.publish(catalog, AccessTestProduct.stem("mx"), null)
                .id();
        UUID id = arrange(rule, product);
        Agreement before = stored(id);
        Supplier<Object> step = () -> as(rule.actor(), () -> serviceStep(rule, product, id));
        switch (rule.outcome()) {
            case ALLOWED -> assertThat(step.get()).as(rule.toString()).isNotNull();
            case FORBIDDEN ->
                assertThatThrownBy(step::get).as(rule.toString()).isInstanceOf(AccessDeniedException.class);
            case INVISIBLE ->
                assertThatThrownBy(step::get).as(rule.toString()).isInstanceOf(NoSuchAgreementException.class);
            case REFUSED ->
                assertThatThrownBy(step::get).as(rule.toString()).isInstanceOf(InvalidAccessRequestException.class);
        }
        if (rule.outcome() != ALLOWED || rule.action() == READ) {
            assertThat(stored(id)).as(rule + ", stored").isEqualTo(before);
        }
        if (rule.action() == READ) {
            List<Agreement> listed =
                    as(rule.actor(), () -> access.list(new AccessService.Filter(product, null, null, null), 10));
            assertThat(listed.stream().map(Agreement::id).toList())
                    .as(rule + ", listed")
                    .isEqualTo(rule.outcome() == ALLOWED ? List.of(id) : List.of());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void through_the_api(Rule rule) {
        String product = AccessTestProduct.publish(catalog, AccessTestProduct.stem("mx"), null)
                .id();
        UUID id = arrange(rule, product);
        Agreement before = stored(id);
        Api.Response response = apiStep(rule, product, id);
        int expected =
                switch (rule.outcome()) {
                    case ALLOWED -> rule.action() == REQUEST ? 201 : 200;
                    case FORBIDDEN -> 403;
                    case INVISIBLE -> 404;
                    case REFUSED -> 400;
                };
        assertThat(response.status()).as(rule + ": " + response).isEqualTo(expected);
        if (rule.outcome() != ALLOWED) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(stored(id)).as(rule + ", stored").isEqualTo(before);
        }
        if (rule.action() == READ) {
            Api.Response listed =
                    Api.as(rule.actor()).get("/api/v1/access-requests?product=" + product, "application/json");
            assertThat(listed.status()).isEqualTo(200);
            List<String> ids = new java.util.ArrayList<>();
            listed.json().forEach(agreement -> ids.add(agreement.path("id").asString()));
            assertThat(ids)
                    .as(rule + ", listed")
                    .isEqualTo(rule.outcome() == ALLOWED ? List.of(id.toString()) : List.of());
        }
    }

    /** The agreement as governance sees it (null for none), to show a refused step changed nothing. */
    private @Nullable Agreement stored(@Nullable UUID id) {
        return id == null ? null : as("carol", () -> access.find(id).orElseThrow());
    }

    /** The request the rule starts from: none, a request, or an approved agreement. */
    private @Nullable UUID arrange(Rule rule, String product) {
        if (rule.askedBy() == null) {
            return null;
        }
        Agreement asked = as(rule.askedBy(), () -> access.request(request(product, TEAM.get(rule.askedBy()))));
        if (rule.action() == REVOKE || rule.action() == REPORT_PROVISIONING) {
            as("alice", () -> access.decide(asked.id(), AccessService.Decision.APPROVE, null, null));
        }
        return asked.id();
    }

    private Object serviceStep(Rule rule, String product, @Nullable UUID id) {
        return switch (rule.action()) {
            case REQUEST -> access.request(request(product, TEAM.get(rule.actor())));
            case APPROVE -> access.decide(id, AccessService.Decision.APPROVE, "Fine", null);
            case REJECT -> access.decide(id, AccessService.Decision.REJECT, "Not now", null);
            case REVOKE -> access.revoke(id, "No longer");
            case CANCEL -> access.cancel(id, null);
            case REPORT_PROVISIONING -> access.reportProvisioning(id, Provisioning.GRANTED, "role granted");
            case READ -> access.find(id).orElseThrow(() -> new NoSuchAgreementException(id.toString()));
        };
    }

    private static Api.Response apiStep(Rule rule, String product, @Nullable UUID id) {
        Api api = Api.as(rule.actor());
        String path = "/api/v1/access-requests/" + id;
        String json = "application/json";
        return switch (rule.action()) {
            case REQUEST ->
                api.post(
                        "/api/v1/access-requests",
                        "{\"product\": \"" + product + "\", \"outputPort\": \"out\", \"purpose\": \"Attribution\","
                                + " \"consumerTeam\": \"" + TEAM.get(rule.actor()) + "\"}",
                        json);
            case APPROVE -> api.post(path + "/decision", "{\"decision\": \"approve\", \"comment\": \"Fine\"}", json);
            case REJECT -> api.post(path + "/decision", "{\"decision\": \"reject\", \"comment\": \"Not now\"}", json);
            case REVOKE -> api.post(path + "/revoke", "{\"comment\": \"No longer\"}", json);
            case CANCEL -> api.post(path + "/cancel", "", json);
            case REPORT_PROVISIONING ->
                api.put(path + "/provisioning", "{\"state\": \"granted\", \"message\": \"role granted\"}", json);
            case READ -> api.get(path, json);
        };
    }

    private static AccessRequest request(String product, String team) {
        return new AccessRequest(product, AccessTestProduct.PORT, null, "Campaign attribution", team, null, null, null);
    }

    private static <T> T as(String user, Supplier<T> work) {
        return RunAs.user(user, GROUPS.get(user), work);
    }
}

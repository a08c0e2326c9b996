package io.meshport.events;

import static io.meshport.events.Feed.about;
import static io.meshport.events.Feed.data;
import static io.meshport.events.Feed.ids;
import static io.meshport.events.Feed.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import io.meshport.testing.TestDocuments;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/events}: the catalog's steps a platform acts on appear once each, in order,
 * as valid CloudEvents; paging with {@code after} walks the feed without gaps or repeats; a refused
 * write leaves no event; bad parameters are 400 problems.
 */
@MeshportTest
class EventFeedTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    static String newId(String what) {
        return "events-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The contract every product here provides: one with a service level, as active products need. */
    static final String CONTRACT = "events-tests-orders";

    @BeforeEach
    void theContractIsInTheCatalog() {
        contract(CONTRACT);
    }

    static void contract(String id) {
        Api.Response contract =
                Api.as("alice").put("/api/v1/data-contracts/" + id, """
                        apiVersion: v3.1.0
                        kind: DataContract
                        id: %s
                        version: 1.0.0
                        status: active
                        team:
                          name: sales
                        slaProperties:
                          - property: availability
                            value: 99.9
                            unit: percent
                        """.formatted(id), "application/yaml");
        assertThat(contract.status()).as(contract.toString()).isIn(200, 201);
    }

    /** A sales product that may be active: a purpose and a port with a contract. */
    static String product(String id, String status) {
        return TestDocuments.product(id, "sales", status) + """
                description:
                  purpose: Orders for the event feed's tests.
                outputPorts:
                  - name: orders
                    version: 1.0.0
                    contractId: %s
                """.formatted(CONTRACT);
    }

    static Api.Response putAs(String user, String id, String status) {
        return put(user, id, product(id, status));
    }

    static Api.Response put(String user, String id, String yaml) {
        return Api.as(user).put("/api/v1/data-products/" + id, yaml, "application/yaml");
    }

    @Test
    void a_product_published_deprecated_and_retired_appears_once_per_step_in_order_as_cloudevents() {
        String start = Feed.tail("alice");
        String id = newId("life");

        assertThat(putAs("alice", id, "draft").status()).isEqualTo(201);
        Api.Response activated = putAs("alice", id, "active");
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(put("alice", id, product(id, "active") + "version: 2.0.0\n").status())
                .as("a replace that keeps the status is no event for a platform")
                .isEqualTo(200);
        assertThat(putAs("alice", id, "deprecated").status()).isEqualTo(200);
        assertThat(putAs("alice", id, "retired").status()).isEqualTo(200);

        List<CloudEvent> events = about(Feed.after("alice", start, 100), id);
        assertThat(types(events))
                .containsExactly(
                        "io.meshport.product.published",
                        "io.meshport.product.deprecated",
                        "io.meshport.product.retired");
        for (CloudEvent event : events) {
            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            assertThat(event.getSource()).isEqualTo(URI.create("/api/v1/data-products"));
            assertThat(event.getSubject()).isEqualTo(id);
            assertThat(event.getTime()).isNotNull();
            assertThat(event.getDataContentType()).isEqualTo("application/json");
        }
        JsonNode published = data(events.get(0));
        assertThat(published.path("id").asString()).isEqualTo(id);
        assertThat(published.path("name").asString()).isEqualTo("Product " + id);
        assertThat(published.path("team").asString()).isEqualTo("sales");
        assertThat(published.path("status").asString()).isEqualTo("active");
        assertThat(published.path("previousStatus").asString()).isEqualTo("draft");
        JsonNode retired = data(events.get(2));
        assertThat(retired.path("status").asString()).isEqualTo("retired");
        assertThat(retired.path("version").isNull())
                .as("the document names no version")
                .isTrue();
        assertThat(retired.path("previousStatus").asString()).isEqualTo("deprecated");
        assertThat(events.get(0).getTime()).isBeforeOrEqualTo(events.get(2).getTime());
    }

    @Test
    void each_published_contract_version_appears_once_with_its_changes() {
        String start = Feed.tail("dave");
        String id = newId("contract");
        assertThat(putContract(id, "1.0.0", true).status()).isEqualTo(201);
        assertThat(putContract(id, "1.0.0", true).status())
                .as("the same document again is no new version")
                .isEqualTo(200);
        assertThat(putContract(id, "2.0.0", false).status()).isEqualTo(200);

        List<CloudEvent> events = about(Feed.after("dave", start, 100), id);
        assertThat(types(events))
                .containsExactly("io.meshport.contract.version.published", "io.meshport.contract.version.published");
        assertThat(events.get(0).getSource()).isEqualTo(URI.create("/api/v1/data-contracts"));
        JsonNode first = data(events.get(0));
        assertThat(first.path("version").asString()).isEqualTo("1.0.0");
        assertThat(first.path("previousVersion").isNull()).isTrue();
        assertThat(first.path("team").asString()).isEqualTo("sales");
        JsonNode second = data(events.get(1));
        assertThat(second.path("id").asString()).isEqualTo(id);
        assertThat(second.path("version").asString()).isEqualTo("2.0.0");
        assertThat(second.path("previousVersion").asString()).isEqualTo("1.0.0");
        assertThat(second.path("breaking").asBoolean()).isTrue();
        assertThat(second.path("changes").toString()).contains("note");
        assertThat(second.path("publishedBy").isString()).isTrue();
    }

    /** A contract with one object, {@code orders}, whose properties are {@code id} and maybe {@code note}. */
    private static Api.Response putContract(String id, String version, boolean withNote) {
        String yaml = "apiVersion: v3.1.0\nkind: DataContract\nid: " + id + "\nversion: " + version
                + "\nstatus: active\nteam:\n  name: sales\nschema:\n  - name: orders\n    properties:\n"
                + "      - name: id\n        logicalType: string\n"
                + (withNote ? "      - name: note\n        logicalType: string\n" : "");
        return Api.as("alice").put("/api/v1/data-contracts/" + id, yaml, "application/yaml");
    }

    @Test
    void the_feed_is_cloudevents_json_in_structured_mode_with_a_next_link() {
        String start = Feed.tail("dave");
        String id = newId("shape");
        assertThat(putAs("alice", id, "active").status()).isEqualTo(201);

        Feed.Page page = Feed.page("dave", start, 10);
        assertThat(page.response().header("Content-Type")).startsWith("application/cloudevents-batch+json");
        JsonNode first = page.response().json().get(0);
        assertThat(first.path("specversion").asString()).isEqualTo("1.0");
        for (String attribute : List.of("id", "source", "type", "time", "subject", "datacontenttype")) {
            assertThat(first.path(attribute).isString()).as(attribute).isTrue();
        }
        assertThat(first.path("data").isObject())
                .as("JSON data inline, not base64")
                .isTrue();
        assertThat(first.has("data_base64")).isFalse();
        CloudEvent created = about(page.events(), id).getFirst();
        assertThat(created.getType()).isEqualTo("io.meshport.product.published");
        assertThat(data(created).path("previousStatus").isNull())
                .as("created as active")
                .isTrue();
        String last = page.events().getLast().getId();
        assertThat(page.response().header("Link"))
                .isEqualTo("</api/v1/events?after=" + last + "&limit=10>; rel=\"next\"");

        Api.Response asJson = Api.as("dave").get("/api/v1/events?limit=1", "application/json");
        assertThat(asJson.status()).isEqualTo(200);
        assertThat(asJson.header("Content-Type")).startsWith("application/json");
        assertThat(Feed.parse(asJson.body())).hasSize(1);
    }

    @Test
    void paging_with_after_walks_the_whole_feed_without_gaps_or_repeats() {
        String start = Feed.tail("carol");
        Set<String> products = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            String id = newId("page" + i);
            products.add(id);
            assertThat(putAs("alice", id, "active").status()).isEqualTo(201);
        }
        List<String> stored = jdbc.sql("select id::text from platform_event order by position")
                .query(String.class)
                .list();

        List<CloudEvent> inPagesOfThree = Feed.after("carol", start, 3);
        List<CloudEvent> atOnce = Feed.page("carol", start, 1000).events();
        assertThat(ids(inPagesOfThree)).doesNotHaveDuplicates().isEqualTo(ids(atOnce));
        assertThat(inPagesOfThree.stream().map(CloudEvent::getSubject)).containsAll(products);

        List<String> whole = ids(Feed.after("carol", null, 1000));
        assertThat(whole).doesNotHaveDuplicates();
        assertThat(whole.subList(0, stored.size()))
                .as("governance walks every stored event, in position order")
                .isEqualTo(stored);
        List<String> inPagesOfFiveHundred = ids(Feed.after("carol", null, 500));
        assertThat(inPagesOfFiveHundred.subList(0, stored.size())).isEqualTo(stored);
    }

    @Test
    void a_refused_write_leaves_no_event() {
        String start = Feed.tail("carol");

        String notTheirs = newId("forbidden");
        assertThat(putAs("bob", notTheirs, "active").status()).isEqualTo(403);

        // The second product closes a cycle: lineage refuses it after the catalog announced it.
        String upstream = newId("cycle-a");
        String closing = newId("cycle-b");
        contract(upstream + "-v1");
        contract(closing + "-v1");
        Api.Response first = put("alice", upstream, ports(upstream, closing + "-v1", upstream + "-v1"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response refused = put("alice", closing, ports(closing, upstream + "-v1", closing + "-v1"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);

        // Published through the service, then the transaction rolls back.
        String rolledBack = newId("rollback");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            RunAs.user(
                    "alice",
                    List.of("sales"),
                    () -> catalog.publishProduct(
                            rolledBack, product(rolledBack, "active"), DocumentFormat.YAML, null, null));
            status.setRollbackOnly();
        });

        List<CloudEvent> events = Feed.after("carol", start, 100);
        assertThat(about(events, upstream)).hasSize(1);
        assertThat(about(events, notTheirs)).isEmpty();
        assertThat(about(events, closing)).isEmpty();
        assertThat(about(events, rolledBack)).isEmpty();
        assertThat(jdbc.sql("select count(*) from platform_event where subject in (:ids)")
                        .param("ids", List.of(notTheirs, closing, rolledBack))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void product_events_are_read_by_every_signed_in_caller_and_nobody_anonymous() {
        String start = Feed.tail("carol");
        String id = newId("public");
        assertThat(putAs("alice", id, "active").status()).isEqualTo(201);
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            assertThat(about(Feed.after(user, start, 1000), id)).as(user).hasSize(1);
        }
        assertThat(Api.anonymous().get("/api/v1/events", "application/json").status())
                .isEqualTo(401);
    }

    @Test
    void bad_parameters_are_400_problems_never_5xx() {
        String unknown = UUID.randomUUID().toString();
        for (String query : List.of(
                "after=not-an-id",
                "after=1-2-3-4-5",
                "after=" + unknown,
                "after=%C3%A9v%C3%A9nement",
                "after=" + unknown + "&after=" + unknown,
                "after=" + "f".repeat(5000),
                "limit=0",
                "limit=-1",
                "limit=1001",
                "limit=abc",
                "limit=1e3",
                "limit=99999999999999999999",
                "limit=%E2%88%9E")) {
            Api.Response response = Api.as("alice").get("/api/v1/events?" + query, "application/json");
            assertThat(response.status()).as(query + " → " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.pointers()).as(query).hasSize(1);
        }
        assertThat(Api.as("alice")
                        .get("/api/v1/events?after=" + unknown, "application/json")
                        .json()
                        .path("detail")
                        .asString())
                .contains("No event has the id " + unknown);
        assertThat(Api.as("alice").get("/api/v1/events?after=&limit=", "*/*").status())
                .as("empty parameters are the defaults")
                .isEqualTo(200);
        assertThat(Api.as("alice").get("/api/v1/events?limit=1000", "*/*").status())
                .isEqualTo(200);
    }

    @Test
    void the_openapi_document_describes_the_feed() {
        JsonNode paths =
                Api.as("dave").get("/v3/api-docs", "application/json").json().path("paths");
        assertThat(paths.path("/api/v1/events").has("get")).isTrue();
    }

    private static String ports(String id, String consumes, String provides) {
        return TestDocuments.product(id, "sales", "active") + """
                description:
                  purpose: One half of a cycle.
                inputPorts:
                  - name: in
                    version: 1.0.0
                    contractId: %s
                outputPorts:
                  - name: out
                    version: 1.0.0
                    contractId: %s
                """.formatted(consumes, provides);
    }
}

package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * If-Match and If-None-Match on products and contracts (RFC 9110 §13): a well-formed tag that is
 * not the current one is stale (409), If-Match on nothing is 412 and creates nothing, weak tags
 * never match, If-None-Match: * creates only.
 */
@MeshportTest
class PreconditionsTest {

    static final AtomicInteger NEXT = new AtomicInteger();

    @Test
    void a_well_formed_tag_that_is_not_the_current_one_is_stale_not_bad() {
        for (Kind kind : Kind.values()) {
            String id = kind.create();
            Api.Response stale = Api.as("alice")
                    .header("If-Match", "\"not-a-revision\"")
                    .put(kind.path(id), kind.document(id, "Two"), "application/yaml");
            assertThat(stale.status()).as(kind + " " + stale).isEqualTo(409);
            assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Api.as("alice").get(kind.path(id), "application/yaml").body())
                    .doesNotContain("Two");
        }
    }

    @Test
    void a_list_of_tags_holds_when_one_is_current() {
        for (Kind kind : Kind.values()) {
            String id = kind.create();
            String etag = Api.as("alice").get(kind.path(id), "application/json").header("ETag");
            Api.Response put = Api.as("alice")
                    .header("If-Match", "\"41\", " + etag)
                    .put(kind.path(id), kind.document(id, "Two"), "application/yaml");
            assertThat(put.status()).as(kind + " " + put).isEqualTo(200);
        }
    }

    @Test
    void a_weak_tag_never_matches() {
        for (Kind kind : Kind.values()) {
            String id = kind.create();
            String etag = Api.as("alice").get(kind.path(id), "application/json").header("ETag");
            Api.Response put = Api.as("alice")
                    .header("If-Match", "W/" + etag)
                    .put(kind.path(id), kind.document(id, "Two"), "application/yaml");
            assertThat(put.status()).as(kind + " " + put).isEqualTo(409);
        }
    }

    @Test
    void if_match_any_on_nothing_is_412_and_creates_nothing() {
        for (Kind kind : Kind.values()) {
            String id = kind.newId();
            Api.Response put = Api.as("alice")
                    .header("If-Match", "*")
                    .put(kind.path(id), kind.document(id, "One"), "application/yaml");
            assertThat(put.status()).as(kind + " " + put).isEqualTo(412);
            assertThat(put.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Api.as("alice").get(kind.path(id), "application/json").status())
                    .isEqualTo(404);

            Api.Response tagged = Api.as("alice")
                    .header("If-Match", "\"1\"")
                    .put(kind.path(id), kind.document(id, "One"), "application/yaml");
            assertThat(tagged.status()).as(kind + " " + tagged).isEqualTo(412);
            assertThat(Api.as("alice").get(kind.path(id), "application/json").status())
                    .isEqualTo(404);
        }
    }

    @Test
    void if_match_any_on_something_replaces_it() {
        for (Kind kind : Kind.values()) {
            String id = kind.create();
            Api.Response put = Api.as("alice")
                    .header("If-Match", "*")
                    .put(kind.path(id), kind.document(id, "Two"), "application/yaml");
            assertThat(put.status()).as(kind + " " + put).isEqualTo(200);
        }
    }

    @Test
    void if_none_match_any_creates_only() {
        for (Kind kind : Kind.values()) {
            String id = kind.newId();
            Api.Response created = Api.as("alice")
                    .header("If-None-Match", "*")
                    .put(kind.path(id), kind.document(id, "One"), "application/yaml");
            assertThat(created.status()).as(kind + " " + created).isEqualTo(201);
            Api.Response again = Api.as("alice")
                    .header("If-None-Match", "*")
                    .put(kind.path(id), kind.document(id, "Two"), "application/yaml");
            assertThat(again.status()).as(kind + " " + again).isEqualTo(412);
            assertThat(again.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Api.as("alice").get(kind.path(id), "application/yaml").body())
                    .doesNotContain("Two");
        }
    }

    @Test
    void a_malformed_if_match_is_a_400_problem() {
        String id = Kind.PRODUCT.create();
        Api.Response put = Api.as("alice")
                .header("If-Match", "not quoted")
                .put(Kind.PRODUCT.path(id), Kind.PRODUCT.document(id, "Two"), "application/yaml");
        assertThat(put.status()).as(put.toString()).isEqualTo(400);
    }

    enum Kind {
        PRODUCT {
            @Override
            String path(String id) {
                return "/api/v1/data-products/" + id;
            }

            @Override
            String document(String id, String name) {
                return """
                        apiVersion: v1.0.0
                        kind: DataProduct
                        id: %s
                        name: %s
                        status: draft
                        team:
                          name: sales
                        """.formatted(id, name);
            }
        },
        CONTRACT {
            @Override
            String path(String id) {
                return "/api/v1/data-contracts/" + id;
            }

            @Override
            String document(String id, String name) {
                return """
                        apiVersion: v3.1.0
                        kind: DataContract
                        id: %s
                        name: %s
                        version: 1.0.0
                        status: active
                        team:
                          name: sales
                        """.formatted(id, name);
            }
        };

        abstract String path(String id);

        abstract String document(String id, String name);

        String newId() {
            return "preconditions-" + name().toLowerCase(java.util.Locale.ROOT) + "-" + NEXT.incrementAndGet() + "-"
                    + Long.toString(System.nanoTime(), 36);
        }

        String create() {
            String id = newId();
            Api.Response created = Api.as("alice").put(path(id), document(id, "One"), "application/yaml");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return id;
        }
    }
}

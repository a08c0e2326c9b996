package io.meshport.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.ApiKeys;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestDocuments;
import io.meshport.testing.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A team's key on pipeline calls: it acts for its team with the team members' rights, and for no
 * other team; revoked or expired, it opens nothing.
 */
@MeshportTest
class ApiKeyUseTest {

    @Autowired
    JdbcClient jdbc;

    ApiKeys.Created sales;
    String s;

    @BeforeEach
    void aKeyOfTeamSales() {
        sales = ApiKeys.create(Tokens.forUser("alice"), "sales", ApiKeys.uniqueName(), null);
        s = "key" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    @Test
    void a_sales_key_publishes_a_sales_product_and_posts_its_observations() {
        String id = s + "-orders";
        Api.Response created =
                sales.api().put(product(id), TestDocuments.product(id, "sales", "draft"), "application/yaml");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response replaced =
                sales.api().put(product(id), TestDocuments.product(id, "sales", "deprecated"), "application/yaml");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);

        Api.Response observed =
                sales.api().post(product(id) + "/observations", "[" + updated(s + "-run-1") + "]", "application/json");
        assertThat(observed.status()).as(observed.toString()).isEqualTo(201);
        assertThat(observed.json().path("recorded").path(0).asString()).isEqualTo(s + "-run-1");

        // The history names the key as the one who acted.
        assertThat(jdbc.sql("""
                        select u.username from change_record c join app_user u on u.id = c.actor_id
                         where c.subject_type = 'product' and c.subject_id = :id order by c.id desc limit 1""").param("id", id).query(String.class).optional()).hasValue("key:sales/" + sales.name());
    }

    @Test
    void a_sales_key_cannot_change_a_marketing_product_and_nothing_changes() {
        String id = s + "-campaigns";
        assertThat(Api.as("bob")
                        .put(product(id), TestDocuments.product(id, "marketing", "draft"), "application/yaml")
                        .status())
                .isEqualTo(201);
        String before = Api.as("bob").get(product(id), "application/yaml").body();

        Api.Response taken =
                sales.api().put(product(id), TestDocuments.product(id, "sales", "draft"), "application/yaml");
        Api.Response changed =
                sales.api().put(product(id), TestDocuments.product(id, "marketing", "active"), "application/yaml");
        Api.Response observed =
                sales.api().post(product(id) + "/observations", "[" + updated(s + "-run-x") + "]", "application/json");

        assertThat(taken.status()).as(taken.toString()).isEqualTo(403);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(403);
        assertThat(observed.status()).as(observed.toString()).isEqualTo(403);
        assertThat(Api.as("bob").get(product(id), "application/yaml").body()).isEqualTo(before);
    }

    @Test
    void a_key_manages_no_keys() {
        Api.Response create = sales.api()
                .post(
                        "/api/v1/api-keys",
                        "{\"name\": \"" + ApiKeys.uniqueName() + "\", \"team\": \"sales\"}",
                        "application/json");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().path("detail").asString()).contains("An API key may not create API keys");
        assertThat(sales.api().delete("/api/v1/api-keys/" + sales.id()).status())
                .isEqualTo(403);
        assertThat(sales.api().get("/api/v1/me", "application/json").status()).isEqualTo(200);
    }

    @Test
    void a_revoked_key_stops_working() {
        String id = s + "-revoked";
        assertThat(sales.api()
                        .put(product(id), TestDocuments.product(id, "sales", "draft"), "application/yaml")
                        .status())
                .isEqualTo(201);
        ApiKeys.revoke(Tokens.forUser("alice"), sales.id());

        Api.Response refused =
                sales.api().put(product(id), TestDocuments.product(id, "sales", "active"), "application/yaml");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asString()).contains("was revoked on");
        // Whoever sends the key learns that it is revoked, not who in the team revoked it.
        assertThat(refused.json().path("detail").asString()).doesNotContain(" by ");
        assertThat(Api.as("alice").get(product(id), "application/yaml").body()).contains("status: draft");
    }

    @Test
    void an_expired_key_stops_working() {
        String id = s + "-expired";
        assertThat(sales.api()
                        .put(product(id), TestDocuments.product(id, "sales", "draft"), "application/yaml")
                        .status())
                .isEqualTo(201);
        // The key as it stands once its expiry has passed; ApiKeyExpiryTest moves the clock instead.
        jdbc.sql("""
                        update api_key set created_at = now() - interval '2 days', expires_at = now() - interval '1 second'
                         where id = :id""").param("id", sales.id()).update();

        Api.Response refused =
                sales.api().post(product(id) + "/observations", "[" + updated(s + "-late") + "]", "application/json");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asString()).contains("expired on");
    }

    @Test
    void the_time_of_the_last_use_is_recorded() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(sales.api()
                        .get("/api/v1/data-products?q=orders", "application/json")
                        .status())
                .isEqualTo(200);
        String lastUsed = Api.as("alice")
                .get("/api/v1/api-keys/" + sales.id(), "application/json")
                .json()
                .path("lastUsedAt")
                .asString();
        assertThat(Instant.parse(lastUsed)).isAfterOrEqualTo(before);
    }

    private static String product(String id) {
        return "/api/v1/data-products/" + id;
    }

    private static String updated(String observationId) {
        return "{\"id\": \"" + observationId + "\", \"kind\": \"updated\", \"at\": \""
                + Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS) + "\", \"detail\": \"loaded\"}";
    }
}

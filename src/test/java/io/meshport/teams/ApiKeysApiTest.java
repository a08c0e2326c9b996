package io.meshport.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.ApiKeys;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.Tokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/api-keys}: a team's members create, list and revoke its keys; governance lists and
 * revokes any team's; the secret is answered once; a key acts as its team and manages no keys.
 */
@MeshportTest
class ApiKeysApiTest {

    static final String BASE = "/api/v1/api-keys";

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_member_creates_a_key_and_its_secret_is_answered_this_once_only() {
        String name = ApiKeys.uniqueName();
        Api.Response created =
                alice().post(BASE, "{\"name\": \"" + name + "\", \"team\": \"sales\"}", "application/json");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode key = created.json();
        String id = key.path("id").asString();
        String secret = key.path("secret").asString();
        assertThat(created.header("Location")).endsWith(BASE + "/" + id);
        assertThat(created.header("Cache-Control")).contains("no-store");
        assertThat(secret).matches("mpk_[A-Za-z0-9_-]{43}");
        assertThat(key.path("name").asString()).isEqualTo(name);
        assertThat(key.path("team").asString()).isEqualTo("sales");
        assertThat(key.path("prefix").asString()).isEqualTo(secret.substring(0, 12));
        assertThat(key.path("state").asString()).isEqualTo("active");
        assertThat(key.path("createdBy").asString()).isEqualTo("Alice Andersen");
        assertThat(key.path("expiresAt").isNull()).isTrue();

        Api.Response listed = alice().get(BASE + "?team=sales&limit=500", "application/json");
        Api.Response one = alice().get(BASE + "/" + id, "application/json");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(ids(listed.json())).contains(id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("name").asString()).isEqualTo(name);
        assertThat(one.json().has("secret")).isFalse();
        for (Api.Response later : List.of(listed, one)) {
            assertThat(later.body()).doesNotContain(secret).doesNotContain(secret.substring(12));
        }
        // Stored as a digest only: no column holds the secret.
        assertThat(jdbc.sql("select count(*) from api_key where id = :id and (prefix = :secret or name = :secret)")
                        .param("id", UUID.fromString(id))
                        .param("secret", secret)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select secret_hash = sha256(convert_to(:secret, 'UTF8')) from api_key where id = :id")
                        .param("id", UUID.fromString(id))
                        .param("secret", secret)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void a_key_acts_as_its_team_and_nobodys_governance() {
        ApiKeys.Created key = ApiKeys.create(Tokens.forUser("alice"), "sales", ApiKeys.uniqueName(), null);

        Api.Response me = key.api().get("/api/v1/me", "application/json");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("issuer").asString()).isEqualTo("urn:meshport:api-key");
        assertThat(me.json().path("subject").asString()).isEqualTo(key.id().toString());
        assertThat(me.json().path("username").asString()).isEqualTo("key:sales/" + key.name());
        assertThat(me.json().path("displayName").asString()).isEqualTo("API key '" + key.name() + "' of sales");
        assertThat(strings(me.json().path("teams"))).containsExactly("sales");
        assertThat(me.json().path("admin").asBoolean()).isFalse();
    }

    @Test
    void tokens_of_the_identity_provider_keep_working_beside_keys() {
        assertThat(alice().get("/api/v1/me", "application/json").status()).isEqualTo(200);
        assertThat(Api.as("sales-ci").get("/api/v1/me", "application/json").status())
                .isEqualTo(200);
        ApiKeys.Created key = ApiKeys.create(Tokens.forPipeline("sales-ci"), "sales", ApiKeys.uniqueName(), null);
        assertThat(key.api().get("/api/v1/me", "application/json").status()).isEqualTo(200);
    }

    @Test
    void only_members_create_a_teams_keys_and_governance_does_not_create_them_for_others() {
        String name = ApiKeys.uniqueName();
        for (String outsider : List.of("bob", "dave", "carol", "marketing-ci", "governance-ci")) {
            Api.Response refused = Api.as(outsider)
                    .post(BASE, "{\"name\": \"" + name + "\", \"team\": \"sales\"}", "application/json");
            assertThat(refused.status()).as(outsider + ": " + refused).isEqualTo(403);
            assertThat(refused.json().path("detail").asString()).contains("Only members of team 'sales'");
        }
        Api.Response unknown =
                alice().post(BASE, "{\"name\": \"" + name + "\", \"team\": \"no-such-team\"}", "application/json");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(403);
        assertThat(stored(name)).isZero();
    }

    @Test
    void no_key_acts_as_governance_so_none_is_made_for_the_governance_group() {
        String name = ApiKeys.uniqueName();
        Api.Response refused = Api.as("carol")
                .post(BASE, "{\"name\": \"" + name + "\", \"team\": \"mesh-admins\"}", "application/json");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.pointers()).containsExactly("/team");
        assertThat(stored(name)).isZero();
        // Carol's other team is a team like any.
        ApiKeys.Created finance = ApiKeys.create(Tokens.forUser("carol"), "finance", name, null);
        assertThat(finance.team()).isEqualTo("finance");
    }

    @Test
    void members_see_their_teams_keys_and_governance_sees_every_teams() {
        ApiKeys.Created sales = ApiKeys.create(Tokens.forUser("alice"), "sales", ApiKeys.uniqueName(), null);
        ApiKeys.Created marketing = ApiKeys.create(Tokens.forUser("bob"), "marketing", ApiKeys.uniqueName(), null);

        List<String> alices =
                ids(alice().get(BASE + "?limit=500", "application/json").json());
        assertThat(alices)
                .contains(sales.id().toString())
                .doesNotContain(marketing.id().toString());
        Api.Response othersTeam = alice().get(BASE + "?team=marketing", "application/json");
        assertThat(othersTeam.status()).isEqualTo(403);
        assertThat(alice().get(BASE + "/" + marketing.id(), "application/json").status())
                .isEqualTo(403);
        assertThat(Api.as("dave").get(BASE, "application/json").json().size()).isZero();

        List<String> carols =
                ids(Api.as("carol").get(BASE + "?limit=500", "application/json").json());
        assertThat(carols).contains(sales.id().toString(), marketing.id().toString());
        assertThat(ids(Api.as("carol")
                        .get(BASE + "?team=marketing&limit=500", "application/json")
                        .json()))
                .contains(marketing.id().toString())
                .doesNotContain(sales.id().toString());
    }

    @Test
    void a_revoked_key_is_refused_at_once_and_revoking_again_changes_nothing() {
        ApiKeys.Created key = ApiKeys.create(Tokens.forUser("alice"), "sales", ApiKeys.uniqueName(), null);
        assertThat(key.api().get("/api/v1/me", "application/json").status()).isEqualTo(200);

        assertThat(Api.as("bob").delete(BASE + "/" + key.id()).status()).isEqualTo(403);
        assertThat(key.api().get("/api/v1/me", "application/json").status()).isEqualTo(200);
        assertThat(alice().delete(BASE + "/" + key.id()).status()).isEqualTo(204);

        Api.Response refused = key.api().get("/api/v1/me", "application/json");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(refused.json().path("detail").asString())
                .contains("The API key '" + key.name() + "' of team sales was revoked on")
                .doesNotContain("Alice Andersen");
        JsonNode after = alice().get(BASE + "/" + key.id(), "application/json").json();
        assertThat(after.path("state").asString()).isEqualTo("revoked");
        assertThat(after.path("revokedBy").asString()).isEqualTo("Alice Andersen");

        assertThat(alice().delete(BASE + "/" + key.id()).status()).isEqualTo(204);
        assertThat(alice().get(BASE + "/" + key.id(), "application/json")
                        .json()
                        .path("revokedAt")
                        .asString())
                .isEqualTo(after.path("revokedAt").asString());
    }

    @Test
    void governance_revokes_any_teams_key() {
        ApiKeys.Created key = ApiKeys.create(Tokens.forUser("bob"), "marketing", ApiKeys.uniqueName(), null);
        assertThat(Api.as("carol").delete(BASE + "/" + key.id()).status()).isEqualTo(204);
        assertThat(key.api().get("/api/v1/me", "application/json").status()).isEqualTo(401);
    }

    @Test
    void an_unknown_or_malformed_key_id_is_404() {
        Api.Response unknown = alice().delete(BASE + "/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        Api.Response malformed = alice().delete(BASE + "/not-a-key");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().path("detail").asString()).contains("UUIDs");
        assertThat(alice().get(BASE + "/" + UUID.randomUUID(), "application/json")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_request_authenticated_by_a_key_may_not_create_or_revoke_keys_but_may_list_its_team() {
        ApiKeys.Created key = ApiKeys.create(Tokens.forUser("alice"), "sales", ApiKeys.uniqueName(), null);
        ApiKeys.Created other = ApiKeys.create(Tokens.forUser("alice"), "sales", ApiKeys.uniqueName(), null);
        String name = ApiKeys.uniqueName();

        Api.Response create =
                key.api().post(BASE, "{\"name\": \"" + name + "\", \"team\": \"sales\"}", "application/json");
        assertThat(create.status()).as(create.toString()).isEqualTo(403);
        assertThat(create.json().path("detail").asString()).startsWith("An API key may not create API keys");
        Api.Response revoke = key.api().delete(BASE + "/" + other.id());
        assertThat(revoke.status()).isEqualTo(403);
        assertThat(revoke.json().path("detail").asString()).startsWith("An API key may not revoke API keys");
        assertThat(revoke.body()).doesNotContain(key.secret());

        assertThat(stored(name)).isZero();
        assertThat(other.api().get("/api/v1/me", "application/json").status()).isEqualTo(200);
        Api.Response list = key.api().get(BASE + "?team=sales&limit=500", "application/json");
        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list.json())).contains(key.id().toString(), other.id().toString());
    }

    @Test
    void a_name_is_unique_in_a_team_among_keys_not_revoked() {
        ApiKeys.Created first = ApiKeys.create(Tokens.forUser("alice"), "sales", ApiKeys.uniqueName(), null);
        String again = "{\"name\": \"" + first.name().toUpperCase() + "\", \"team\": \"sales\"}";

        Api.Response taken = alice().post(BASE, again, "application/json");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.pointers()).containsExactly("/name");
        assertThat(ApiKeys.create(Tokens.forUser("bob"), "marketing", first.name(), null)
                        .team())
                .isEqualTo("marketing");

        ApiKeys.revoke(Tokens.forUser("alice"), first.id());
        assertThat(alice().post(BASE, again, "application/json").status()).isEqualTo(201);
    }

    @Test
    void an_expiry_day_stops_the_key_at_the_start_of_that_day_in_utc() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        ApiKeys.Created key = ApiKeys.create(Tokens.forUser("alice"), "sales", ApiKeys.uniqueName(), day.toString());
        JsonNode shown = alice().get(BASE + "/" + key.id(), "application/json").json();
        assertThat(Instant.parse(shown.path("expiresAt").asString()))
                .isEqualTo(day.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(shown.path("state").asString()).isEqualTo("active");

        ApiKeys.Created timed =
                ApiKeys.create(Tokens.forUser("alice"), "sales", ApiKeys.uniqueName(), day + "T12:30:00+02:00");
        assertThat(Instant.parse(alice().get(BASE + "/" + timed.id(), "application/json")
                        .json()
                        .path("expiresAt")
                        .asString()))
                .isEqualTo(day.atTime(10, 30).toInstant(ZoneOffset.UTC));
    }

    @Test
    void an_expired_key_is_refused_saying_when_it_expired() {
        ApiKeys.Created key = ApiKeys.create(
                Tokens.forUser("alice"),
                "sales",
                ApiKeys.uniqueName(),
                LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
        assertThat(key.api().get("/api/v1/me", "application/json").status()).isEqualTo(200);
        // As the row stands once its day has passed (the service on a moved clock: ApiKeyExpiryTest).
        jdbc.sql("""
                        update api_key set created_at = timestamptz '2026-01-01 00:00:00+00',
                                           expires_at = timestamptz '2026-01-02 00:00:00+00'
                         where id = :id""").param("id", key.id()).update();

        Api.Response refused = key.api().get("/api/v1/me", "application/json");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("The API key '" + key.name() + "' of team sales expired on 2026-01-02 00:00 UTC; create a"
                        + " new key in Team settings.");
        assertThat(alice().get(BASE + "/" + key.id(), "application/json")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("expired");
    }

    @Test
    void unknown_and_malformed_keys_are_refused_saying_what_is_wrong_without_echoing_them() {
        String unknown = "mpk_" + "A".repeat(43);
        Api.Response notAKey = Api.withToken(unknown).get("/api/v1/me", "application/json");
        assertThat(notAKey.status()).isEqualTo(401);
        assertThat(notAKey.json().path("detail").asString()).startsWith("Unknown API key");
        assertThat(notAKey.body()).doesNotContain(unknown);

        Api.Response malformed = Api.withToken("mpk_short").get("/api/v1/me", "application/json");
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.json().path("detail").asString()).startsWith("This is not a Meshport API key");
        assertThat(malformed.body()).doesNotContain("mpk_short");
    }

    @Test
    void the_last_use_is_recorded_about_once_a_minute_not_on_every_request() {
        ApiKeys.Created key = ApiKeys.create(Tokens.forUser("alice"), "sales", ApiKeys.uniqueName(), null);
        assertThat(lastUsed(key.id())).isNull();
        Instant before = Instant.now().minusSeconds(1);

        assertThat(key.api().get("/api/v1/me", "application/json").status()).isEqualTo(200);
        Instant first = lastUsed(key.id());
        assertThat(first).isNotNull().isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(key.api().get("/api/v1/me", "application/json").status()).isEqualTo(200);
        assertThat(lastUsed(key.id())).isEqualTo(first);
        assertThat(Instant.parse(alice().get(BASE + "/" + key.id(), "application/json")
                        .json()
                        .path("lastUsedAt")
                        .asString()))
                .isEqualTo(first);

        // A minute and more later, the next request is written again.
        jdbc.sql("update api_key set last_used_at = last_used_at - interval '61 seconds' where id = :id")
                .param("id", key.id())
                .update();
        assertThat(key.api().get("/api/v1/me", "application/json").status()).isEqualTo(200);
        assertThat(lastUsed(key.id())).isAfter(first.minusSeconds(1));
    }

    private Instant lastUsed(UUID id) {
        return jdbc.sql("select last_used_at from api_key where id = :id")
                .param("id", id)
                .query((rs, row) -> {
                    java.time.OffsetDateTime at = rs.getObject(1, java.time.OffsetDateTime.class);
                    return at == null ? null : at.toInstant();
                })
                .list()
                .getFirst();
    }

    private long stored(String name) {
        return jdbc.sql("select count(*) from api_key where lower(name) = lower(:name)")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    static Api alice() {
        return Api.as("alice");
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(key -> ids.add(key.path("id").asString()));
        return ids;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}

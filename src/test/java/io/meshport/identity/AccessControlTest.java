package io.meshport.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestInfrastructure;
import io.meshport.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MeshportTest
class AccessControlTest {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_page_without_login_is_sent_to_the_identity_provider_with_pkce() throws Exception {
        HttpResponse<String> page = get("/", "text/html", null);
        assertThat(page.statusCode()).isEqualTo(302);
        String toAuthorization = page.headers().firstValue("Location").orElseThrow();
        assertThat(toAuthorization).endsWith("/oauth2/authorization/meshport");

        HttpResponse<String> authorization = get(toAuthorization, "text/html", null);
        assertThat(authorization.statusCode()).isEqualTo(302);
        String toProvider = authorization.headers().firstValue("Location").orElseThrow();
        assertThat(toProvider)
                .startsWith(TestInfrastructure.issuer() + "/oauth2/authorize?")
                .contains("response_type=code", "client_id=meshport", "code_challenge=", "code_challenge_method=S256");
    }

    @Test
    void health_answers_without_login_and_is_up_once_search_is_ready() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> health = get("/actuator/health", "application/json", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json.readTree(health.body()).path("status").asString()).isEqualTo("UP");
        });
    }

    @Test
    void the_api_refuses_a_request_without_a_token() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", "application/json", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void the_api_refuses_a_token_signed_by_another_issuer() throws Exception {
        String foreign = Tokens.fromForeignIssuer("alice", List.of("sales", "mesh-admins"));
        assertThat(get("/api/v1/me", "application/json", foreign).statusCode()).isEqualTo(401);
    }

    @Test
    void the_api_refuses_a_tampered_token() throws Exception {
        String token = Tokens.forPipeline("sales-ci");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(get("/api/v1/me", "application/json", tampered).statusCode()).isEqualTo(401);
    }

    @Test
    void a_pipeline_token_acts_for_its_team() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", "application/json", Tokens.forPipeline("sales-ci"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json.readTree(response.body());
        assertThat(me.path("username").asString()).isEqualTo("sales-ci");
        assertThat(me.path("teams").toString()).isEqualTo("[\"sales\"]");
        assertThat(me.path("admin").asBoolean()).isFalse();
    }

    @Test
    void a_person_token_carries_the_groups_of_the_identity_provider_as_teams() throws Exception {
        JsonNode carol = json.readTree(
                get("/api/v1/me", "application/json", Tokens.forUser("carol")).body());
        assertThat(carol.path("issuer").asString()).isEqualTo(TestInfrastructure.issuer());
        assertThat(carol.path("username").asString()).isEqualTo("carol");
        assertThat(carol.path("displayName").asString()).isEqualTo("Carol Castillo");
        assertThat(carol.path("teams").toString()).isEqualTo("[\"finance\",\"mesh-admins\"]");
        assertThat(carol.path("admin").asBoolean()).isTrue();

        JsonNode dave = json.readTree(
                get("/api/v1/me", "application/json", Tokens.forUser("dave")).body());
        assertThat(dave.path("teams").toString()).isEqualTo("[]");
        assertThat(dave.path("admin").asBoolean()).isFalse();
    }

    @Test
    void the_api_sets_no_session_cookie() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", "application/json", Tokens.forPipeline("sales-ci"));
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    private HttpResponse<String> get(String pathOrUri, String accept, @Nullable String token)
            throws IOException, InterruptedException {
        URI uri = pathOrUri.startsWith("http")
                ? URI.create(pathOrUri)
                : URI.create(TestInfrastructure.portalUrl() + pathOrUri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", accept);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

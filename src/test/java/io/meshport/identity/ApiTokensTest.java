package io.meshport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestInfrastructure;
import io.meshport.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API token must be an access token meant for Meshport (its audience) that names a subject;
 * well signed by the trusted issuer is not enough.
 */
@MeshportTest
@ExtendWith(OutputCaptureExtension.class)
class ApiTokensTest {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void the_portals_and_the_pipelines_tokens_carry_the_audience_and_work() throws Exception {
        assertThat(me(Tokens.forUser("alice")).statusCode()).isEqualTo(200);
        assertThat(me(Tokens.forPipeline("sales-ci")).statusCode()).isEqualTo(200);
        assertThat(me(Tokens.forClient("token-lab", Map.of())).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_without_an_audience_is_refused() throws Exception {
        assertRefused(me(Tokens.forClient("token-lab", Map.of("without", "aud"))), "aud");
    }

    @Test
    void a_token_for_another_audience_is_refused() throws Exception {
        assertRefused(me(Tokens.forClient("token-lab", Map.of("audience", "reporting-app"))), "meshport");
    }

    @Test
    void another_client_of_the_same_provider_is_refused() throws Exception {
        assertRefused(me(Tokens.forPipeline("reporting-app")), "meshport");
    }

    @Test
    void an_id_token_is_no_api_credential() throws Exception {
        String idToken = Tokens.idTokenFor("alice");
        assertThat(idToken).isNotBlank();
        assertRefused(me(idToken), "ID token");
    }

    @Test
    void a_valid_token_without_a_subject_is_a_401_problem_not_an_error_and_a_login_page(CapturedOutput output)
            throws Exception {
        int logged = output.getAll().length();
        HttpResponse<String> response = me(Tokens.forClient("token-lab", Map.of("without", "sub")));
        assertRefused(response, "subject");
        assertThat(output.getAll().substring(logged)).doesNotContain(" ERROR ");
    }

    private static void assertRefused(HttpResponse<String> response, String says) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer").contains("invalid_token"));
        assertThat(JsonMapper.shared().readTree(response.body()).path("detail").asString())
                .contains(says);
    }

    private HttpResponse<String> me(String token) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(TestInfrastructure.portalUrl() + "/api/v1/me"))
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

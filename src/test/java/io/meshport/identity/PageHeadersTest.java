package io.meshport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Pages carry a Content-Security-Policy, a Referrer-Policy and nosniff; the session cookie is
 * SameSite=Lax. (That Vaadin works under the policy, in a real browser, is ContentSecurityPolicyTest.)
 */
@MeshportTest
class PageHeadersTest {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pages_carry_a_content_security_policy_a_referrer_policy_and_nosniff() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void api_answers_carry_a_policy_that_allows_nothing() throws Exception {
        HttpResponse<String> api = get("/api/v1/me");
        assertThat(api.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'none'"));
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_http_only() throws Exception {
        // The sign-in keeps its state in the session while the browser is at the provider.
        HttpResponse<String> toProvider = get("/oauth2/authorization/meshport");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        assertThat(toProvider.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=")
                .containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("HttpOnly"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(TestInfrastructure.portalUrl() + path))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

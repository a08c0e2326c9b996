package io.meshport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.AbstractRequestLoggingFilter;

/**
 * A key's secret is in one answer (the one that creates it) and in no log line: not when it is
 * used, refused, mistyped or revoked, and not with Spring Security's and Spring MVC's own logging
 * turned up to trace and debug.
 */
@MeshportTest
@ExtendWith(OutputCaptureExtension.class)
class ApiKeySecretsNeverLoggedTest {

    @Autowired
    LoggingSystem logging;

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @Test
    void a_keys_whole_life_leaves_its_secret_in_no_log_line_and_in_no_answer_but_the_first(CapturedOutput output) {
        List<Api.Response> answers = new ArrayList<>();
        String secret;
        loud();
        try {
            String name = "logged-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
            Api.Response created = Api.as("alice")
                    .post("/api/v1/api-keys", "{\"name\": \"" + name + "\", \"team\": \"sales\"}", "application/json");
            assertThat(created.status()).isEqualTo(201);
            secret = created.json().path("secret").asString();
            String id = created.json().path("id").asString();
            Api key = Api.withToken(secret);
            String mine = "log-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
            String bobs = mine + "-bob";
            answers.add(Api.as("bob")
                    .put(
                            "/api/v1/data-products/" + bobs,
                            TestDocuments.product(bobs, "marketing", "draft"),
                            "application/yaml"));

            // Used successfully, refused for another team's product, refused managing keys, a bad request.
            answers.add(key.get("/api/v1/me", "application/json"));
            answers.add(key.put(
                    "/api/v1/data-products/" + mine,
                    TestDocuments.product(mine, "sales", "draft"),
                    "application/yaml"));
            answers.add(key.put(
                    "/api/v1/data-products/" + bobs,
                    TestDocuments.product(bobs, "sales", "draft"),
                    "application/yaml"));
            answers.add(key.post("/api/v1/api-keys", "{\"name\": \"x\", \"team\": \"sales\"}", "application/json"));
            answers.add(key.delete("/api/v1/api-keys/" + id));
            answers.add(key.post("/api/v1/api-keys", "{\"name\": ", "application/json"));
            answers.add(key.get("/api/v1/no-such-thing", "application/json"));
            // Malformed: cut short, with a character too many, with a stray space, lower-cased.
            answers.add(Api.withToken(secret.substring(0, 30)).get("/api/v1/me", "application/json"));
            answers.add(Api.withToken(secret + "x").get("/api/v1/me", "application/json"));
            answers.add(Api.withToken(secret.substring(0, 20) + " " + secret.substring(20))
                    .get("/api/v1/me", "application/json"));
            answers.add(Api.withToken(secret.toLowerCase()).get("/api/v1/me", "application/json"));
            // Listed and read by the team, then revoked and used again.
            answers.add(Api.as("alice").get("/api/v1/api-keys?team=sales&limit=500", "application/json"));
            answers.add(Api.as("alice").get("/api/v1/api-keys/" + id, "application/json"));
            answers.add(Api.as("alice").delete("/api/v1/api-keys/" + id));
            answers.add(key.get("/api/v1/me", "application/json"));
        } finally {
            quiet();
        }

        assertThat(answers.get(1).status()).isEqualTo(200);
        assertThat(answers.get(3).status()).isEqualTo(403);
        assertThat(answers.getLast().status()).isEqualTo(401);
        // The visible prefix is meant to be seen; the rest of the secret never is.
        String hidden = secret.substring(ApiKeySecrets.VISIBLE);
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain(hidden);
        for (Api.Response answer : answers) {
            assertThat(answer.body()).as(answer.toString()).doesNotContain(hidden);
            answer.raw().headers().map().values().forEach(values -> assertThat(values.toString())
                    .doesNotContain(hidden));
        }
    }

    @Test
    void no_request_logging_prints_the_authorization_header() {
        assertThat(context.getBeansOfType(AbstractRequestLoggingFilter.class)).isEmpty();
        assertThat(environment.getProperty("server.tomcat.accesslog.enabled", Boolean.class, false))
                .isFalse();
        assertThat(environment.getProperty("spring.mvc.log-request-details", Boolean.class, false))
                .isFalse();
    }

    /** The loggers that say most about a request and its authentication, as a person debugging would set them. */
    private void loud() {
        logging.setLogLevel("org.springframework.security", LogLevel.TRACE);
        logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
        logging.setLogLevel("io.meshport", LogLevel.DEBUG);
    }

    private void quiet() {
        logging.setLogLevel("org.springframework.security", null);
        logging.setLogLevel("org.springframework.web", null);
        logging.setLogLevel("io.meshport", null);
    }
}

package io.meshport.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Holds every test class back until the portal reports itself ready ({@code /actuator/health} UP,
 * as a load balancer would wait): a test JVM starts on an empty index directory, so the search
 * index is rebuilt at start, and a search racing that rebuild finds nothing.
 */
public final class AwaitPortalReady implements TestExecutionListener {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static volatile boolean ready;

    @Override
    public void beforeTestClass(TestContext testContext) throws Exception {
        if (ready) {
            return;
        }
        testContext.getApplicationContext(); // starts the portal, once per JVM
        await(URI.create(TestInfrastructure.portalUrl() + "/actuator/health"));
        ready = true;
    }

    private static void await(URI health) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "no answer";
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> response = client.send(
                            HttpRequest.newBuilder(health)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                        return;
                    }
                    last = response.statusCode() + " " + response.body();
                } catch (IOException e) {
                    last = e.toString();
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("The portal did not become ready within " + PATIENCE + ": " + last);
    }
}

package io.meshport.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Holds every test class back until the portal reports itself ready ({@code /actuator/health} UP,
 * as a load balancer would wait): a test JVM starts on an empty index directory, so the search
 * index is rebuilt at start, and a search racing that rebuild finds nothing.
 */
public final class AwaitPortalReady implements TestExecutionListener {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /** The ports of the portals found ready (a test JVM may run two: on Lucene and on OpenSearch). */
    private static final Set<Integer> ready = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeTestClass(TestContext testContext) throws Exception {
        // Starts the portal of this configuration, once per JVM.
        ApplicationContext portal = testContext.getApplicationContext();
        int port = portal.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        if (ready.contains(port)) {
            return;
        }
        await(URI.create("http://127.0.0.1:" + port + "/actuator/health"));
        ready.add(port);
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

package io.meshport.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One portal node as production runs it: the built jar in a process of its own, configured only by
 * environment variables. Several of them on one database and one search cluster are a cluster of
 * portal nodes.
 */
public final class PortalProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target/meshport.jar").toAbsolutePath();

    private final String name;
    private final int port;
    private final Path workDir;
    private final Process process;

    private PortalProcess(String name, int port, Path workDir, Process process) {
        this.name = name;
        this.port = port;
        this.workDir = workDir;
        this.process = process;
    }

    /**
     * Starts a node on a free port with the given environment (the test identity provider's issuer
     * unless it names one), and waits until its health is UP.
     */
    public static PortalProcess start(String name, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        int port = freePort();
        Path workDir = Files.createTempDirectory("meshport-node-" + name);
        Map<String, String> env = new LinkedHashMap<>(environment);
        if (!env.containsKey("MESHPORT_OIDC_ISSUER_URI")) {
            env.put("MESHPORT_OIDC_ISSUER_URI", TestInfrastructure.issuer());
        }
        env.putIfAbsent("MESHPORT_OIDC_CLIENT_ID", "meshport");
        env.putIfAbsent("MESHPORT_OIDC_CLIENT_SECRET", "meshport-dev-secret");
        env.put("MESHPORT_INDEX_DIR", workDir.resolve("index").toString());
        env.put("SERVER_PORT", String.valueOf(port));
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        JAR.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("out.log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("MESHPORT_") || key.startsWith("SPRING_"));
        builder.environment().putAll(env);
        PortalProcess node = new PortalProcess(name, port, workDir, builder.start());
        node.awaitHealthy(timeout);
        return node;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** What the node has logged so far. */
    public String log() {
        try {
            return Files.readString(workDir.resolve("out.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Portal node " + name + " stopped while starting:\n" + tail());
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Portal node " + name + " was not healthy within " + timeout + ":\n" + tail());
    }

    private String tail() {
        String log = log();
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }

    /** Stops the node as an orchestrator does (SIGTERM, then kill). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

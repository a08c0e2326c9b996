package dev.meshport.launcher;

import dev.meshport.demo.DemoCatalog;
import io.meshport.MeshportApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's run command ({@code ./mvnw spring-boot:test-run}): PostgreSQL, the development
 * identity provider and the portal with its demo catalog, all started from this one JVM. Data are
 * kept in {@code .meshport-dev/} between runs. Ctrl-C stops everything.
 */
public final class DevMeshport {

    static final String PORTAL = "http://127.0.0.1:8080";
    static final int IDP_PORT = 9400;
    static final int DATABASE_PORT = 15432;

    private DevMeshport() {}

    /**
     * The data of an earlier run made by another major version of PostgreSQL (14, before the
     * move to 17) cannot be opened, and without the old binaries there is no {@code pg_upgrade}.
     * Move the database, and the search index built from it, aside untouched into one folder
     * beside them, so that the run starts afresh (the demo catalog loads into an empty catalog).
     * Returns that folder, or empty when there is nothing to move.
     */
    static Optional<Path> setAsideDataOfAnotherPostgresVersion(Path home) throws IOException {
        Path data = home.resolve("postgres");
        Optional<Integer> major = DevDatabase.majorVersionOf(data);
        if (major.isEmpty() || major.get() == DevDatabase.POSTGRES_MAJOR) {
            return Optional.empty();
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = home.resolve("postgresql-" + major.get() + "-" + stamp);
        Files.createDirectories(aside);
        Files.move(data, aside.resolve("postgres"));
        Path index = home.resolve("index");
        if (Files.exists(index)) {
            Files.move(index, aside.resolve("index"));
        }
        return Optional.of(aside);
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(".meshport-dev").toAbsolutePath();
        Optional<Integer> oldMajor = DevDatabase.majorVersionOf(home.resolve("postgres"));
        setAsideDataOfAnotherPostgresVersion(home)
                .ifPresent(aside ->
                        System.out.println("""

                ==========================================================================
                 .meshport-dev/postgres was made by PostgreSQL %d; this run command uses
                 PostgreSQL %d, which cannot open it. Moved it, with the search index, to
                   %s
                 and starting afresh with the demo catalog. To keep changes of your own,
                 dump them from there with a PostgreSQL %1$d pg_dump; else delete that folder.
                ==========================================================================
                """.formatted(oldMajor.orElseThrow(), DevDatabase.POSTGRES_MAJOR, aside)));
        DevDatabase database = DevDatabase.start(DATABASE_PORT, home.resolve("postgres"), true);
        IdentityProviderProcess identityProvider = IdentityProviderProcess.start(IDP_PORT, PORTAL);

        SpringApplication portal = new SpringApplication(MeshportApplication.class, DemoCatalog.class);
        portal.setRegisterShutdownHook(false);
        portal.setDefaultProperties(Map.of(
                "server.address", "127.0.0.1",
                "server.port", "8080",
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "meshport.oidc.issuer-uri", identityProvider.issuer().toString(),
                "meshport.oidc.client-id", "meshport",
                "meshport.oidc.client-secret", "meshport-dev-secret",
                "meshport.index-dir", home.resolve("index").toString()));
        ConfigurableApplicationContext context = portal.run(args);

        // One hook, in order: the portal first, then what it depends on.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            context.close();
                            identityProvider.close();
                            try {
                                database.close();
                            } catch (Exception e) {
                                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
                            }
                        },
                        "meshport-dev-stop"));

        System.out.println("""

                ==========================================================================
                 Meshport is running:  %s/
                 Sign in as (password = user name):
                   alice  team sales
                   bob    team marketing
                   carol  teams finance, mesh-admins (governance)
                   dave   no team (a consumer)
                 Identity provider: %s   Pipelines: sales-ci / sales-ci-secret (client credentials)
                 Data kept in %s
                 Ctrl-C stops everything.
                ==========================================================================
                """.formatted(PORTAL, identityProvider.issuer(), home));
    }
}

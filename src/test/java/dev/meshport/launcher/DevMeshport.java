package dev.meshport.launcher;

import dev.meshport.demo.DemoAgreements;
import dev.meshport.demo.DemoCatalog;
import dev.meshport.demo.DemoPipelines;
import dev.meshport.demo.DemoPolicies;
import io.meshport.MeshportApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's run command ({@code ./mvnw spring-boot:test-run}): PostgreSQL, the development
 * identity provider and the portal with its demo catalog, all started from this one JVM. Data are
 * kept in {@code .meshport-dev/} between runs. Ctrl-C stops everything.
 *
 * <p>The portal is served as users get it: Vaadin's production mode on the production bundle the
 * build made, without development tools. For changing the frontend, {@code --dev} starts it in
 * development mode (development bundle, or a rebuild of it with Node 24 when {@code frontend/}
 * changed, and Vaadin's development toolbar). {@code --port=}, {@code --idp-port=} and
 * {@code --db-port=} move it off the default ports 8080, 9400 and 15432.
 */
public final class DevMeshport {

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

    public static void main(String[] arguments) throws Exception {
        boolean development = false;
        int port = 8080;
        int idpPort = 9400;
        int databasePort = 15432;
        List<String> passedOn = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("--dev")) {
                development = true;
            } else if (argument.startsWith("--port=")) {
                port = Integer.parseInt(argument.substring("--port=".length()));
            } else if (argument.startsWith("--idp-port=")) {
                idpPort = Integer.parseInt(argument.substring("--idp-port=".length()));
            } else if (argument.startsWith("--db-port=")) {
                databasePort = Integer.parseInt(argument.substring("--db-port=".length()));
            } else {
                passedOn.add(argument);
            }
        }
        if (!development) {
            ProductionBundle.require();
        }
        String portalUrl = "http://127.0.0.1:" + port;
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
        DevDatabase database = DevDatabase.start(databasePort, home.resolve("postgres"), true);
        IdentityProviderProcess identityProvider = IdentityProviderProcess.start(idpPort, portalUrl);

        SpringApplication portal = new SpringApplication(
                MeshportApplication.class,
                DemoCatalog.class,
                DemoAgreements.class,
                DemoPolicies.class,
                DemoPipelines.class);
        portal.setRegisterShutdownHook(false);
        Map<String, Object> defaults = new HashMap<>(Map.of(
                "server.address", "127.0.0.1",
                "server.port", Integer.toString(port),
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "meshport.oidc.issuer-uri", identityProvider.issuer().toString(),
                "meshport.oidc.client-id", "meshport",
                "meshport.oidc.client-secret", "meshport-dev-secret",
                "meshport.index-dir", home.resolve("index").toString()));
        // Explicit either way: with a production bundle in the classes, Vaadin would otherwise pick
        // production mode by itself, and the IDE's classes may hold none.
        defaults.put("vaadin.productionMode", Boolean.toString(!development));
        portal.setDefaultProperties(defaults);
        ConfigurableApplicationContext context = portal.run(passedOn.toArray(String[]::new));

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
                 %s
                 Ctrl-C stops everything.
                ==========================================================================
                """.formatted(
                        portalUrl,
                        identityProvider.issuer(),
                        home,
                        development
                                ? "Vaadin development mode (--dev): development bundle and toolbar."
                                : "Vaadin production mode, as the jar serves it (--dev for development mode)."));
    }
}

package dev.meshport.launcher;

import dev.meshport.demo.DemoCatalog;
import io.meshport.MeshportApplication;
import java.nio.file.Path;
import java.util.Map;
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

    public static void main(String[] args) throws Exception {
        Path home = Path.of(".meshport-dev").toAbsolutePath();
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

package dev.meshport.demo;

import io.meshport.catalog.CatalogService;
import io.meshport.catalog.DocumentFormat;
import io.meshport.sla.SlaService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Loads the demo catalog ({@code demo/contracts/*.odcs.yaml}, then {@code demo/products/*.odps.yaml}
 * in file-name order so that upstream products come first) into an empty catalog, through the same service as the UI and the API.
 * It acts as a governance (admin) identity of its own, which history names as such. Development
 * and tests only: it is on the test classpath.
 */
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final CatalogService catalog;
    private final SlaService sla;
    private final Clock clock;
    private final String adminGroup;

    DemoCatalog(
            CatalogService catalog,
            SlaService sla,
            Clock clock,
            @Value("${meshport.admin-group:mesh-admins}") String adminGroup) {
        this.catalog = catalog;
        this.sla = sla;
        this.clock = clock;
        this.adminGroup = adminGroup;
    }

    @Override
    public void run(ApplicationArguments args) {
        runAsDemoLoader(() -> {
            if (catalog.count() > 0) {
                return;
            }
            // Contracts first: an active product needs its output ports' contracts in the catalog.
            List<Resource> contracts = resources("classpath*:demo/contracts/*.odcs.yaml");
            for (Resource contract : contracts) {
                catalog.publishContract(null, read(contract), DocumentFormat.YAML, null, CatalogService.MUST_BE_NEW);
            }
            List<Resource> products = resources("classpath*:demo/products/*.odps.yaml");
            for (Resource product : products) {
                catalog.publishProduct(null, read(product), DocumentFormat.YAML, null, CatalogService.MUST_BE_NEW);
            }
            // Observations as the teams' pipelines would have sent them, so the SLA tabs show something.
            DemoObservations.record(sla, clock.instant());
            log.info("Demo catalog loaded: {} data products, {} data contracts", products.size(), contracts.size());
        });
    }

    private void runAsDemoLoader(Runnable work) {
        Jwt jwt = Jwt.withTokenValue("demo-catalog")
                .header("alg", "none")
                .issuer("urn:meshport:demo")
                .subject("demo-catalog")
                .claim("preferred_username", "demo-catalog")
                .claim("name", "Demo catalog loader")
                .claim("groups", List.of(adminGroup))
                .build();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_USER", "ROLE_ADMIN")));
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static List<Resource> resources(String pattern) {
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(pattern))
                    .sorted(Comparator.comparing(resource -> Objects.requireNonNull(resource.getFilename())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

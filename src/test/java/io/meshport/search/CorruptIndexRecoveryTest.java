package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meshport.MeshportApplication;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestInfrastructure;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A portal started on a corrupt index directory sets it aside, rebuilds the index from
 * PostgreSQL, and reports UP only once search answers for every product. (The shared test
 * portal has loaded the demo catalog into the same database first.)
 */
@MeshportTest
class CorruptIndexRecoveryTest {

    @TempDir
    Path indexRoot;

    @Test
    void a_corrupt_index_is_set_aside_and_rebuilt_from_the_database_at_start() throws Exception {
        Path index = Files.createDirectories(indexRoot.resolve("data_product"));
        Files.writeString(index.resolve("segments_7"), "garbage left by a crash");
        Files.write(index.resolve("_0.cfs"), new byte[4096]);

        // A second portal in this JVM installs its own (Vaadin's) security context strategy, a
        // JVM-wide setting that the shared test portal's beans captured: give that one back after.
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try (ConfigurableApplicationContext portal = new SpringApplication(MeshportApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + TestInfrastructure.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--meshport.oidc.issuer-uri=" + TestInfrastructure.issuer(),
                        "--meshport.oidc.client-id=meshport",
                        "--meshport.oidc.client-secret=meshport-dev-secret",
                        "--meshport.index-dir=" + indexRoot,
                        "--vaadin.devmode.devTools.enabled=false")) {
            SearchIndex search = portal.getBean(SearchIndex.class);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> search.state() != SearchIndex.State.CHECKING
                            && search.state() != SearchIndex.State.REBUILDING);
            assertThat(search.health().getStatus()).isEqualTo(Status.UP);

            long inDatabase = portal.getBean(JdbcClient.class)
                    .sql("select count(*) from data_product")
                    .query(Long.class)
                    .single();
            EntityManagerFactory entityManagerFactory = portal.getBean(EntityManagerFactory.class);
            long inIndex;
            try (var entityManager = entityManagerFactory.createEntityManager()) {
                inIndex = Search.session(entityManager)
                        .search(Search.mapping(entityManagerFactory)
                                .allIndexedEntities()
                                .iterator()
                                .next()
                                .javaClass())
                        .where(f -> f.matchAll())
                        .fetchTotalHitCount();
            }
            assertThat(inDatabase).as("the demo catalog is in the database").isGreaterThan(20);
            assertThat(inIndex).isEqualTo(inDatabase);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
        try (Stream<Path> left = Files.list(indexRoot)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("data_product.unreadable-"))
                    .contains("data_product");
        }
    }
}

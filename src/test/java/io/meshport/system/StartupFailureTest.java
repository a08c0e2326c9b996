package io.meshport.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.meshport.MeshportApplication;
import io.meshport.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/**
 * A portal started with a missing or wrong setting stops with a sentence naming the variable to
 * set. Each case really starts the portal and analyses the failure it actually gets.
 */
class StartupFailureTest {

    private final StartupFailureAnalyzer analyzer = new StartupFailureAnalyzer();

    @Test
    void a_missing_issuer_names_the_variable_to_set() {
        FailureAnalysis analysis = analyzer.analyze(startFailure(
                "--spring.datasource.url=" + TestInfrastructure.jdbcUrl(), "--spring.datasource.username=postgres"));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getAction()).contains("MESHPORT_OIDC_ISSUER_URI");
    }

    @Test
    void an_unreachable_issuer_names_the_variable_to_check() {
        FailureAnalysis analysis = analyzer.analyze(startFailure(
                "--spring.datasource.url=" + TestInfrastructure.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--meshport.oidc.issuer-uri=http://127.0.0.1:9/nowhere",
                "--meshport.oidc.client-id=meshport"));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("issuer could not be reached");
        assertThat(analysis.getAction()).contains("MESHPORT_OIDC_ISSUER_URI");
    }

    @Test
    void an_unreachable_database_names_the_variables_to_set() {
        FailureAnalysis analysis = analyzer.analyze(startFailure(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/meshport",
                "--spring.datasource.username=meshport",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--meshport.oidc.issuer-uri=" + TestInfrastructure.issuer(),
                "--meshport.oidc.client-id=meshport"));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("PostgreSQL database could not be reached");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
    }

    @Test
    void an_openlineage_retention_shorter_than_a_day_names_the_variable() {
        FailureAnalysis analysis = analyzer.analyze(startFailure(
                "--spring.datasource.url=" + TestInfrastructure.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--meshport.oidc.issuer-uri=" + TestInfrastructure.issuer(),
                "--meshport.oidc.client-id=meshport",
                "--meshport.openlineage.retention=PT90S"));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("meshport.openlineage.retention (MESHPORT_OPENLINEAGE_RETENTION) must be at least one"
                        + " day (P1D), as raw events older than it are deleted; it is PT90S.");
        assertThat(analysis.getAction()).startsWith("Set MESHPORT_OPENLINEAGE_RETENTION ");
    }

    @Test
    void an_unreachable_search_cluster_is_one_line_naming_the_variable() {
        Throwable failure = startFailure(
                "--spring.datasource.url=" + TestInfrastructure.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--meshport.oidc.issuer-uri=" + TestInfrastructure.issuer(),
                "--meshport.oidc.client-id=meshport",
                "--meshport.search.uris=http://127.0.0.1:9");
        // As Spring Boot makes it: with the environment, so that it names the configured address.
        FailureAnalysis analysis = new StartupFailureAnalyzer(
                        new MockEnvironment().withProperty("meshport.search.uris", "http://127.0.0.1:9"))
                .analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        assertThat(analysis.getDescription())
                .contains("search cluster could not be reached")
                .contains("http://127.0.0.1:9")
                .doesNotContain("\n");
        assertThat(analysis.getAction()).contains("MESHPORT_SEARCH_URIS");
    }

    @Test
    void a_search_address_that_is_no_address_names_the_variable() {
        FailureAnalysis analysis = analyzer.analyze(startFailure(
                "--spring.datasource.url=" + TestInfrastructure.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--meshport.oidc.issuer-uri=" + TestInfrastructure.issuer(),
                "--meshport.oidc.client-id=meshport",
                "--meshport.search.uris=search-1:9200/some/path"));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("MESHPORT_SEARCH_URIS holds search-1:9200/some/path");
    }

    @Test
    void other_failures_are_left_to_spring_boot() {
        assertThat(analyzer.analyze(new IllegalStateException("something else")))
                .isNull();
    }

    private static Throwable startFailure(String... args) {
        SpringApplication application = new SpringApplication(MeshportApplication.class);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--meshport.index-dir=target/startup-failure-index";
        Throwable failure = catchThrowable(() -> application.run(all).close());
        assertThat(failure).as("the portal should not start").isNotNull();
        return failure;
    }
}

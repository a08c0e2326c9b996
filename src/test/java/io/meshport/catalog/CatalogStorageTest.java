package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

@MeshportTest
class CatalogStorageTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void flyway_has_applied_the_migrations_from_db_migrations() {
        List<String> applied = jdbc.sql(
                        "select script from flyway_schema_history where success order by installed_rank")
                .query(String.class)
                .list();
        assertThat(applied).contains("V0001__users_and_data_products.sql", "V0002__contracts_ports_and_history.sql");
    }

    @Test
    void the_demo_catalog_is_in_postgresql_and_lists_in_name_order() throws IOException {
        Resource[] demoFiles =
                new PathMatchingResourcePatternResolver().getResources("classpath*:demo/products/*.odps.yaml");
        assertThat(demoFiles.length).isGreaterThanOrEqualTo(20);
        List<String> demoIds = Arrays.stream(demoFiles)
                .map(file -> file.getFilename().replaceFirst("^\\d+-", "").replace(".odps.yaml", ""))
                .toList();

        List<DataProductSummary> catalogInOrder = RunAs.user(
                "dave", List.of(), () -> catalog.list(PageRequest.of(0, 10_000)).getContent());
        assertThat(catalogInOrder).extracting(DataProductSummary::id).containsAll(demoIds);
        assertThat(catalogInOrder.stream().filter(p -> demoIds.contains(p.id())).map(DataProductSummary::name))
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(jdbc.sql(
                                "select count(*) from data_product where document ->> 'kind' = 'DataProduct' and id in (:ids)")
                        .param("ids", demoIds)
                        .query(Long.class)
                        .single())
                .isEqualTo(demoIds.size());
    }

    @Test
    void pages_are_slices_of_the_requested_size() {
        var first = RunAs.user("dave", List.of(), () -> catalog.list(PageRequest.of(0, 2)));
        var second = RunAs.user("dave", List.of(), () -> catalog.list(PageRequest.of(1, 2)));
        assertThat(first.getContent()).hasSize(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.getContent()).doesNotContainAnyElementsOf(first.getContent());
    }

    @Test
    void reading_the_catalog_needs_a_signed_in_caller() {
        assertThatThrownBy(() -> catalog.count()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}

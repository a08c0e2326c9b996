package io.meshport.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.TestDocuments;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two owners editing the same product: the second save is refused, nothing is lost. */
@MeshportTest
class ConcurrentEditsTest {

    @Test
    void the_second_writer_with_a_stale_etag_gets_409_and_the_first_change_stays() {
        String id = OwnershipTest.newId();
        String path = OwnershipTest.path(id);
        Api.Response created =
                Api.as("alice").put(path, TestDocuments.product(id, "sales", "draft"), "application/yaml");
        String etag = created.header("ETag");
        assertThat(etag).isNotNull();

        String first = TestDocuments.product(id, "sales", "draft").replace("name: Product", "name: First");
        String second = TestDocuments.product(id, "sales", "draft").replace("name: Product", "name: Second");
        Api.Response firstSave = Api.as("alice").header("If-Match", etag).put(path, first, "application/yaml");
        Api.Response secondSave = Api.as("carol").header("If-Match", etag).put(path, second, "application/yaml");

        assertThat(firstSave.status()).isEqualTo(200);
        assertThat(firstSave.header("ETag")).isNotEqualTo(etag);
        assertThat(secondSave.status()).isEqualTo(409);
        assertThat(secondSave.json().path("detail").asString()).contains("changed by someone else");
        assertThat(Api.as("bob").get(path, "application/yaml").body()).contains("name: First");
    }

    @Test
    void simultaneous_writers_with_the_same_etag_produce_one_winner() throws Exception {
        String id = OwnershipTest.newId();
        String path = OwnershipTest.path(id);
        String etag = Api.as("alice")
                .put(path, TestDocuments.product(id, "sales", "draft"), "application/yaml")
                .header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> writers = List.of(1, 2, 3, 4).stream()
                    .<Callable<Integer>>map(n -> () -> Api.as("alice")
                            .header("If-Match", etag)
                            .put(
                                    path,
                                    TestDocuments.product(id, "sales", "draft")
                                            .replace("name: Product", "name: Writer " + n),
                                    "application/yaml")
                            .status())
                    .toList();
            List<Integer> statuses = pool.invokeAll(writers).stream()
                    .map(ConcurrentEditsTest::get)
                    .toList();
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_stale_delete_is_refused() {
        String id = OwnershipTest.newId();
        String path = OwnershipTest.path(id);
        String etag = Api.as("alice")
                .put(path, TestDocuments.product(id, "sales", "draft"), "application/yaml")
                .header("ETag");
        assertThat(Api.as("alice")
                        .put(
                                path,
                                TestDocuments.product(id, "sales", "draft").replace("name: Product", "name: Changed"),
                                "application/yaml")
                        .status())
                .isEqualTo(200);
        assertThat(Api.as("alice").header("If-Match", etag).delete(path).status())
                .isEqualTo(409);
        assertThat(Api.as("alice").get(path, "application/json").status()).isEqualTo(200);
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

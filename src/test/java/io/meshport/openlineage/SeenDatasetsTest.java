package io.meshport.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.RunAs;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** "Seen, not in the catalog": the datasets events named that no output port is, with their jobs. */
@MeshportTest
class SeenDatasetsTest {

    @Autowired
    SeenDatasets seen;

    @Autowired
    JdbcClient jdbc;

    String host;

    IngestTables ingest;

    @BeforeEach
    void ingestTables() {
        ingest = new IngestTables(jdbc);
        host = "seen-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    private long dataset(String namespace, String name, Instant first, Instant last) {
        return ingest.dataset(namespace, name, first, last);
    }

    private void touches(String job, long dataset, String direction) {
        ingest.touches(host, job, dataset, direction);
    }

    @Test
    void datasetsNoPortMapsAreListedNewestFirstWithTheJobsThatReadAndWriteThem() {
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        long raw = dataset("postgres://" + host + ":5432", "shop.public.raw_orders", t, t.plusSeconds(3600));
        long older = dataset("s3://" + host, "exports/orders", t, t.plusSeconds(60));
        long mapped = dataset("salesforce://" + host, "Account", t, t.plusSeconds(7200));
        touches("ingest.load_orders", raw, "output");
        touches("dbt.orders", raw, "input");
        touches("spark.export", raw, "input");
        touches("spark.export", older, "output");
        touches("dbt.accounts", mapped, "input");
        String product = PortDatasetsTest.product(host.replace('.', '-'), "none-" + host, """
                    customProperties:
                      - property: openlineageDatasets
                        value:
                          - namespace: salesforce://%s
                            name: Account
                """.formatted(host));
        Api.Response published =
                Api.as("alice").put("/api/v1/data-products/" + host.replace('.', '-'), product, "application/yaml");
        assertThat(published.status()).as(published.body()).isLessThan(300);

        List<SeenDatasets.Seen> list =
                RunAs.user("carol", List.of("finance", "mesh-admins"), () -> seen.list(host, 0, 50));

        assertThat(list)
                .extracting(s -> s.dataset().toString())
                .containsExactly(
                        "postgres://" + host + ":5432/shop.public.raw_orders", "s3://" + host + "/exports/orders");
        SeenDatasets.Seen first = list.getFirst();
        assertThat(first.readBy()).containsExactly(host + "/dbt.orders", host + "/spark.export");
        assertThat(first.readers()).isEqualTo(2);
        assertThat(first.writtenBy()).containsExactly(host + "/ingest.load_orders");
        assertThat(first.firstSeen()).isEqualTo(t);
        assertThat(first.lastSeen()).isEqualTo(t.plusSeconds(3600));
        assertThat(RunAs.user("dave", List.of(), () -> seen.count(host))).isEqualTo(2);
    }

    @Test
    void theFilterMatchesNamespaceOrNameIgnoringCaseAndTakesOddInputLiterally() {
        Instant t = Instant.now();
        dataset("kafka://" + host + ":9092", "Payments_Topic", t, t);
        RunAs.user("dave", List.of(), () -> {
            assertThat(seen.list(host.toUpperCase() + ":9092/payments_t", 0, 10))
                    .hasSize(1);
            assertThat(seen.count(host + " payments")).isZero();
            assertThat(seen.list(host + "%", 0, 10)).isEmpty();
            assertThat(seen.list("a\u0000b", 0, 10)).isEmpty();
            assertThat(seen.count("a\u0000b")).isZero();
            assertThat(seen.list(host, -5, -1)).isEmpty();
            return null;
        });
    }

    @Test
    void noOneSignedOutReadsIt() {
        assertThatThrownBy(() -> seen.list("", 0, 10)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}

package io.meshport.lineage;

import static io.meshport.lineage.TestProduct.asConsumer;
import static io.meshport.lineage.TestProduct.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.meshport.catalog.CatalogService;
import io.meshport.testing.MeshportTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lineage drift, judged at moments the test chooses (the portal's clock stays put): a declared
 * input ages into drift once unseen for the drift period, an undeclared input is flagged at once,
 * and a product whose pipelines never report drifts in nothing.
 */
@MeshportTest
class LineageDriftTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    CatalogService catalog;

    @Autowired
    LineageDrift drift;

    @Autowired
    JdbcClient jdbc;

    ObservedLineage runs;
    Duration n;
    Instant t0;
    String s;

    @BeforeEach
    void setUp() {
        runs = new ObservedLineage(jdbc);
        n = asConsumer(drift::after);
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(400));
        s = TestProduct.stem("drift");
    }

    @Test
    void the_drift_period_is_fourteen_days_unless_configured() {
        assertThat(n).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void a_declared_input_never_seen_drifts_once_the_product_has_reported_for_the_drift_period() {
        product(s + "-orders").named("Orders " + s).provides(s + "-orders-v1").publish(catalog);
        product(s + "-report").consumes(s + "-orders-v1").publish(catalog);
        runs.product(s + "-report", t0);

        assertThat(at(s + "-report", t0.plus(n).minus(DAY))).isEmpty();

        List<Drift> later = at(s + "-report", t0.plus(n).plus(DAY));
        assertThat(later).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(Drift.Kind.DECLARED_NOT_OBSERVED);
            assertThat(item.productId()).isEqualTo(s + "-report");
            assertThat(item.upstreamId()).isEqualTo(s + "-orders");
            assertThat(item.upstreamName()).isEqualTo("Orders " + s);
            assertThat(item.contractId()).isEqualTo(s + "-orders-v1");
            assertThat(item.upstreamPort()).isNull();
            assertThat(item.lastObservedAt()).isNull();
            assertThat(item.since()).isEqualTo(t0.plus(n));
            assertThat(item.message())
                    .isEqualTo("Declared input Orders " + s + " (contract " + s
                            + "-orders-v1) has never been seen in a run, though this product's runs have reported"
                            + " for 15 days.");
        });
    }

    @Test
    void a_declared_input_observed_then_silent_ages_into_drift_and_a_new_run_clears_it() {
        product(s + "-orders").named("Orders " + s).provides(s + "-orders-v1").publish(catalog);
        product(s + "-report").consumes(s + "-orders-v1").publish(catalog);
        runs.edge(s + "-orders", s + "-report", "out0", s + "-orders-v1", t0);

        assertThat(at(s + "-report", t0)).isEmpty();
        assertThat(at(s + "-report", t0.plus(n).minus(DAY))).isEmpty();

        Instant later = t0.plus(n).plus(Duration.ofDays(7));
        assertThat(at(s + "-report", later)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(Drift.Kind.DECLARED_NOT_OBSERVED);
            assertThat(item.lastObservedAt()).isEqualTo(t0);
            assertThat(item.since()).isEqualTo(t0.plus(n));
            assertThat(item.message())
                    .startsWith("Declared input Orders " + s + " (contract " + s
                            + "-orders-v1) has not been seen in a run for 21 days (last on ");
        });

        runs.edge(s + "-orders", s + "-report", "out0", s + "-orders-v1", later.minus(DAY));
        assertThat(at(s + "-report", later)).isEmpty();
    }

    @Test
    void an_observed_input_that_no_port_declares_is_flagged_at_once_and_no_longer_once_runs_stop_reading_it() {
        product(s + "-profiles")
                .named("Customer 360 " + s)
                .provides(s + "-profiles-v1")
                .publish(catalog);
        product(s + "-raw").named("Raw " + s).publish(catalog);
        product(s + "-report").publish(catalog);
        runs.edge(s + "-profiles", s + "-report", "profiles", s + "-profiles-v1", t0);
        runs.edge(s + "-raw", s + "-report", "dump", null, t0);

        List<Drift> now = at(s + "-report", t0);
        assertThat(now).extracting(Drift::kind).containsOnly(Drift.Kind.OBSERVED_NOT_DECLARED);
        assertThat(now)
                .extracting(Drift::message)
                .containsExactly(
                        "Runs read port 'profiles' of Customer 360 " + s + " (contract " + s
                                + "-profiles-v1) but no input port declares it (last on "
                                + LineageDriftTest.day(t0) + ").",
                        "Runs read port 'dump' of Raw " + s + ", which offers no contract, so no input port can"
                                + " declare it (last on " + LineageDriftTest.day(t0) + ").");
        assertThat(now.getFirst().upstreamPort()).isEqualTo("profiles");
        assertThat(now.getFirst().lastObservedAt()).isEqualTo(t0);
        assertThat(now.getFirst().since()).isEqualTo(t0);
        assertThat(now.get(1).contractId()).isNull();

        assertThat(at(s + "-report", t0.plus(n).plus(DAY))).isEmpty();
    }

    @Test
    void an_observed_input_that_a_port_declares_is_no_drift() {
        product(s + "-orders").provides(s + "-orders-v1").publish(catalog);
        product(s + "-report").consumes(s + "-orders-v1").publish(catalog);
        runs.product(s + "-report", t0.minus(Duration.ofDays(100)));
        runs.edge(s + "-orders", s + "-report", "out0", s + "-orders-v1", t0);

        assertThat(at(s + "-report", t0.plus(DAY))).isEmpty();
    }

    @Test
    void a_product_whose_pipelines_never_report_shows_no_drift() {
        product(s + "-orders").provides(s + "-orders-v1").publish(catalog);
        product(s + "-report").consumes(s + "-orders-v1").publish(catalog);

        assertThat(at(s + "-report", Instant.now().plus(Duration.ofDays(1000)))).isEmpty();
        assertThat(asConsumer(() -> drift.of(s + "-report"))).isEmpty();
        assertThat(asConsumer(() -> drift.of(List.of(s + "-report", s + "-orders", "no-such-product"))))
                .isEmpty();
    }

    @Test
    void the_batch_form_says_for_each_product_what_the_single_form_says() {
        product(s + "-a").named("A " + s).provides(s + "-a-v1").publish(catalog);
        product(s + "-b").named("B " + s).provides(s + "-b-v1").publish(catalog);
        product(s + "-x").consumes(s + "-a-v1", s + "-b-v1").publish(catalog);
        product(s + "-y").consumes(s + "-a-v1").publish(catalog);
        product(s + "-z").consumes(s + "-b-v1").publish(catalog);
        runs.edge(s + "-a", s + "-x", "out0", s + "-a-v1", t0);
        runs.edge(s + "-b", s + "-y", "out0", s + "-b-v1", t0.plus(Duration.ofDays(10)));
        runs.product(s + "-z", t0.plus(Duration.ofDays(12)));
        List<String> ids = List.of(s + "-x", s + "-y", s + "-z", s + "-a", s + "-b");

        for (Instant moment : List.of(t0, t0.plus(n).plus(DAY), t0.plus(n).plus(Duration.ofDays(13)))) {
            Map<String, List<Drift>> batch = asConsumer(() -> drift.at(ids, moment));
            for (String id : ids) {
                assertThat(batch.getOrDefault(id, List.of()))
                        .as("%s at %s", id, moment)
                        .isEqualTo(at(id, moment));
            }
            assertThat(batch.keySet())
                    .allSatisfy(id -> assertThat(batch.get(id)).isNotEmpty());
        }
        // Fifteen days on, z has not reported long enough to be judged, and y's undeclared input is fresh.
        Map<String, List<Drift>> soon =
                asConsumer(() -> drift.at(ids, t0.plus(n).plus(DAY)));
        assertThat(soon).containsOnlyKeys(s + "-x", s + "-y");
        assertThat(soon.get(s + "-x"))
                .extracting(Drift::kind, Drift::upstreamId)
                .containsExactly(
                        tuple(Drift.Kind.DECLARED_NOT_OBSERVED, s + "-a"),
                        tuple(Drift.Kind.DECLARED_NOT_OBSERVED, s + "-b"));
        assertThat(soon.get(s + "-y"))
                .extracting(Drift::kind, Drift::upstreamId)
                .containsExactly(tuple(Drift.Kind.OBSERVED_NOT_DECLARED, s + "-b"));
        // Later every product of the three drifts; y's undeclared input was last read too long ago.
        Map<String, List<Drift>> later =
                asConsumer(() -> drift.at(ids, t0.plus(n).plus(Duration.ofDays(13))));
        assertThat(later).containsOnlyKeys(s + "-x", s + "-y", s + "-z");
        assertThat(later.get(s + "-y"))
                .extracting(Drift::kind, Drift::upstreamId)
                .containsExactly(tuple(Drift.Kind.DECLARED_NOT_OBSERVED, s + "-a"));
        assertThat(later.get(s + "-z"))
                .extracting(Drift::kind, Drift::upstreamId)
                .containsExactly(tuple(Drift.Kind.DECLARED_NOT_OBSERVED, s + "-b"));
    }

    private List<Drift> at(String id, Instant moment) {
        return asConsumer(() -> drift.at(List.of(id), moment)).getOrDefault(id, List.of());
    }

    static String day(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC)
                .format(at);
    }
}

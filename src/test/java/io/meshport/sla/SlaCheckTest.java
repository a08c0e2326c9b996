package io.meshport.sla;

import static io.meshport.sla.SlaTestProduct.asSales;
import static io.meshport.sla.SlaTestProduct.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.meshport.catalog.CatalogService;
import io.meshport.notification.NotificationKind;
import io.meshport.notification.NotificationService;
import io.meshport.notification.NotificationView;
import io.meshport.testing.Api;
import io.meshport.testing.MeshportTest;
import io.meshport.testing.PendingEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduled SLA check and what follows from it, through the real paths: observations posted
 * through the API or the service, the check as scheduled, notifications told to the owning team
 * (sales: the test products' team), and observations deleted after the retention period.
 */
@MeshportTest
class SlaCheckTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    SlaService sla;

    @Autowired
    SlaMonitor monitor;

    @Autowired
    SlaStore store;

    @Autowired
    SlaRetention retention;

    @Autowired
    NotificationService notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void a_failed_probe_posted_through_the_api_tells_the_owning_team_once() {
        String id = product(SlaTestProduct.stem("api-probe"))
                .promises("availability", "99.9", "%")
                .publish(catalog)
                .id();
        Instant at = clock.instant().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

        for (String batch : List.of("down-1", "down-2")) {
            Api.Response sent = Api.as("sales-ci")
                    .post(
                            "/api/v1/data-products/" + id + "/observations",
                            "[{\"id\": \"" + batch + "\", \"kind\": \"availability\", \"outputPort\": \"out\","
                                    + " \"at\": \"" + at + "\", \"succeeded\": false}]",
                            "application/json");
            assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(toldAbout(id)).singleElement().satisfies(notification -> {
                    assertThat(notification.kind()).isEqualTo(NotificationKind.SLA_BREACHED);
                    assertThat(notification.message())
                            .contains("Product " + id, "availability ≥ 99.9 %", "0.0 % of 1 probes succeeded");
                    assertThat(notification.link()).isEqualTo("products/" + id);
                }));
        PendingEvents.awaitHandled(jdbc, id);
        assertThat(toldAbout(id)).hasSize(1);
    }

    @Test
    void freshness_breached_by_time_passing_is_found_by_the_scheduled_check_and_told_once() {
        String id = product(SlaTestProduct.stem("check-stale"))
                .promises("latency", "3", "s")
                .publish(catalog)
                .id();
        asSales(() -> sla.record(id, List.of(updated("u1", clock.instant()))));
        assertThat(sla.summaries(List.of(id))).containsEntry(id, ComplianceStatus.MET);
        assertThat(toldAbout(id)).isEmpty();

        // The job as the scheduler runs it, on the real clock, until three seconds have passed.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    monitor.checkAll();
                    assertThat(toldAbout(id)).singleElement().satisfies(notification -> assertThat(
                                    notification.message())
                            .contains("freshness ≤ 3 s"));
                });
        assertThat(sla.summaries(List.of(id))).containsEntry(id, ComplianceStatus.BREACHED);

        monitor.checkAll();
        PendingEvents.awaitHandled(jdbc, id);
        assertThat(toldAbout(id)).hasSize(1);
    }

    @Test
    void the_check_measures_a_product_again_only_when_time_may_have_changed_its_status() {
        String id = product(SlaTestProduct.stem("check-due"))
                .promises("latency", "1", "h")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        asSales(() -> sla.record(id, List.of(updated("u1", now.minus(Duration.ofMinutes(10))))));

        // Updated 10 minutes ago against an hour: at risk 48 minutes after the update, breached
        // after 60. Until then the check leaves it alone (nothing of it changed since: 'since' = now).
        assertThat(store.productsToCheck(now, now)).doesNotContain(id);
        assertThat(store.productsToCheck(now.plus(Duration.ofMinutes(37)), now)).doesNotContain(id);
        assertThat(store.productsToCheck(now.plus(Duration.ofMinutes(39)), now)).contains(id);

        // Measured then, it is at risk, and next due when it would be breached.
        monitor.check(now.plus(Duration.ofMinutes(39)));
        assertThat(sla.summaries(List.of(id))).containsEntry(id, ComplianceStatus.AT_RISK);
        Instant plus49 = now.plus(Duration.ofMinutes(49));
        assertThat(store.productsToCheck(plus49, plus49)).doesNotContain(id);
        Instant plus51 = now.plus(Duration.ofMinutes(51));
        assertThat(store.productsToCheck(plus51, plus51)).contains(id);

        // Back to now, so that what other tests read of the product is as of now.
        monitor.check(now);
    }

    @Test
    void a_change_to_the_products_contract_has_the_next_check_measure_it_again() {
        SlaTestProduct product = product(SlaTestProduct.stem("check-contract")).promises("latency", "1", "d");
        String id = product.publish(catalog).id();
        Instant now = clock.instant();
        asSales(() -> sla.record(id, List.of(updated("u1", now.minus(Duration.ofHours(2))))));
        Instant before = clock.instant();
        assertThat(store.productsToCheck(before, before)).doesNotContain(id);

        product.promises("latency", "1", "h").publish(catalog);
        assertThat(store.productsToCheck(clock.instant(), before)).contains(id);
    }

    @Test
    void observations_older_than_the_retention_are_deleted_and_the_last_30_days_kept() {
        String id = product(SlaTestProduct.stem("retention"))
                .promises("latency", "1", "d")
                .publish(catalog)
                .id();
        Instant now = clock.instant();
        asSales(() -> sla.record(
                id,
                List.of(
                        updated("old", now.minus(Duration.ofDays(401))),
                        updated("kept", now.minus(Duration.ofDays(399))),
                        updated("recent", now.minus(Duration.ofHours(1))))));
        assertThat(retention.retention()).isEqualTo(Duration.ofDays(400));

        retention.deleteExpired();

        assertThat(jdbc.sql("select id from sla_observation where product_id = :id order by at")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("kept", "recent");
        assertThatThrownBy(() -> new SlaRetention(store, clock, Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("meshport.sla.retention must be at least 30 days");
    }

    @Test
    void observations_are_indexed_by_time_for_the_retention_and_the_checks_by_due_time() {
        List<String> indexes = jdbc.sql(
                        "select indexdef from pg_indexes where tablename in ('sla_observation', 'sla_check')")
                .query(String.class)
                .list();
        assertThat(indexes).anyMatch(index -> index.contains("sla_observation") && index.endsWith("(at)"));
        assertThat(indexes).anyMatch(index -> index.contains("sla_check") && index.endsWith("(due_at)"));
    }

    private List<NotificationView> toldAbout(String productId) {
        return asSales(() -> notifications.mine(200)).stream()
                .filter(notification -> notification.productId().equals(productId))
                .toList();
    }

    private static Observation updated(String id, Instant at) {
        return new Observation(id, "out", ObservationKind.UPDATED, at, null, null, null);
    }
}

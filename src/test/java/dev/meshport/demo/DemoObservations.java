package dev.meshport.demo;

import io.meshport.sla.Observation;
import io.meshport.sla.ObservationKind;
import io.meshport.sla.SlaService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Thirty days of what pipelines would have sent for a few demo products, relative to the clock at
 * load, so the SLA tabs show every status: Sales Orders fresh and available, Inventory Levels at
 * risk (a late snapshot last week), Page Views breached (yesterday's load never came).
 */
final class DemoObservations {

    private DemoObservations() {}

    static void record(SlaService sla, Instant now) {
        Random random = new Random(6);
        Instant today = now.truncatedTo(ChronoUnit.HOURS);

        List<Observation> salesOrders = new ArrayList<>();
        for (int day = 29; day >= 0; day--) {
            Instant load = today.minus(Duration.ofDays(day)).minus(Duration.ofHours(3));
            salesOrders.add(
                    updated("orders-load-" + day, "sales_orders", load, (180_000 + random.nextInt(5_000)) + " rows"));
        }
        for (int slot = 30 * 96; slot >= 0; slot--) {
            Instant at = now.minus(Duration.ofMinutes(15L * slot + random.nextInt(5)));
            salesOrders.add(updated("events-" + slot, "sales_order_events", at, null));
        }
        probes(salesOrders, "sales_orders", today, 1, random);
        probes(salesOrders, "sales_order_events", today, 2, random);
        for (int day = 29; day >= 0; day--) {
            Instant at = today.minus(Duration.ofDays(day)).minus(Duration.ofHours(2));
            salesOrders.add(check("dq-unique-" + day, at, "order_id is unique", true));
            salesOrders.add(check("dq-currency-" + day, at, "currency is ISO 4217", day != 12));
        }
        sla.record("sales-orders", salesOrders);

        List<Observation> inventory = new ArrayList<>();
        for (int step = 30 * 6; step >= 0; step--) {
            // Every four hours, but the snapshot five days ago came three hours late.
            Instant at = today.minus(Duration.ofHours(4L * step)).minus(Duration.ofMinutes(30));
            if (step == 30) {
                at = at.plus(Duration.ofHours(3));
            }
            inventory.add(updated("snapshot-" + step, "inventory_snapshots", at, null));
        }
        probes(inventory, "inventory_snapshots", today, 3, random);
        sla.record("inventory-levels", inventory);

        List<Observation> pageViews = new ArrayList<>();
        for (int day = 29; day >= 2; day--) {
            pageViews.add(updated("views-load-" + day, "page_views_daily", today.minus(Duration.ofDays(day)), null));
        }
        probes(pageViews, "page_views_daily", today, 4, random);
        sla.record("page-views", pageViews);
    }

    /** A probe every half hour for 30 days; about {@code failPerMille} in a thousand fail. */
    private static void probes(List<Observation> into, String port, Instant today, int failPerMille, Random random) {
        for (int slot = 30 * 48; slot >= 1; slot--) {
            Instant at = today.minus(Duration.ofMinutes(30L * slot));
            into.add(new Observation(
                    port + "-probe-" + slot,
                    port,
                    ObservationKind.AVAILABILITY,
                    at,
                    random.nextInt(1000) >= failPerMille,
                    null,
                    null));
        }
    }

    private static Observation updated(String id, String port, Instant at, @Nullable String detail) {
        return new Observation(id, port, ObservationKind.UPDATED, at, null, null, detail);
    }

    private static Observation check(String id, Instant at, String name, boolean passed) {
        return new Observation(id, null, ObservationKind.QUALITY, at, passed, name, null);
    }
}

package dev.meshport.demo;

import io.meshport.access.AccessRequest;
import io.meshport.access.AccessService;
import io.meshport.access.Agreement;
import io.meshport.access.Provisioning;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A few access requests and agreements for the run command, so that {@code /access}, the product
 * pages' Access tabs and the lineage graph show the consumer side from the start: marketing uses
 * Customer 360 (approved, access granted), finance asks for Sales Orders and sales for the General
 * Ledger (both waiting for a decision). Each is asked and decided through {@link AccessService} as
 * the demo users' teams would (as identities of the demo issuer, named "(demo)"). Only the run
 * command loads it, after {@link DemoCatalog}; tests start with no agreements.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public class DemoAgreements implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAgreements.class);

    private final AccessService access;

    DemoAgreements(AccessService access) {
        this.access = access;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoUsers.as("carol", List.of("finance", "mesh-admins"), () -> access.list(AccessService.Filter.ALL, 1))
                .isEmpty()) {
            return;
        }
        Agreement campaigns = DemoUsers.as(
                "bob",
                List.of("marketing"),
                () -> access.request(new AccessRequest(
                        "customer-360",
                        "customer_360",
                        null,
                        "Pick the **high-value customers** each campaign targets, and measure its uplift per segment.",
                        "marketing",
                        "marketing-campaigns",
                        null,
                        null)));
        DemoUsers.as("alice", List.of("sales"), () -> {
            access.decide(campaigns.id(), AccessService.Decision.APPROVE, "Fine for campaign targeting.", null);
            return access.reportProvisioning(
                    campaigns.id(), Provisioning.GRANTED, "Read role customer_360_reader granted to marketing.");
        });
        DemoUsers.as(
                "carol",
                List.of("finance", "mesh-admins"),
                () -> access.request(new AccessRequest(
                        "sales-orders",
                        "sales_orders",
                        null,
                        "Reconcile booked revenue with the ledger at month end.",
                        "finance",
                        null,
                        null,
                        null)));
        DemoUsers.as(
                "alice",
                List.of("sales"),
                () -> access.request(new AccessRequest(
                        "general-ledger",
                        "gl_journal_entries",
                        null,
                        "Commission statements need the posted revenue lines per sales rep.",
                        "sales",
                        null,
                        null,
                        null)));
        log.info("Demo access requests loaded: one agreement, two requests waiting for a decision");
    }
}

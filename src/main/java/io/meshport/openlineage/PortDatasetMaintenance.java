package io.meshport.openlineage;

import io.meshport.catalog.CatalogReadModel;
import io.meshport.catalog.ContractVersionPublished;
import io.meshport.catalog.InvalidDocumentException;
import io.meshport.catalog.ProductPublished;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code port_dataset} in step with the catalog: in the writing transaction of every
 * product (a plain, synchronous listener, so the rows commit or roll back with the product, and a
 * bad explicit mapping refuses the write with a 400 at its pointer) and of every contract (the
 * products offering it are rewritten). A deleted product's rows go with it (foreign key, on delete
 * cascade). At start, the products already stored are filled once across nodes: under a lock, and
 * only when the current naming rules have not filled them yet ({@code port_dataset_rules}).
 */
@Component
class PortDatasetMaintenance {

    /** Raise when the naming rules change what a stored contract names: the backfill runs again. */
    static final int RULES_VERSION =
            2; // 2: names bounded in bytes, unnamable servers skipped, glue region from customProperties

    private static final Logger log = LoggerFactory.getLogger(PortDatasetMaintenance.class);
    private static final int BATCH = 500;

    private final PortDatasets datasets;
    private final CatalogReadModel catalog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LockProvider locks;
    private final Clock clock;

    PortDatasetMaintenance(
            PortDatasets datasets,
            CatalogReadModel catalog,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            LockProvider locks,
            Clock clock) {
        this.datasets = datasets;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.locks = locks;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ProductPublished event) {
        List<PortDatasets.Derived> derived = datasets.refresh(List.of(event.productId()));
        derived.stream()
                .filter(product -> !product.violations().isEmpty())
                .findFirst()
                .ifPresent(product -> {
                    throw new InvalidDocumentException(
                            "Invalid dataset mapping in data product '" + product.productId() + "'",
                            product.violations());
                });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ContractVersionPublished event) {
        List<String> offering = catalog.providers(List.of(event.contractId())).stream()
                .map(CatalogReadModel.Provider::productId)
                .distinct()
                .toList();
        datasets.refresh(offering);
    }

    // Before the application runners (the demo pipelines) and before the node reports ready.
    @EventListener(ApplicationStartedEvent.class)
    void fillAtStart() {
        new DefaultLockingTaskExecutor(locks)
                .executeWithLock(
                        (Runnable) this::fillIfOutdated,
                        new LockConfiguration(
                                clock.instant(), "openlineage-port-datasets-fill", Duration.ofHours(2), Duration.ZERO));
    }

    /** Fills the rows of every stored product, in batches, unless the current rules already did. */
    int fillIfOutdated() {
        Integer done = jdbc.sql("select count(*) from port_dataset_rules where rules_version = :version")
                .param("version", RULES_VERSION)
                .query(Integer.class)
                .single();
        if (done > 0) {
            return 0;
        }
        int products = fillAll();
        jdbc.sql("""
                        insert into port_dataset_rules (rules_version, filled_at, products) values (:version, :at, :products)
                        on conflict do nothing
                        """)
                .param("version", RULES_VERSION)
                .param("at", Timestamp.from(clock.instant()))
                .param("products", products)
                .update();
        log.info("Output port datasets filled for {} products (naming rules {})", products, RULES_VERSION);
        return products;
    }

    private void fillOrSkip(String productId) {
        try {
            transactions.executeWithoutResult(status -> datasets.refresh(List.of(productId)));
        } catch (RuntimeException failed) {
            log.warn("The datasets of data product '{}' could not be stored; its ports name none", productId, failed);
        }
    }

    /** Rewrites the rows of every stored product, a batch per transaction. */
    int fillAll() {
        int count = 0;
        String after = null;
        while (true) {
            List<String> ids = catalog.productIds(after, BATCH);
            if (ids.isEmpty()) {
                return count;
            }
            try {
                transactions.executeWithoutResult(status -> datasets.refresh(ids));
            } catch (RuntimeException batchFailed) {
                // One product the database refuses must not keep the others (or the portal) from starting.
                ids.forEach(this::fillOrSkip);
            }
            count += ids.size();
            after = ids.getLast();
        }
    }
}

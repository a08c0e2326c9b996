package io.meshport.search;

import io.meshport.catalog.DataProduct;
import io.meshport.catalog.ProductRevisions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds and mends what the index lost: products whose indexed revision is not the database's
 * (a node died between its commit and its indexing, a write went to an index being rebuilt) and
 * documents of products that no longer exist. Runs periodically on one node at a time; every
 * node's searches see the mended index (docs/decisions/0016-several-nodes.md).
 */
@Component
class IndexDrift {

    private static final Logger log = LoggerFactory.getLogger(IndexDrift.class);
    private static final int BATCH = 1000;

    /** What one check found and mended. */
    record Report(long inDatabase, long inIndex, List<String> reindexed, List<String> removed) {

        boolean clean() {
            return reindexed.isEmpty() && removed.isEmpty();
        }
    }

    private final EntityManagerFactory entityManagerFactory;
    private final ProductRevisions revisions;
    private final TransactionTemplate transactions;
    private final SearchIndex index;

    IndexDrift(
            EntityManagerFactory entityManagerFactory,
            ProductRevisions revisions,
            TransactionTemplate transactions,
            SearchIndex index) {
        this.entityManagerFactory = entityManagerFactory;
        this.revisions = revisions;
        this.transactions = transactions;
        this.index = index;
    }

    @Scheduled(
            fixedDelayString = "${meshport.search.drift-check-interval:PT5M}",
            initialDelayString = "${meshport.search.drift-check-interval:PT5M}")
    @SchedulerLock(
            name = "search-drift-check",
            lockAtLeastFor = "${meshport.search.drift-check-interval:PT5M}",
            lockAtMostFor = "PT1H")
    void runScheduled() {
        if (index.state() != SearchIndex.State.READY) {
            return;
        }
        try {
            Report report = check();
            if (!report.clean()) {
                log.warn(
                        "Search index drifted from the database: reindexed {} product(s) {}, removed {} {}",
                        report.reindexed().size(),
                        sample(report.reindexed()),
                        report.removed().size(),
                        sample(report.removed()));
            }
        } catch (RuntimeException e) {
            log.warn("Search index drift check failed: {}", e.toString());
        }
    }

    /** Compares every product's revision in the database with the index's, and mends the differences. */
    Report check() {
        Map<String, Long> indexed = indexedRevisions();
        long inIndex = indexed.size();
        long inDatabase = 0;
        List<String> stale = new ArrayList<>();
        String after = "";
        for (List<ProductRevisions.Revision> page = revisions.after(after, BATCH);
                !page.isEmpty();
                page = revisions.after(after, BATCH)) {
            for (ProductRevisions.Revision row : page) {
                Long revision = indexed.remove(row.id());
                if (revision == null || revision != row.revision()) {
                    stale.add(row.id());
                }
            }
            inDatabase += page.size();
            after = page.getLast().id();
        }
        // What is left in the index has no row: deleted while the index did not hear of it.
        List<String> gone = new ArrayList<>(indexed.keySet());
        for (int from = 0; from < stale.size() || from < gone.size(); from += BATCH) {
            List<String> reindex = stale.subList(Math.min(from, stale.size()), Math.min(from + BATCH, stale.size()));
            List<String> remove = gone.subList(Math.min(from, gone.size()), Math.min(from + BATCH, gone.size()));
            mend(reindex, remove);
        }
        return new Report(inDatabase, inIndex, List.copyOf(stale), List.copyOf(gone));
    }

    private void mend(List<String> reindex, List<String> remove) {
        transactions.executeWithoutResult(status -> {
            EntityManager entityManager = entityManagerFactory.createEntityManager();
            try {
                SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
                for (String id : reindex) {
                    DataProduct product = entityManager.find(DataProduct.class, id);
                    if (product != null) {
                        plan.addOrUpdate(product);
                    }
                }
                for (String id : remove) {
                    plan.purge(DataProduct.class, id, null);
                }
                plan.execute();
            } finally {
                entityManager.close();
            }
        });
    }

    private Map<String, Long> indexedRevisions() {
        Map<String, Long> indexed = new HashMap<>();
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            SearchSession session = Search.session(entityManager);
            try (SearchScroll<List<?>> scroll = session.search(DataProduct.class)
                    .select(f -> f.composite()
                            .from(f.id(String.class), f.field("revision", Long.class))
                            .asList())
                    .where(f -> f.matchAll())
                    .scroll(BATCH)) {
                for (SearchScrollResult<List<?>> chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
                    for (List<?> hit : chunk.hits()) {
                        Long revision = (Long) hit.get(1);
                        indexed.put((String) hit.get(0), revision == null ? -1L : revision);
                    }
                }
            }
        }
        return indexed;
    }

    private static String sample(List<String> ids) {
        return ids.size() <= 5 ? ids.toString() : ids.subList(0, 5) + "…";
    }
}

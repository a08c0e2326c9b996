package io.meshport.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the Lucene index in step with PostgreSQL. At start the index is compared with the
 * database, entity type by entity type; an empty, missing or outdated index is rebuilt with the
 * mass indexer. Until the index answers queries, health reports the portal as not ready.
 */
@Component("search")
class SearchIndex implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    enum State {
        CHECKING,
        REBUILDING,
        READY,
        FAILED
    }

    /**
     * Bumped whenever the index mapping or analysis changes: an index written by an older
     * Meshport holds the same number of documents but not the same fields, and is rebuilt.
     */
    static final String MAPPING_VERSION = "8";

    private final EntityManagerFactory entityManagerFactory;
    private final SearchBackend backend;
    private final Path versionFile;
    private final AtomicReference<State> state = new AtomicReference<>(State.CHECKING);

    SearchIndex(
            EntityManagerFactory entityManagerFactory,
            SearchBackend backend,
            @Value("${meshport.index-dir:meshport-index}") String indexDirectory) {
        this.entityManagerFactory = entityManagerFactory;
        this.backend = backend;
        this.versionFile = Path.of(indexDirectory).resolve("meshport-mapping-version");
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfOutdated() {
        Thread.ofVirtual().name("search-index-check").start(this::checkAndRebuild);
    }

    void checkAndRebuild() {
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            SearchMapping mapping = Search.mapping(entityManagerFactory);
            SearchSession session = Search.session(entityManager);
            // On a cluster the mapping version is part of the index name (PrefixedIndexLayout): an
            // index of another version is another index, found empty below.
            boolean outdated = !backend.onCluster() && !MAPPING_VERSION.equals(readVersion());
            if (outdated) {
                log.info("Search index was written by another version of Meshport's mapping: rebuilding");
            }
            for (SearchIndexedEntity<?> entity : mapping.allIndexedEntities()) {
                long inDatabase = entityManager
                        .createQuery("select count(e) from " + entity.jpaName() + " e", Long.class)
                        .getSingleResult();
                long inIndex = session.search(entity.javaClass())
                        .where(f -> f.matchAll())
                        .fetchTotalHitCount();
                if (inDatabase != inIndex) {
                    log.info(
                            "Search index of {} holds {} documents, the database {} rows: rebuilding",
                            entity.jpaName(),
                            inIndex,
                            inDatabase);
                    outdated = true;
                }
            }
            if (outdated) {
                state.set(State.REBUILDING);
                long started = System.nanoTime();
                session.massIndexer()
                        .threadsToLoadObjects(2)
                        .mergeSegmentsOnFinish(true)
                        .startAndWait();
                log.info("Search index rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
                if (!backend.onCluster()) {
                    Files.createDirectories(versionFile.getParent());
                    Files.writeString(versionFile, MAPPING_VERSION);
                }
            }
            state.set(State.READY);
        } catch (java.io.IOException e) {
            log.error("Search index version could not be recorded", e);
            state.set(State.READY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state.set(State.FAILED);
        } catch (RuntimeException e) {
            log.error("Search index could not be checked or rebuilt", e);
            state.set(State.FAILED);
        }
    }

    private String readVersion() {
        try {
            return Files.exists(versionFile) ? Files.readString(versionFile).strip() : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    State state() {
        return state.get();
    }

    @Override
    public Health health() {
        State current = state.get();
        if (backend.onCluster()) {
            SearchCluster.State cluster = SearchCluster.check(entityManagerFactory, backend);
            Health.Builder health = current == State.READY && cluster.serving() ? Health.up() : Health.outOfService();
            return health.withDetails(cluster.details())
                    .withDetail("state", current.name().toLowerCase())
                    .build();
        }
        return current == State.READY
                ? Health.up().build()
                : Health.outOfService()
                        .withDetail("index", current.name().toLowerCase())
                        .build();
    }
}

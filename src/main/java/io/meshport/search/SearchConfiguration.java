package io.meshport.search;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    /** What the index check found unreadable and set aside, before Hibernate Search opened it. */
    record UnreadableIndexes(List<Path> setAside) {}

    /** Hibernate Search starts with the entity manager factory: check the index before it. */
    @Bean
    static EntityManagerFactoryDependsOnPostProcessor indexCheckedBeforeSearchStarts() {
        return new EntityManagerFactoryDependsOnPostProcessor(UnreadableIndexes.class);
    }

    @Bean
    SearchBackend searchBackend(Environment environment) {
        return SearchBackend.from(environment);
    }

    /** The embedded Lucene index by default; a cluster's when MESHPORT_SEARCH_URIS is set. */
    @Bean
    HibernatePropertiesCustomizer searchBackendProperties(
            SearchBackend backend, @Value("${meshport.index-dir:meshport-index}") String indexDirectory) {
        return properties -> backend.applyTo(properties, indexDirectory);
    }

    /** Only the embedded index has a directory to check; a cluster looks after its own. */
    @Bean
    UnreadableIndexes unreadableIndexes(
            @Value("${meshport.index-dir:meshport-index}") String root, Clock clock, SearchBackend backend) {
        return new UnreadableIndexes(
                backend.onCluster() ? List.of() : IndexDirectoryGuard.setAsideUnreadable(Path.of(root), clock));
    }
}

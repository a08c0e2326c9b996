package io.meshport.search;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    UnreadableIndexes unreadableIndexes(@Value("${meshport.index-dir:meshport-index}") String root, Clock clock) {
        return new UnreadableIndexes(IndexDirectoryGuard.setAsideUnreadable(Path.of(root), clock));
    }
}

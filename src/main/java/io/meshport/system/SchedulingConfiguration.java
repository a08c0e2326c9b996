package io.meshport.system;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Scheduled work, and the locks that make it run once across all nodes (decision 0016). A job is
 * a {@code @Scheduled} method with a {@link SchedulerLock} of its own name: the node whose timer
 * fires first takes the lock in PostgreSQL ({@code shedlock}, V0013) and holds it for at least the
 * job's interval, so the other nodes' timers, firing within that interval, skip the round. The
 * database's clock decides when a lock ends, so the nodes' clocks need not agree.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    /**
     * A job's interval is a setting, its longest hold ({@code lockAtMostFor}) is not: an interval
     * set longer than the hold would fail every round of the job (ShedLock refuses a lock held at
     * least longer than at most), so that is refused at start, naming the setting.
     */
    @Bean
    static SmartInitializingSingleton lockedJobsCheck(ApplicationContext context) {
        return () -> {
            Environment environment = context.getEnvironment();
            Map<String, String> names = new HashMap<>();
            for (String bean : context.getBeanNamesForType(Object.class, false, false)) {
                Class<?> type = context.getType(bean, false);
                if (type == null || !type.getPackageName().startsWith("io.meshport")) {
                    continue;
                }
                ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type), method -> {
                    SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
                    if (lock != null) {
                        check(lock, method, environment, names);
                    }
                });
            }
        };
    }

    private static void check(SchedulerLock lock, Method method, Environment environment, Map<String, String> names) {
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        String earlier = names.putIfAbsent(lock.name(), where);
        if (earlier != null && !earlier.equals(where)) {
            throw new IllegalStateException(
                    "Two scheduled jobs share the lock name '" + lock.name() + "': " + earlier + " and " + where);
        }
        Duration atMost = duration(environment, lock.lockAtMostFor(), where);
        Duration atLeast = duration(environment, lock.lockAtLeastFor(), where);
        if (atMost != null && atLeast != null && atLeast.compareTo(atMost) > 0) {
            throw new IllegalStateException("The interval of " + where + " (" + lock.lockAtLeastFor() + " = " + atLeast
                    + ") must not be longer than the most its lock '" + lock.name() + "' is held (" + atMost
                    + "); choose a shorter interval.");
        }
    }

    private static @Nullable Duration duration(Environment environment, String value, String where) {
        if (value.isEmpty()) {
            return null;
        }
        String resolved = environment.resolvePlaceholders(value).trim();
        try {
            return Duration.parse(resolved);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "The interval of " + where + " (" + value + ") is not a duration such as PT5M: " + resolved);
        }
    }
}

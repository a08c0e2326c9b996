package io.meshport.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** A job's interval that its lock cannot hold is refused at start, naming the job. */
class LockSettingsTest {

    static class Job {
        @SchedulerLock(name = "job", lockAtLeastFor = "${job.interval}", lockAtMostFor = "PT1H")
        public void run() {}
    }

    static class SameName {
        @SchedulerLock(name = "job", lockAtMostFor = "PT1H")
        public void run() {}
    }

    @Test
    void an_interval_longer_than_the_most_the_lock_is_held_is_refused() {
        assertThatThrownBy(() -> start(Map.of("job.interval", "PT2H"), Job.class))
                .hasMessageContaining("Job.run")
                .hasMessageContaining("${job.interval}")
                .hasMessageContaining("PT1H");
    }

    @Test
    void an_interval_that_is_no_duration_is_refused() {
        assertThatThrownBy(() -> start(Map.of("job.interval", "often"), Job.class))
                .hasMessageContaining("not a duration")
                .hasMessageContaining("often");
    }

    @Test
    void two_jobs_with_one_lock_name_are_refused() {
        assertThatThrownBy(() -> start(Map.of("job.interval", "PT5M"), Job.class, SameName.class))
                .hasMessageContaining("share the lock name 'job'");
    }

    private static void start(Map<String, Object> settings, Class<?>... jobs) {
        try (var context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", settings));
            context.registerBean(
                    SmartInitializingSingleton.class, () -> SchedulingConfiguration.lockedJobsCheck(context));
            for (Class<?> job : jobs) {
                context.registerBean(job);
            }
            context.refresh();
        }
    }
}

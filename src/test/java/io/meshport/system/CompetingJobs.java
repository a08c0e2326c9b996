package io.meshport.system;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;

/**
 * Jobs locked as the portal's own are, that {@link LockedJobsTest} starts by hand (no timer): one
 * that waits until told, so that a second start overlaps the first, and one held for an hour.
 */
@Component
class CompetingJobs {

    static final String OVERLAPPING = "test-overlapping-job";
    static final String HOURLY = "test-hourly-job";

    // Static: the bean the test is given is a proxy (the lock is taken around the method).
    static final AtomicInteger overlappingRuns = new AtomicInteger();
    static final AtomicInteger hourlyRuns = new AtomicInteger();
    static volatile CountDownLatch release = new CountDownLatch(0);

    @SchedulerLock(name = OVERLAPPING, lockAtMostFor = "PT1M")
    public void overlapping() throws InterruptedException {
        overlappingRuns.incrementAndGet();
        // Bounded, so that without the lock the second run fails the test instead of hanging it.
        release.await(10, TimeUnit.SECONDS);
    }

    @SchedulerLock(name = HOURLY, lockAtLeastFor = "PT1H", lockAtMostFor = "PT2H")
    public void hourly() {
        hourlyRuns.incrementAndGet();
    }
}
